import { runContentJob, type ContentJob } from './contentJobs'

// One job per worker: the page starts a worker, posts one job, reads one answer and terminates it,
// so a runaway conversion can always be stopped from outside.
self.addEventListener('message', (event: MessageEvent<ContentJob>) => {
  void runContentJob(event.data).then((result) => self.postMessage(result))
})
