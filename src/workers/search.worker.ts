import corpus from 'virtual:study-corpus'
import { HEADER_RESULT_LIMIT, previewOf, type PreviewReply, type PreviewRequest } from '@/lib/search/preview'
import { TextScan } from '@/lib/search/scan'
import type { SearchAnswer, SearchJob } from './searchJobs'

// The texts come inside this script rather than as a chunk it asks for once it runs: on a phone's line that
// second request waited a round trip behind the app's own scripts, and a question typed at once waited for it.
// The engine's code and the search's vocabulary are asked for as the worker starts; the index is built here,
// from these texts.
const texts = Promise.all([import('virtual:search-vocabulary').then((m) => m.default), corpus] as const)
// Settled by the load job below (which answers 'failed' if they never came); not an unhandled rejection meanwhile.
texts.catch(() => undefined)
const run = import('./searchJobs').then(({ searchRunner }) => searchRunner(() => texts))
// Until the index is built, a question is answered by reading the texts (lib/search/scan.ts): the index is built
// in steps (PassageSearch.buildInSteps), so such a question is answered between two of them.
const scan = readable(() => TextScan.of(corpus))
let loaded = false

/** Texts that cannot be read (null) leave the question to the engine, which says what went wrong. */
function readable<T>(read: () => T): T | null {
  try {
    return read()
  } catch {
    return null
  }
}

const failed = (cause: unknown): SearchAnswer => ({ kind: 'failed', error: cause instanceof Error ? cause.message : String(cause) })

// Jobs answer in the order they came (one engine, run one after another); the id pairs them up.
// Loading starts as the worker does: it is created only when the page will search, often before the
// page itself has finished loading (src/boot.ts), and its first job is always 'load'.
let queue: Promise<unknown> = run
  .then((runner) => runner({ kind: 'load' }))
  // For the start-up benchmark (tests/e2e/startupBench.e2e.ts), which reports when the engine was ready.
  .then((answer) => ((loaded = answer.kind === 'done'), performance.mark('study-garden:search-loaded'), answer))
  .catch(failed)
const inTurn = (request: SearchJob): Promise<SearchAnswer> => {
  const answer = queue.then(async () => (await run)(request)).catch(failed)
  queue = answer
  return answer
}
const early = (request: SearchJob): SearchAnswer | null =>
  !loaded && scan && request.kind === 'answer' ? readable(() => ({ kind: 'answer', answer: scan.answer(request.query, request.request) })) : null
/** The texts' answer while the index is built (unless the engine's is wanted), else the engine's, in turn. */
const answerOf = async (request: SearchJob, engineOnly = false): Promise<SearchAnswer> => (!engineOnly && early(request)) || inTurn(request)

/**
 * index.html's box before the app has run (src/preShellResults.ts): the header's answer with its snippets.
 * An empty answer from the texts says "not yet"; the box asks again, waiting for the engine's.
 */
async function preview({ id, preview: text, wait }: PreviewRequest): Promise<PreviewReply> {
  const request: SearchJob = { kind: 'answer', query: text, request: { limit: HEADER_RESULT_LIMIT } }
  const reply = await answerOf(request, wait)
  return { id, preview: reply.kind === 'answer' ? previewOf(text, reply.answer) : null }
}

self.addEventListener('message', (event: MessageEvent<{ id: number; request: SearchJob } | PreviewRequest>) => {
  const message = event.data
  if ('preview' in message) return void preview(message).then((reply) => self.postMessage(reply))
  const { id, request } = message
  void answerOf(request, request.kind === 'answer' && request.engineOnly === true).then((reply) => self.postMessage({ id, answer: reply }))
})
