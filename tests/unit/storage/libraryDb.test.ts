import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { localDocument } from '../../../src/lib/content/localDocument'
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

describe('parsed forms are stored, so start-up does not parse again (issue 12, item 8)', () => {
  const record = { id: 'local-a', title: '十不准', text: '一、甲。\n二、乙。', origin: '粘贴文本', addedAt: '2026-11-26T08:00:00.000Z', updatedAt: '2026-11-26T08:00:00.000Z' }

  it('upgrades a version-1 database: its documents stay, and get parsed forms once', async () => {
    // A database exactly as version 1 of the app left it.
    const raw = indexedDB.open('v1-library', 1)
    raw.onupgradeneeded = () => raw.result.createObjectStore('documents', { keyPath: 'id' })
    await new Promise((resolve) => (raw.onsuccess = resolve))
    const tx = raw.result.transaction('documents', 'readwrite')
    tx.objectStore('documents').put(record)
    await new Promise((resolve) => (tx.oncomplete = resolve))
    raw.result.close()

    const repo = await openLibraryDb('v1-library')
    expect(await repo.all()).toEqual([record])
    expect(await repo.loadParsed()).toEqual([{ record }])
    const parsed = localDocument(record)
    await repo.putParsed(record, parsed)
    const [stored] = await repo.loadParsed()
    expect(stored!.parsed?.passages.map((p) => p.anchor)).toEqual(['item-1', 'item-2'])
    repo.close()
  })

  it('a changed record drops its old parsed form; a stale one from another tab is not kept', async () => {
    const repo = await openLibraryDb('parsed-library')
    await repo.put(record, localDocument(record))
    expect((await repo.loadParsed())[0]!.parsed).toBeDefined()

    const replaced = { ...record, text: '一、丙。', updatedAt: '2026-11-27T08:00:00.000Z' }
    await repo.put(replaced) // e.g. a restore from a backup, which does not parse
    expect(await repo.loadParsed()).toEqual([{ record: replaced }])
    await repo.putParsed(record, localDocument(record)) // parsed from the record before it was replaced
    expect(await repo.loadParsed()).toEqual([{ record: replaced }])
    await repo.putParsed(replaced, localDocument(replaced))
    expect((await repo.loadParsed())[0]!.parsed?.passages[0]!.text).toBe('一、丙。')

    await repo.delete(record.id)
    expect(await repo.loadParsed()).toEqual([])
    await repo.putParsed(replaced, localDocument(replaced)) // deleted meanwhile: nothing comes back
    expect(await repo.loadParsed()).toEqual([])
    repo.close()
  })
})
