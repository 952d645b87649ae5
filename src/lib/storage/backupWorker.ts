/// <reference lib="webworker" />
import { runBackupJob, type BackupRequest, type WorkerMessage } from './backupJobs'
import { isClosedDatabaseError } from './closedDatabase'
import { openProgressDb } from './progressDb'

/** The backup worker: one job (backupJobs.ts) against its own connection to the database. */
const scope = self as unknown as DedicatedWorkerGlobalScope
// Site data cleared under a running job: the job fails through its own awaited path (answered below); the
// transactions it had open also reject promises nobody awaits, which are not errors of their own.
scope.addEventListener('unhandledrejection', (event) => {
  if (isClosedDatabaseError(event.reason)) event.preventDefault()
})
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
