import { toRaw } from 'vue'
import type { CheckedQuestion, ParsedQuestion } from '@/lib/bank/types'
import type { StudyDocument } from '@/lib/content/types'
import type { SearchAnswer as EngineAnswer, SearchHit, SearchRequest } from '@/lib/search/engine'
import type { ParsedQuery } from '@/lib/search/query'
import type { SearchAnswer, SearchJob } from './searchJobs'
import { workerCalls } from './workerCalls'

/** The search engine as the page sees it: every call answers later, from a worker when one can start. */
export interface SearchBackend {
  /** Settles when the index is built (rejects if it cannot be). */
  ready: Promise<void>
  /** Questions are answered before `ready`, provisionally, from the texts. */
  answersEarly: boolean
  search(query: string | ParsedQuery, request?: SearchRequest): Promise<SearchHit[]>
  /**
   * The results and what to tell the member when the texts cannot answer as asked. `engineOnly`: the engine's
   * answer, once the index is built, never the texts' provisional one.
   */
  answer(query: string | ParsedQuery, request?: SearchRequest, engineOnly?: boolean): Promise<EngineAnswer>
  /** The query as the engine reads it (short forms spelled out, pinyin read back). */
  readAs(text: string): Promise<string>
  removeDocuments(docIds: string[]): Promise<void>
  addDocuments(documents: readonly StudyDocument[]): Promise<void>
  checkBank(questions: readonly ParsedQuestion[], cardPrompts: readonly string[]): Promise<CheckedQuestion[]>
}

const plainRequest = (request: SearchRequest): SearchRequest => ({ ...request, docIds: request.docIds ? [...request.docIds] : undefined })

// Structured clone refuses Vue's proxies; the documents themselves are plain (markRaw) data.
const plain = (documents: readonly StudyDocument[]): StudyDocument[] => toRaw(documents).map((doc) => toRaw(doc))

type Runner = (job: SearchJob) => Promise<SearchAnswer>

function inWorker(): Runner | null {
  // The worker comes from the boot script (src/boot.ts); without it (a test page), the search runs on the page.
  const worker = window.studyGardenSearchWorker?.take() ?? null
  if (!worker) return null
  // A worker that cannot start (or dies) fails every open job; the caller falls back to the page.
  return workerCalls<SearchJob, SearchAnswer>(worker, (reason) => ({ kind: 'failed', error: reason || 'search worker failed' }))
}

/** The boot script started the search worker with the page: the app should take it up at once. */
export const searchStartedWithPage = (): boolean => window.studyGardenSearchWorker?.startedEarly === true

function expect<K extends SearchAnswer['kind']>(answer: SearchAnswer, kind: K): Extract<SearchAnswer, { kind: K }> {
  if (answer.kind === kind) return answer as Extract<SearchAnswer, { kind: K }>
  throw new Error(answer.kind === 'failed' ? answer.error : `unexpected ${answer.kind}`)
}

/**
 * The search, in a worker if possible, else on the page (with the page's copy of the texts). With a worker
 * it answers at once: until the index is built (`ready`), a question is answered from the texts themselves
 * (provisional answers, lib/search/scan.ts) and every other call waits.
 */
export function startSearch(bundled: () => Promise<readonly StudyDocument[]>): SearchBackend {
  const load: SearchJob = { kind: 'load' }
  const worker = inWorker()
  let loaded: Runner | null = null
  let workerFailed = false
  const runner = (async (): Promise<Runner> => {
    if (worker) {
      if ((await worker(load)).kind === 'done') return (loaded = worker)
      workerFailed = true
    }
    // The engine comes to the page only here: in the app shell it would cost every start-up its bytes.
    const { searchRunner } = await import('./searchJobs')
    const onPage = searchRunner(() => Promise.all([import('virtual:search-vocabulary').then((module) => module.default), bundled()]))
    expect(await onPage(load), 'done')
    return (loaded = onPage)
  })()
  const call = async (job: SearchJob): Promise<SearchAnswer> => {
    if (loaded) return loaded(job)
    if (worker && !workerFailed && job.kind === 'answer') {
      // A worker that dies (or never starts: its script unreachable) with a question open fails it: the engine
      // on the page answers it instead, rather than the member being told nothing was found.
      const early = await worker(job)
      if (early.kind !== 'failed') return early
    }
    return (await runner)(job)
  }
  return {
    ready: runner.then(() => undefined),
    answersEarly: worker !== null,
    search: async (query, request = {}) => expect(await call({ kind: 'search', query: toRaw(query), request: plainRequest(request) }), 'hits').hits,
    answer: async (query, request = {}, engineOnly = false) =>
      expect(await call({ kind: 'answer', query: toRaw(query), request: plainRequest(request), ...(engineOnly ? { engineOnly } : {}) }), 'answer').answer,
    readAs: async (text) => expect(await call({ kind: 'read-as', text }), 'text').text,
    removeDocuments: async (docIds) => void expect(await call({ kind: 'remove', docIds: [...docIds] }), 'done'),
    addDocuments: async (docs) => void expect(await call({ kind: 'add', documents: plain(docs) }), 'done'),
    checkBank: async (questions, cardPrompts) =>
      expect(await call({ kind: 'check-bank', questions: questions.map((q) => ({ ...toRaw(q), options: [...q.options] })), cardPrompts: [...cardPrompts] }), 'checked').questions,
  }
}
