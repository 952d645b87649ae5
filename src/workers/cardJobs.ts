import { generateCards } from '@/lib/cards'
import type { Card } from '@/lib/cards/types'
import { applyOfficialText, type OfficialTextRecord } from '@/lib/content/officialRecords'
import type { StudyDocument } from '@/lib/content/types'

export type CardAnswer = { kind: 'cards'; cards: Card[] } | { kind: 'failed'; error: string }

/**
 * What the page sends for a card bank: only what lives in its browser (the branch's documents, the passages
 * filled from its official copy). The bundled texts are loaded where the cards are made, so the home page,
 * which shows 每日一练, never has to fetch them.
 */
export interface CardRequest {
  local: StudyDocument[]
  records: OfficialTextRecord[]
}

/**
 * The card bank of the bundled texts (records applied) and the branch's documents, plus the hand-written
 * cards (each loaded once). Runs in the card worker, or on the page where no worker can start: generating
 * every card took the page's main thread for a second and more on a slowed phone, at start-up, for 每日一练
 * on the home page.
 */
export function cardRunner(load: { manual: () => Promise<readonly Card[]>; bundled: () => Promise<readonly StudyDocument[]> }): (request: CardRequest) => Promise<CardAnswer> {
  let loaded: Promise<[readonly Card[], readonly StudyDocument[]]> | null = null
  return async ({ local, records }) => {
    try {
      loaded ??= Promise.all([load.manual(), load.bundled()])
      const [manual, bundled] = await loaded
      return { kind: 'cards', cards: generateCards([...bundled.map((doc) => applyOfficialText(doc, records)), ...local], manual) }
    } catch (cause) {
      loaded = null
      return { kind: 'failed', error: cause instanceof Error ? cause.message : String(cause) }
    }
  }
}
