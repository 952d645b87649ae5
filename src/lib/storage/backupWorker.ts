/// <reference lib="webworker" />
import type { StudyDocument } from '../content/types'
import { defaultSections } from './backup'
import { restoreBackup, restoreSnapshot, type RestoreOutcome, type SectionData } from './backupFile'
import { openProgressDb } from './progressDb'

/**
 * Imports a backup off the main thread: reading a 50 MB file, checking and writing it froze the
 * page for seconds. The page sends the file (a handle, not a copy) and gets progress and the outcome.
 */
export interface ImportRequest {
  type: 'import'
  file: Blob
  knownDocIds: string[]
  /** The bundled texts (the worker has no copy of its own). */
  bundled: StudyDocument[]
  provided: SectionData
  now: number
}

/** Restoring a snapshot: parsing tens of megabytes and rewriting every store was one 21-second task on the page. */
export interface SnapshotRequest {
  type: 'snapshot'
  id: string
  provided: SectionData
  now: number
}

export type SnapshotOutcome = { ok: true; deferred: SectionData } | { ok: false; error: string }

export type WorkerMessage =
  | { type: 'progress'; fraction: number; step: string }
  | { type: 'done'; outcome: RestoreOutcome }
  | { type: 'restored'; outcome: SnapshotOutcome }

const scope = self as unknown as DedicatedWorkerGlobalScope
scope.onmessage = async (event: MessageEvent<ImportRequest | SnapshotRequest>) => {
  const post = (message: WorkerMessage) => scope.postMessage(message)
  const request = event.data
  if (request.type === 'snapshot') {
    let outcome: SnapshotOutcome
    try {
      const repo = await openProgressDb()
      try {
        outcome = await restoreSnapshot(request.id, { repo, sections: defaultSections(), now: request.now, provided: request.provided })
      } finally {
        repo.close()
      }
    } catch (cause) {
      outcome = { ok: false, error: `恢复失败（${cause instanceof Error ? cause.message : String(cause)}），请再试一次。` }
    }
    return post({ type: 'restored', outcome })
  }
  let outcome: RestoreOutcome
  try {
    const { file, knownDocIds, bundled, provided, now } = request
    const text = await file.text()
    const repo = await openProgressDb()
    try {
      outcome = await restoreBackup(text, {
        repo, sections: defaultSections(), now, knownDocIds, bundled, provided,
        onProgress: (fraction, step) => post({ type: 'progress', fraction, step }),
      })
    } finally {
      repo.close()
    }
  } catch (cause) {
    outcome = { ok: false, error: `导入失败（${cause instanceof Error ? cause.message : String(cause)}），未导入学习进度。` }
  }
  post({ type: 'done', outcome })
}
