import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { openLibraryDb } from '../../../src/lib/storage/libraryDb'

describe('library database', () => {
  it('keeps, replaces and deletes added documents, skipping malformed rows', async () => {
    const repo = await openLibraryDb('test-library')
    const base = { title: '十不准', text: '一、甲。', origin: '粘贴文本', addedAt: '2026-11-26T08:00:00Z', updatedAt: '2026-11-26T08:00:00Z' }
    await repo.put({ id: 'local-b', ...base, addedAt: '2026-11-27T08:00:00Z' })
    await repo.put({ id: 'local-a', ...base })
    await repo.put({ id: 'local-a', ...base, title: '干部作风十不准' })
    expect((await repo.all()).map((r) => [r.id, r.title])).toEqual([['local-a', '干部作风十不准'], ['local-b', '十不准']])
    await repo.delete('local-b')
    expect((await repo.all()).map((r) => r.id)).toEqual(['local-a'])
    repo.close()

    // A row written by something else, with missing fields, must not break the library.
    const raw = indexedDB.open('test-library')
    await new Promise((resolve) => (raw.onsuccess = resolve))
    const tx = raw.result.transaction('documents', 'readwrite')
    tx.objectStore('documents').put({ id: 'junk', title: 3 })
    await new Promise((resolve) => (tx.oncomplete = resolve))
    raw.result.close()
    const again = await openLibraryDb('test-library')
    expect((await again.all()).map((r) => r.id)).toEqual(['local-a'])
    again.close()
  })
})
