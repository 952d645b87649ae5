/**
 * Where the search worker is created: only in src/boot.ts, the app's first script, a file of its own that
 * runs as soon as it arrives (scripts/build/bootEntry.ts). It hands the app this source through `window`
 * rather than a shared module, which would become a chunk of its own the boot script must wait for.
 */
export interface SearchWorkerSource {
  /** True when the worker started with the page (书库, 检索): the app should use it at once. */
  startedEarly: boolean
  /** The worker started early if it is still alive, else a new one; null where no worker can start. */
  take(): Worker | null
}

declare global {
  interface Window {
    studyGardenSearchWorker?: SearchWorkerSource
  }
}

function create(): Worker | null {
  if (typeof Worker === 'undefined') return null
  try {
    return new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' })
  } catch {
    // A policy or browser that refuses workers: the app runs the search on the page instead.
    return null
  }
}

/**
 * Installs the source; `startNow` starts the worker (which fetches the index and the texts at once) and
 * returns it, for index.html's box to ask until the app takes it (src/preShellResults.ts).
 */
export function installSearchWorkerSource(startNow: boolean): Worker | null {
  let early: { worker: Worker; failed: boolean } | null = null
  const worker = startNow ? create() : null
  if (worker) {
    const started = { worker, failed: false }
    // A worker that fails before the app listens would leave the app's first call unanswered: remember it.
    worker.addEventListener('error', () => (started.failed = true), { once: true })
    early = started
  }
  window.studyGardenSearchWorker = {
    startedEarly: Boolean(early),
    take() {
      const started = early
      early = null
      if (started && !started.failed) return started.worker
      started?.worker.terminate()
      return create()
    },
  }
  return worker
}
