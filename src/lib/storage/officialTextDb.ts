import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import { isOfficialTextRecord, type OfficialTextRecord } from '../content/officialRecords'

export const OFFICIAL_TEXT_DB_NAME = 'study-garden-official-text'
export const OFFICIAL_TEXT_DB_VERSION = 1

interface OfficialTextSchema extends DBSchema {
  passages: { key: string; value: OfficialTextRecord; indexes: { docId: string } }
}

/** Passages a branch filled or replaced from its own official copy, kept in this browser (IndexedDB). */
export interface OfficialTextRepository {
  all(): Promise<OfficialTextRecord[]>
  /** Writes a document's records in one transaction, replacing whatever that document had. */
  replaceDocument(docId: string, records: readonly OfficialTextRecord[]): Promise<void>
  close(): void
}

export async function openOfficialTextDb(name = OFFICIAL_TEXT_DB_NAME): Promise<OfficialTextRepository> {
  const db: IDBPDatabase<OfficialTextSchema> = await openDB<OfficialTextSchema>(name, OFFICIAL_TEXT_DB_VERSION, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) database.createObjectStore('passages', { keyPath: 'id' }).createIndex('docId', 'docId')
    },
    blocking() {
      db.close()
    },
  })
  return {
    async all() {
      return (await db.getAll('passages')).filter(isOfficialTextRecord)
    },
    async replaceDocument(docId, records) {
      const tx = db.transaction('passages', 'readwrite')
      for (const key of await tx.store.index('docId').getAllKeys(docId)) await tx.store.delete(key)
      for (const record of records) if (record.docId === docId) await tx.store.put(record)
      await tx.done
    },
    close() {
      db.close()
    },
  }
}

/** For the progress backup file: every record, as plain JSON. */
export async function exportOfficialText(repository: OfficialTextRepository): Promise<OfficialTextRecord[]> {
  return repository.all()
}

/**
 * Restores records from a backup: valid records are merged (the later confirmation wins per passage),
 * anything else is skipped. Returns how many records were taken.
 */
export async function importOfficialText(repository: OfficialTextRepository, incoming: unknown): Promise<number> {
  if (!Array.isArray(incoming)) return 0
  const existing = new Map((await repository.all()).map((r) => [r.id, r]))
  let taken = 0
  for (const record of incoming.filter(isOfficialTextRecord)) {
    const before = existing.get(record.id)
    if (before && before.checkedAt >= record.checkedAt) continue
    existing.set(record.id, record)
    taken++
  }
  const byDoc = new Map<string, OfficialTextRecord[]>()
  for (const record of existing.values()) byDoc.set(record.docId, [...(byDoc.get(record.docId) ?? []), record])
  for (const [docId, records] of byDoc) await repository.replaceDocument(docId, records)
  return taken
}
