import { toRaw } from 'vue'
import type { Card } from '@/lib/cards/types'
import type { StudyDocument } from '@/lib/content/types'
import { cardRunner, type CardAnswer } from './cardJobs'

type Run = (documents: readonly StudyDocument[]) => Promise<CardAnswer>

let worker: Run | null | undefined
let onPage: Run | undefined

function startWorker(): Run | null {
  if (typeof Worker === 'undefined') return null
  const instance = new Worker(new URL('./card.worker.ts', import.meta.url), { type: 'module' })
  const waiting = new Map<number, (answer: CardAnswer) => void>()
  let next = 0
  instance.addEventListener('message', (event: MessageEvent<{ id: number; answer: CardAnswer }>) => {
    waiting.get(event.data.id)?.(event.data.answer)
    waiting.delete(event.data.id)
  })
  instance.addEventListener('error', (event) => {
    event.preventDefault()
    for (const settle of waiting.values()) settle({ kind: 'failed', error: event.message || 'card worker failed' })
    waiting.clear()
  })
  return (documents) =>
    new Promise((resolve) => {
      const id = next++
      waiting.set(id, resolve)
      // Structured clone refuses Vue's proxies; the documents themselves are plain (markRaw) data.
      instance.postMessage({ id, documents: documents.map((doc) => toRaw(doc)) })
    })
}

/** The card bank of these documents, generated in a worker; on the page if the worker cannot run. */
export async function generateCardsOffThread(documents: readonly StudyDocument[]): Promise<Card[]> {
  if (worker === undefined) worker = startWorker()
  // A document that cannot be cloned (postMessage throws) is generated on the page instead.
  let answer = worker ? await worker(documents).catch(() => undefined) : undefined
  if (!answer || answer.kind === 'failed') {
    if (answer) worker = null
    onPage ??= cardRunner(() => import('virtual:manual-cards').then((module) => module.default))
    answer = await onPage(documents)
  }
  if (answer.kind === 'failed') throw new Error(answer.error)
  return answer.cards
}
