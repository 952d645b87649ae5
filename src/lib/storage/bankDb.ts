import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import { screenImportedSet, type ImportedBankSet } from '../bank/importedSet'

export const BANK_DB_NAME = 'study-garden-banks'
export const BANK_DB_VERSION = 1

interface BankSchema extends DBSchema {
  sets: { key: string; value: ImportedBankSet }
}

/** The question banks the branch imported and kept, in this browser (IndexedDB), beside its own documents. */
export interface BankRepository {
  /** Every stored set, oldest first; a damaged record or question is left out, not fatal. */
  all(): Promise<ImportedBankSet[]>
  put(set: ImportedBankSet): Promise<void>
  delete(id: string): Promise<void>
  close(): void
}

export async function openBankDb(name = BANK_DB_NAME): Promise<BankRepository> {
  const db: IDBPDatabase<BankSchema> = await openDB<BankSchema>(name, BANK_DB_VERSION, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) database.createObjectStore('sets', { keyPath: 'id' })
    },
    blocking() {
      db.close()
    },
  })
  return {
    async all() {
      const rows = await db.getAll('sets')
      return rows
        .map(screenImportedSet)
        .flatMap((screened) => (screened ? [screened.set] : []))
        .sort((a, b) => a.addedAt.localeCompare(b.addedAt))
    },
    async put(set) {
      await db.put('sets', set)
    },
    async delete(id) {
      await db.delete('sets', id)
    },
    close() {
      db.close()
    },
  }
}
