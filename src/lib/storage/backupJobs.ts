import type { StudyDocument } from '../content/types'
import { defaultSections } from './backup'
import { buildBackup, restoreBackup, restoreSnapshot, takeSnapshot, type RestoreOutcome, type SectionData } from './backupFile'
import { openProgressDb, type ProgressRepository, type SnapshotRecord } from './progressDb'

/**
 * Backup work, run in backupWorker.ts: each job reads or writes every record (a 50 MB backup is
 * 210 000 review logs), which on the page was one task of seconds. The page sends a request and
 * gets progress and the answer (src/workers/backupClient.ts); a worker serves one job and is ended.
 */
export interface ImportRequest {
  type: 'import'
  /** A handle, not a copy. */
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

/** A snapshot before 清除 or a document change: writing 50 MB of progress out as text froze the page for 7 s. */
export interface TakeSnapshotRequest {
  type: 'take-snapshot'
  reason: string
  provided: SectionData
  now: number
}

/** 导出备份: the whole backup's text. */
export interface ExportRequest {
  type: 'export'
  provided: SectionData
  now: number
}

/** The 数据安全 list: IndexedDB reads each snapshot whole, 50 MB of text apiece, to give its date and counts. */
export interface ListSnapshotsRequest {
  type: 'list-snapshots'
}

/** Progress under an older bank's card ids moved to today's (old id → new id): every log of a long history is rewritten. */
export interface MoveCardsRequest {
  type: 'move-cards'
  moves: [string, string][]
}

export type BackupRequest = ImportRequest | SnapshotRequest | TakeSnapshotRequest | ExportRequest | ListSnapshotsRequest | MoveCardsRequest

export type SnapshotOutcome = { ok: true; deferred: SectionData } | { ok: false; error: string }
export type SnapshotListing = Omit<SnapshotRecord, 'data'>

/** The answer to each kind of request. */
export interface BackupResults {
  import: RestoreOutcome
  snapshot: SnapshotOutcome
  'take-snapshot': true
  export: { text: string; counts: Record<string, number> }
  'list-snapshots': SnapshotListing[]
  /** Card states moved. */
  'move-cards': number
}

export type WorkerMessage =
  | { type: 'progress'; fraction: number; step: string }
  | { type: 'result'; result: BackupResults[keyof BackupResults] }
  /** The job threw (the database could not be opened, the file could not be read): the page words it. */
  | { type: 'failed'; error: string }

/** One job against an open repository; the page runs the same when no worker can start. */
export async function runBackupJob<K extends BackupRequest['type']>(
  request: Extract<BackupRequest, { type: K }>,
  repo: ProgressRepository,
  onProgress: (fraction: number, step: string) => void = () => {},
): Promise<BackupResults[K]> {
  const job = request as BackupRequest
  const answer = await (async (): Promise<BackupResults[keyof BackupResults]> => {
    switch (job.type) {
      case 'import': {
        const { knownDocIds, bundled, provided, now } = job
        return restoreBackup(await job.file.text(), { repo, sections: defaultSections(), now, knownDocIds, bundled, provided, onProgress })
      }
      case 'snapshot':
        return restoreSnapshot(job.id, { repo, sections: defaultSections(), now: job.now, provided: job.provided })
      case 'take-snapshot':
        await takeSnapshot(repo, defaultSections(), job.reason, job.now, job.provided)
        return true
      case 'export':
        return buildBackup(repo, defaultSections(), job.now, job.provided)
      case 'list-snapshots':
        return repo.listSnapshots()
      case 'move-cards':
        return repo.moveCards(new Map(job.moves))
    }
  })()
  return answer as BackupResults[K]
}
