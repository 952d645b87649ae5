import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import { recordFingerprint, type LocalDocumentRecord } from '../content/localDocument'
import type { StudyDocument } from '../content/types'

export const LIBRARY_DB_NAME = 'study-garden-library'
/** 1: documents. 2: + parsed (each document's parsed form, so start-up does not parse again). */
export const LIBRARY_DB_VERSION = 2

/** A document's parsed form, valid only while `fingerprint` matches its record. */
interface ParsedRow {
  id: string
  fingerprint: string
  document: StudyDocument
}

interface LibrarySchema extends DBSchema {
  documents: { key: string; value: LocalDocumentRecord }
  parsed: { key: string; value: ParsedRow }
}

/** A stored document, with its parsed form when one was stored for exactly this record. */
export interface StoredLocalDocument {
  record: LocalDocumentRecord
  parsed?: StudyDocument
}

/** The branch's own documents, kept in this browser (IndexedDB). */
export interface LibraryRepository {
  all(): Promise<LocalDocumentRecord[]>
  /** Every record with its still-valid parsed form (none when the record changed since it was parsed). */
  loadParsed(): Promise<StoredLocalDocument[]>
  /** Writes a record; with `parsed`, its parsed form in the same transaction, else any old parsed form is dropped. */
  put(record: LocalDocumentRecord, parsed?: StudyDocument): Promise<void>
  /** Keeps the parsed form of a record that is already stored (after parsing it at start-up). */
  putParsed(record: LocalDocumentRecord, parsed: StudyDocument): Promise<void>
  delete(id: string): Promise<void>
  close(): void
}

export async function openLibraryDb(name = LIBRARY_DB_NAME): Promise<LibraryRepository> {
  const db: IDBPDatabase<LibrarySchema> = await openDB<LibrarySchema>(name, LIBRARY_DB_VERSION, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) database.createObjectStore('documents', { keyPath: 'id' })
      // Records from version 1 keep as they are; their parsed forms are made once, at the next start-up.
      if (oldVersion < 2) database.createObjectStore('parsed', { keyPath: 'id' })
    },
    blocking() {
      db.close()
    },
  })
  const records = async () =>
    // Whatever an older version or a bad write left behind is skipped, not fatal.
    (await db.getAll('documents')).filter(isLocalDocumentRecord).sort((a, b) => a.addedAt.localeCompare(b.addedAt))
  return {
    all: records,
    async loadParsed() {
      const tx = db.transaction(['documents', 'parsed'])
      const [rows, parsed] = await Promise.all([tx.objectStore('documents').getAll(), tx.objectStore('parsed').getAll()])
      const byId = new Map(parsed.map((row) => [row.id, row]))
      return rows
        .filter(isLocalDocumentRecord)
        .sort((a, b) => a.addedAt.localeCompare(b.addedAt))
        .map((record) => {
          const row = byId.get(record.id)
          return row && row.fingerprint === recordFingerprint(record) && isParsed(row.document) ? { record, parsed: row.document } : { record }
        })
    },
    async put(record, parsed) {
      const tx = db.transaction(['documents', 'parsed'], 'readwrite')
      await Promise.all([
        tx.objectStore('documents').put(record),
        parsed ? tx.objectStore('parsed').put({ id: record.id, fingerprint: recordFingerprint(record), document: parsed }) : tx.objectStore('parsed').delete(record.id),
        tx.done,
      ])
    },
    async putParsed(record, parsed) {
      const tx = db.transaction(['documents', 'parsed'], 'readwrite')
      const current = await tx.objectStore('documents').get(record.id)
      // Another tab may have replaced or deleted the record meanwhile; then this parsed form is stale.
      if (current && isLocalDocumentRecord(current) && recordFingerprint(current) === recordFingerprint(record))
        await tx.objectStore('parsed').put({ id: record.id, fingerprint: recordFingerprint(record), document: parsed })
      await tx.done
    },
    async delete(id) {
      const tx = db.transaction(['documents', 'parsed'], 'readwrite')
      await Promise.all([tx.objectStore('documents').delete(id), tx.objectStore('parsed').delete(id), tx.done])
    },
    close() {
      db.close()
    },
  }
}

/** A stored (or backed-up) document record of the right shape. */
export function isLocalDocumentRecord(value: unknown): value is LocalDocumentRecord {
  if (typeof value !== 'object' || value === null) return false
  const r = value as Record<string, unknown>
  return ['id', 'title', 'text', 'origin', 'addedAt', 'updatedAt'].every((key) => typeof r[key] === 'string')
}

function isParsed(value: unknown): value is StudyDocument {
  if (typeof value !== 'object' || value === null) return false
  const d = value as Record<string, unknown>
  return typeof d.id === 'string' && Array.isArray(d.passages) && Array.isArray(d.toc) && typeof d.length === 'number'
}
