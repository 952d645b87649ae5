/// <reference lib="webworker" />
import { runBackupJob, type BackupRequest, type WorkerMessage } from './backupJobs'
import { openProgressDb } from './progressDb'

/** The backup worker: one job (backupJobs.ts) against its own connection to the database. */
const scope = self as unknown as DedicatedWorkerGlobalScope
scope.onmessage = async (event: MessageEvent<BackupRequest>) => {
  const post = (message: WorkerMessage) => scope.postMessage(message)
  try {
    const repo = await openProgressDb()
    try {
      post({ type: 'result', result: await runBackupJob(event.data, repo, (fraction, step) => post({ type: 'progress', fraction, step })) })
    } finally {
      repo.close()
    }
  } catch (cause) {
    post({ type: 'failed', error: cause instanceof Error ? cause.message : String(cause) })
  }
}
