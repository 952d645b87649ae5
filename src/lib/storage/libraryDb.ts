import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import type { LocalDocumentRecord } from '../content/localDocument'

export const LIBRARY_DB_NAME = 'study-garden-library'
export const LIBRARY_DB_VERSION = 1

interface LibrarySchema extends DBSchema {
  documents: { key: string; value: LocalDocumentRecord }
}

/** The branch's own documents, kept in this browser (IndexedDB). */
export interface LibraryRepository {
  all(): Promise<LocalDocumentRecord[]>
  put(record: LocalDocumentRecord): Promise<void>
  delete(id: string): Promise<void>
  close(): void
}

export async function openLibraryDb(name = LIBRARY_DB_NAME): Promise<LibraryRepository> {
  const db: IDBPDatabase<LibrarySchema> = await openDB<LibrarySchema>(name, LIBRARY_DB_VERSION, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) database.createObjectStore('documents', { keyPath: 'id' })
    },
    blocking() {
      db.close()
    },
  })
  return {
    async all() {
      const records = await db.getAll('documents')
      // Whatever an older version or a bad write left behind is skipped, not fatal.
      return records.filter(isRecord).sort((a, b) => a.addedAt.localeCompare(b.addedAt))
    },
    async put(record) {
      await db.put('documents', record)
    },
    async delete(id) {
      await db.delete('documents', id)
    },
    close() {
      db.close()
    },
  }
}

function isRecord(value: unknown): value is LocalDocumentRecord {
  if (typeof value !== 'object' || value === null) return false
  const r = value as Record<string, unknown>
  return ['id', 'title', 'text', 'origin', 'addedAt', 'updatedAt'].every((key) => typeof r[key] === 'string')
}
