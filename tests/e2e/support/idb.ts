import type { Page } from 'playwright-core'

/** Record counts of the app's databases, read in the page (without creating a database that is not there). */
export async function dbCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const names = new Set((await indexedDB.databases()).map((d) => d.name))
    const counts: Record<string, number> = {}
    const stores: [string, string, string][] = [
      ['study-garden-progress', 'cardStates', 'cardStates'],
      ['study-garden-progress', 'reviewLogs', 'reviewLogs'],
      ['study-garden-progress', 'mistakes', 'mistakes'],
      ['study-garden-progress', 'quarantine', 'quarantine'],
      ['study-garden-library', 'documents', 'documents'],
      ['study-garden-meeting', 'quizzes', 'quizzes'],
    ]
    for (const [dbName, store, key] of stores) {
      counts[key] = 0
      if (!names.has(dbName)) continue
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(dbName)
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
      if (db.objectStoreNames.contains(store)) {
        counts[key] = await new Promise<number>((resolve) => {
          const request = db.transaction(store).objectStore(store).count()
          request.onsuccess = () => resolve(request.result)
        })
      }
      db.close()
    }
    return counts
  })
}

/** All records of one store, read in the page. */
export async function dbAll<T>(page: Page, dbName: string, store: string): Promise<T[]> {
  return page.evaluate(
    async ([dbName, store]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(dbName!)
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
      const all = await new Promise<unknown[]>((resolve) => {
        const request = db.transaction(store!).objectStore(store!).getAll()
        request.onsuccess = () => resolve(request.result)
      })
      db.close()
      return all
    },
    [dbName, store],
  ) as Promise<T[]>
}
