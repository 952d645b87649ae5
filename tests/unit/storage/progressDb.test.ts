import 'fake-indexeddb/auto'
import { openDB } from 'idb'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createScheduler, type CardState, type ReviewLogEntry } from '@/lib/schedule'
import { buildBackup, restoreBackup } from '@/lib/storage/backupFile'
import { openProgressDb, PROGRESS_DB_NAME, READ_PAGE, type ProgressRepository } from '@/lib/storage/progressDb'
import { PROGRESS_FILE_FORMAT } from '@/lib/storage/progressTypes'
import { makeCard, MINUTE, T0 } from '../schedule/fixtures'

let name = ''
let serial = 0
const open: ProgressRepository[] = []
async function repo(version?: number): Promise<ProgressRepository> {
  const r = await openProgressDb({ name, version })
  open.push(r)
  return r
}

beforeEach(() => {
  name = `progress-test-${++serial}`
})
afterEach(() => {
  for (const r of open.splice(0)) r.close()
})

const scheduler = createScheduler()
const cards = [makeCard(1), makeCard(2), makeCard(3)]
function rate(before: CardState | null, n: number, grade: 1 | 2 | 3 | 4, at: number) {
  return scheduler.rate(before, cards[n]!, grade, at)
}

describe('progress database', () => {
  it('uses the agreed database name by default', () => {
    expect(PROGRESS_DB_NAME).toBe('study-garden-progress')
  })

  it('reads a long history in pages, every log once, by review time, damaged ones left out', async () => {
    const db = await repo()
    const total = 2 * READ_PAGE + 7
    // Keys in an order unlike review order: the pages go by key, the result by review.
    const logs: ReviewLogEntry[] = Array.from({ length: total }, (_, i) => ({
      id: `log-${String((i * 7919) % total).padStart(6, '0')}`, cardId: `c${i % 40}`, docId: 'constitution', grade: 3, state: 2,
      due: T0, stability: 3, difficulty: 5, elapsedDays: 1, scheduledDays: 1, review: T0 + i * MINUTE,
    }))
    const raw = await openDB(name)
    const tx = raw.transaction('reviewLogs', 'readwrite')
    await Promise.all([...logs.map((l) => tx.store.put(l)), tx.store.put({ id: 'log-broken', review: 'yesterday' }), tx.done])
    raw.close()
    const read = (await db.loadAll()).reviewLogs
    expect(read).toHaveLength(total)
    expect(read.map((l) => l.review)).toEqual(logs.map((l) => l.review))
  }, 30_000)

  it('saves and undoes a review in one step', async () => {
    const db = await repo()
    const first = rate(null, 0, 3, T0)
    await db.saveReview(first.after, first.log)
    const second = rate(first.after, 0, 3, T0 + 10 * MINUTE)
    await db.saveReview(second.after, second.log)
    let data = await db.loadAll()
    expect(data.cardStates).toEqual([second.after])
    expect(data.reviewLogs.map((l) => l.review)).toEqual([T0, T0 + 10 * MINUTE])
    await db.undoReview(second.before, cards[0]!.id, second.log.id)
    data = await db.loadAll()
    expect(data.cardStates).toEqual([first.after])
    await db.undoReview(null, cards[0]!.id, first.log.id)
    data = await db.loadAll()
    expect(data.cardStates).toEqual([])
    expect(data.reviewLogs).toEqual([])
  })

  it('keeps settings and mistakes', async () => {
    const db = await repo()
    expect((await db.loadAll()).settings).toBeNull()
    await db.saveSettings({ retention: 0.85, dailyNewLimit: 5, docIds: ['constitution'], types: [] })
    const card = cards[1]!
    await db.putMistakes([{ id: card.id, docId: card.docId, card, lastResponse: '错', wrongCount: 1, firstWrongAt: T0, lastWrongAt: T0 }])
    const data = await db.loadAll()
    expect(data.settings).toEqual({ retention: 0.85, dailyNewLimit: 5, docIds: ['constitution'], types: [] })
    expect(data.mistakes.map((m) => m.id)).toEqual([card.id])
    await db.deleteMistakes([card.id])
    expect((await db.loadAll()).mistakes).toEqual([])
  })

  it('migrates a version 1 database: ISO review times become milliseconds, the mistakes store appears', async () => {
    const v1 = await repo(1)
    expect([...v1.db.objectStoreNames].sort()).toEqual(['cardStates', 'reviewLogs', 'settings'])
    const { after, log } = rate(null, 0, 3, T0)
    await v1.db.put('cardStates', after)
    // Version 1 wrote review times as ISO strings.
    const legacy = { ...log, review: new Date(T0).toISOString() } as unknown as ReviewLogEntry
    const broken = { ...log, id: 'broken', review: 'not a date' } as unknown as ReviewLogEntry
    await v1.db.put('reviewLogs', legacy)
    await v1.db.put('reviewLogs', broken)
    v1.close()

    const v2 = await repo()
    expect(v2.db.version).toBe(3)
    expect([...v2.db.objectStoreNames].sort()).toEqual(['cardStates', 'mistakes', 'quarantine', 'reviewLogs', 'settings', 'snapshots'])
    const data = await v2.loadAll()
    expect(data.cardStates).toEqual([after])
    expect(data.reviewLogs).toEqual([log])
    expect(typeof data.reviewLogs[0]!.review).toBe('number')
  })

  it('opens an existing version 2 database without touching its data', async () => {
    const a = await repo(2)
    const { after, log } = rate(null, 0, 4, T0)
    await a.saveReview(after, log)
    a.close()
    const raw = await openDB(name)
    expect(raw.version).toBe(2)
    raw.close()
    const b = await repo()
    expect(b.db.version).toBe(3)
    expect((await b.loadAll()).reviewLogs).toEqual([log])
  })
})

/** The backup file as the app writes it (progress only: no other sections here). */
async function exportText(db: ProgressRepository, now: number): Promise<string> {
  return (await buildBackup(db, [], now)).text
}
/** The app's import path: checked, merged, written in one transaction. */
async function importText(db: ProgressRepository, text: string) {
  const outcome = await restoreBackup(text, { repo: db, sections: [], now: Date.now(), knownDocIds: ['constitution'], bundled: [], snapshotReason: null })
  return outcome.ok ? { ok: true as const, summary: outcome.summary } : outcome
}

describe('export and import', () => {
  it('exports a versioned file and restores it after clearing', async () => {
    const db = await repo()
    const a = rate(null, 0, 3, T0)
    const b = rate(null, 1, 4, T0 + MINUTE)
    await db.saveReview(a.after, a.log)
    await db.saveReview(b.after, b.log)
    const text = await exportText(db, T0 + 2 * MINUTE)
    expect(JSON.parse(text)).toMatchObject({ format: PROGRESS_FILE_FORMAT, version: 2, exportedAt: new Date(T0 + 2 * MINUTE).toISOString() })
    await db.clearAll()
    expect((await db.loadAll()).cardStates).toEqual([])
    const result = await importText(db, text)
    expect(result).toEqual({ ok: true, summary: { cardStates: 2, reviewLogs: 2, mistakes: 0 } })
    const data = await db.loadAll()
    expect(data.cardStates.map((s) => s.cardId).sort()).toEqual([cards[0]!.id, cards[1]!.id].sort())
    expect(data.reviewLogs).toHaveLength(2)
    // Importing the same file again adds nothing.
    expect(await importText(db, text)).toEqual({ ok: true, summary: { cardStates: 0, reviewLogs: 0, mistakes: 0 } })
  })

  it('merges: per card the latest review wins, logs are united', async () => {
    const phone = await repo()
    name = `${name}-laptop`
    const laptop = await repo()
    // Both devices learn card 0; the laptop reviews it later. Card 1 only on the phone, card 2 only on the laptop.
    const p0 = rate(null, 0, 3, T0)
    const l0a = rate(null, 0, 4, T0 + MINUTE)
    const l0b = rate(l0a.after, 0, 3, l0a.after.due)
    const p1 = rate(null, 1, 3, T0)
    const l2 = rate(null, 2, 1, T0)
    await phone.saveReview(p0.after, p0.log)
    await phone.saveReview(p1.after, p1.log)
    await phone.saveSettings({ retention: 0.8, dailyNewLimit: 3, docIds: [], types: [] })
    for (const r of [l0a, l0b, l2]) await laptop.saveReview(r.after, r.log)
    await laptop.saveSettings({ retention: 0.95, dailyNewLimit: 50, docIds: [], types: [] })

    const laptopFile = await exportText(laptop, T0)
    const result = await importText(phone, laptopFile)
    expect(result).toEqual({ ok: true, summary: { cardStates: 2, reviewLogs: 3, mistakes: 0 } })
    const merged = await phone.loadAll()
    const byId = new Map(merged.cardStates.map((s) => [s.cardId, s]))
    expect(byId.get(cards[0]!.id)).toEqual(l0b.after)
    expect(byId.get(cards[1]!.id)).toEqual(p1.after)
    expect(byId.get(cards[2]!.id)).toEqual(l2.after)
    expect(merged.reviewLogs).toHaveLength(5)
    expect(merged.settings?.retention).toBe(0.8)

    // The other way round: only card 1 and the phone's two logs are new to the laptop.
    expect(await importText(laptop, await exportText(phone, T0))).toEqual({ ok: true, summary: { cardStates: 1, reviewLogs: 2, mistakes: 0 } })
    const back = await laptop.loadAll()
    expect(back.cardStates.find((s) => s.cardId === cards[0]!.id)).toEqual(l0b.after)
    expect(back.reviewLogs).toHaveLength(5)

    // The phone reviews card 0 again; the laptop's older file no longer changes it.
    const p0c = rate(l0b.after, 0, 3, l0b.after.due)
    await phone.saveReview(p0c.after, p0c.log)
    expect(await importText(phone, laptopFile)).toEqual({ ok: true, summary: { cardStates: 0, reviewLogs: 0, mistakes: 0 } })
    expect((await phone.loadAll()).cardStates.find((s) => s.cardId === cards[0]!.id)).toEqual(p0c.after)
  })

  it.each([
    ['{not json', '不是有效的 JSON'],
    ['[]', '不是学习园地导出的进度文件'],
    [JSON.stringify({ format: 'other-app', version: 1 }), '不是学习园地导出的进度文件'],
    [JSON.stringify({ format: PROGRESS_FILE_FORMAT, version: 99, cardStates: [], reviewLogs: [] }), '较新版本'],
    [JSON.stringify({ format: PROGRESS_FILE_FORMAT, cardStates: [], reviewLogs: [] }), '缺少格式版本号'],
    [JSON.stringify({ format: PROGRESS_FILE_FORMAT, version: 1, reviewLogs: [] }), '缺少卡片进度列表'],
  ])('rejects a bad file (%s) in Chinese and changes nothing', async (text, message) => {
    const db = await repo()
    const { after, log } = rate(null, 0, 3, T0)
    await db.saveReview(after, log)
    const before = await db.loadAll()
    const result = await importText(db, text)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error).toContain(message)
      expect(result.error).toContain('未导入任何内容')
    }
    expect(await db.loadAll()).toEqual(before)
  })

  it('rejects a file with one broken record among good ones, naming it, and imports none of them', async () => {
    const db = await repo()
    const good = rate(null, 0, 3, T0)
    const other = rate(null, 1, 3, T0)
    const file = {
      format: PROGRESS_FILE_FORMAT,
      version: 1,
      cardStates: [good.after, { ...other.after, due: 'tomorrow' }],
      reviewLogs: [good.log],
      mistakes: [],
      settings: null,
    }
    const result = await importText(db, JSON.stringify(file))
    expect(result).toEqual({ ok: false, error: '进度文件内容有误：第 2 条卡片进度记录格式有误（字段 due），未导入任何内容。' })
    const data = await db.loadAll()
    expect(data.cardStates).toEqual([])
    expect(data.reviewLogs).toEqual([])
  })
})

describe('damaged records', () => {
  it('skips unreadable records on load instead of failing', async () => {
    const db = await repo()
    const { after, log } = rate(null, 0, 3, T0)
    await db.saveReview(after, log)
    await db.db.put('cardStates', { cardId: 'broken', due: 'soon' } as unknown as CardState)
    await db.db.put('reviewLogs', { id: 'x', review: null } as unknown as ReviewLogEntry)
    await db.db.put('settings', { retention: 'high' } as never, 'study')
    const data = await db.loadAll()
    expect(data.cardStates).toEqual([after])
    expect(data.reviewLogs).toEqual([log])
    expect(data.settings).toEqual({ retention: 0.9, dailyNewLimit: 20, docIds: [], types: [] })
  })
})
