import type { SearchAnswer, SearchJob } from './searchJobs'

// The index and the texts are asked for first, before the engine's own code: the worker's script is then a
// few hundred bytes, and all three downloads run side by side instead of the data waiting for the code.
const texts = Promise.all([import('virtual:search-index').then((m) => m.default), import('virtual:study-corpus').then((m) => m.default)])
// Settled by the load job below (which answers 'failed' if they never came); not an unhandled rejection meanwhile.
texts.catch(() => undefined)
const run = import('./searchJobs').then(({ searchRunner }) => searchRunner(() => texts))

const failed = (cause: unknown): SearchAnswer => ({ kind: 'failed', error: cause instanceof Error ? cause.message : String(cause) })

// Jobs answer in the order they came (one engine, run one after another); the id pairs them up.
// Loading starts as the worker does: it is created only when the page will search, often before the
// page itself has finished loading (src/boot.ts), and its first job is always 'load'.
let queue: Promise<unknown> = run
  .then((runner) => runner({ kind: 'load' }))
  // For the start-up benchmark (tests/e2e/startupBench.e2e.ts), which reports when the engine was ready.
  .then((answer) => (performance.mark('study-garden:search-loaded'), answer))
  .catch(failed)
self.addEventListener('message', (event: MessageEvent<{ id: number; request: SearchJob }>) => {
  const { id, request } = event.data
  queue = queue
    .then(async () => (await run)(request))
    .catch(failed)
    .then((answer) => self.postMessage({ id, answer }))
})
