import { searchRunner, type SearchJob } from './searchJobs'

// Jobs answer in the order they came (one engine, run one after another); the id pairs them up.
// The worker fetches the index and the texts itself, both at once: nothing waits for the page.
const run = searchRunner(() => Promise.all([import('virtual:search-index').then((m) => m.default), import('virtual:study-corpus').then((m) => m.default)]))
// Loading starts as the worker does: it is created only when the page will search, often before the
// page itself has finished loading (src/boot.ts), and its first job is always 'load'.
let queue: Promise<unknown> = run({ kind: 'load' })
self.addEventListener('message', (event: MessageEvent<{ id: number; request: SearchJob }>) => {
  const { id, request } = event.data
  queue = queue.then(() => run(request)).then((answer) => self.postMessage({ id, answer }))
})
