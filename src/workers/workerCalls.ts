/**
 * Calls to a long-lived worker that answers `{ id, answer }` to each `{ id, request }`: the id pairs an
 * answer with its call. A worker that cannot start (or dies) answers every open call with `failed(reason)`,
 * and the caller falls back to the page. The worker itself is created by the caller, where Vite can see
 * its `new Worker(new URL(…))`.
 */
export function workerCalls<Request, Answer>(worker: Worker, failed: (reason: string) => Answer): (request: Request) => Promise<Answer> {
  const waiting = new Map<number, (answer: Answer) => void>()
  let next = 0
  worker.addEventListener('message', (event: MessageEvent<{ id: number; answer: Answer }>) => {
    waiting.get(event.data.id)?.(event.data.answer)
    waiting.delete(event.data.id)
  })
  worker.addEventListener('error', (event) => {
    event.preventDefault()
    for (const settle of waiting.values()) settle(failed(event.message))
    waiting.clear()
  })
  return (request) =>
    new Promise((resolve) => {
      const id = next++
      waiting.set(id, resolve)
      worker.postMessage({ id, request })
    })
}
