import { generateCards } from '@/lib/cards'
import type { Card } from '@/lib/cards/types'
import type { StudyDocument } from '@/lib/content/types'

export type CardAnswer = { kind: 'cards'; cards: Card[] } | { kind: 'failed'; error: string }

/**
 * The card bank from these documents plus the hand-written cards (loaded once). Runs in the card
 * worker, or on the page where no worker can start: generating every card took the page's main
 * thread for a second and more on a slowed phone, at start-up, for 每日一练 on the home page.
 */
export function cardRunner(loadManual: () => Promise<readonly Card[]>): (documents: readonly StudyDocument[]) => Promise<CardAnswer> {
  let manual: Promise<readonly Card[]> | null = null
  return async (documents) => {
    try {
      manual ??= loadManual()
      return { kind: 'cards', cards: generateCards(documents, await manual) }
    } catch (cause) {
      manual = null
      return { kind: 'failed', error: cause instanceof Error ? cause.message : String(cause) }
    }
  }
}
