import type { SearchAnswer, SearchJob } from './searchJobs'

// The texts and the engine's code are asked for first, side by side: the worker's script is then a few hundred
// bytes. The index (the largest piece) follows the texts, so they and the app shell share the line with less.
const corpus = import('virtual:study-corpus').then((m) => m.default)
const texts = Promise.all([corpus.then(() => import('virtual:search-index')).then((m) => m.default), corpus])
// Settled by the load job below (which answers 'failed' if they never came); not an unhandled rejection meanwhile.
texts.catch(() => undefined)
const run = import('./searchJobs').then(({ searchRunner }) => searchRunner(() => texts))
// Until the index is loaded, a question is answered by reading the texts (lib/search/scan.ts): they are a third
// of the index's bytes, so a member who types at once sees results before the engine is ready.
const scan = Promise.all([corpus, import('@/lib/search/scan')]).then(([documents, { TextScan }]) => TextScan.of(documents))
scan.catch(() => undefined)
let loaded = false

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
const early = (request: Extract<SearchJob, { kind: 'answer' }>): Promise<SearchAnswer> =>
  scan.then((texts): SearchAnswer => ({ kind: 'answer', answer: texts.answer(request.query, request.request) }))

self.addEventListener('message', (event: MessageEvent<{ id: number; request: SearchJob }>) => {
  const { id, request } = event.data
  // Texts that cannot be read now wait for the engine, which says what went wrong.
  const answer = !loaded && request.kind === 'answer' ? early(request).catch(() => inTurn(request)) : inTurn(request)
  void answer.then((reply) => self.postMessage({ id, answer: reply }))
})
