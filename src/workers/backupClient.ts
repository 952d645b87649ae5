import type { BackupRequest, BackupResults, WorkerMessage } from '@/lib/storage/backupJobs'
import type { ProgressRepository } from '@/lib/storage/progressDb'

export type BackupAnswer<K extends BackupRequest['type']> = { ok: true; result: BackupResults[K] } | { ok: false; error: string }

/**
 * Runs a backup job (import, snapshots, export) in a fresh backup worker, so the page keeps
 * answering; on the page, with its own repository, where no worker can run. A job that throws
 * or a worker that dies answers `ok: false` with the reason, for the caller to word.
 */
export async function backupJob<K extends BackupRequest['type']>(
  request: Extract<BackupRequest, { type: K }>,
  repo: ProgressRepository,
  onProgress: (fraction: number, step: string) => void = () => {},
): Promise<BackupAnswer<K>> {
  if (typeof Worker === 'undefined') {
    try {
      // Fetched only here: the page that has a worker never loads the backup code.
      const { runBackupJob } = await import('@/lib/storage/backupJobs')
      return { ok: true, result: await runBackupJob<K>(request, repo, onProgress) }
    } catch (cause) {
      return { ok: false, error: cause instanceof Error ? cause.message : String(cause) }
    }
  }
  return new Promise((resolve) => {
    const worker = new Worker(new URL('../lib/storage/backupWorker.ts', import.meta.url), { type: 'module' })
    const settle = (answer: BackupAnswer<K>) => {
      worker.terminate()
      resolve(answer)
    }
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const message = event.data
      if (message.type === 'progress') onProgress(message.fraction, message.step)
      else if (message.type === 'result') settle({ ok: true, result: message.result as BackupResults[K] })
      else settle({ ok: false, error: message.error })
    }
    worker.onerror = (event) => {
      event.preventDefault()
      settle({ ok: false, error: event.message || '后台任务出错' })
    }
    worker.postMessage(request)
  })
}
