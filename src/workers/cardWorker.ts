import { toRaw } from 'vue'
import type { Card } from '@/lib/cards/types'
import type { OfficialTextRecord } from '@/lib/content/officialRecords'
import type { StudyDocument } from '@/lib/content/types'
import type { CardAnswer, CardRequest } from './cardJobs'
import { workerCalls } from './workerCalls'

type Run = (request: CardRequest) => Promise<CardAnswer>

let worker: Run | null | undefined
let onPage: Run | undefined

function startWorker(): Run | null {
  if (typeof Worker === 'undefined') return null
  const instance = new Worker(new URL('./card.worker.ts', import.meta.url), { type: 'module' })
  return workerCalls<CardRequest, CardAnswer>(instance, (reason) => ({ kind: 'failed', error: reason || 'card worker failed' }))
}

export interface CardSources {
  /** The branch's own documents. */
  local: readonly StudyDocument[]
  /** Passages filled from the branch's official copy, applied to the bundled texts where the cards are made. */
  records: readonly OfficialTextRecord[]
  /** The page's copy of the bundled texts, fetched only if the cards have to be made on the page. */
  bundled: () => Promise<readonly StudyDocument[]>
}

/** The card bank, generated in a worker that loads the bundled texts itself; on the page if the worker cannot run. */
export async function generateCardsOffThread(sources: CardSources): Promise<Card[]> {
  // Structured clone refuses Vue's proxies; documents and records themselves are plain data.
  const request: CardRequest = { local: toRaw(sources.local).map((doc) => toRaw(doc)), records: toRaw(sources.records).map((record) => ({ ...toRaw(record) })) }
  if (worker === undefined) worker = startWorker()
  // A document that cannot be cloned (postMessage throws) is generated on the page instead.
  let answer = worker ? await worker(request).catch(() => undefined) : undefined
  if (!answer || answer.kind === 'failed') {
    if (answer) worker = null
    // The generators come to the page only here, never with the stores that ask for cards.
    const { cardRunner } = await import('./cardJobs')
    onPage ??= cardRunner({ manual: () => import('virtual:manual-cards').then((module) => module.default), bundled: sources.bundled })
    answer = await onPage(request)
  }
  if (answer.kind === 'failed') throw new Error(answer.error)
  return answer.cards
}
