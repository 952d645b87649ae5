import { searchRunner, type SearchJob } from './searchJobs'

// Jobs answer in the order they came (one engine, run one after another); the id pairs them up.
const run = searchRunner(() => import('virtual:search-index').then((module) => module.default))
let queue: Promise<unknown> = Promise.resolve()
self.addEventListener('message', (event: MessageEvent<{ id: number; job: SearchJob }>) => {
  const { id, job } = event.data
  queue = queue.then(() => run(job)).then((answer) => self.postMessage({ id, answer }))
})
