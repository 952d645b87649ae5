import 'fake-indexeddb/auto'
import { readFileSync } from 'node:fs'
import { IDBFactory } from 'fake-indexeddb'
import { beforeEach, describe, expect, it } from 'vitest'
import { parseDocument } from '@/lib/content/parseDocument'
import { createQuizStore } from '@/lib/meeting/quizStore'
import { createScheduler, type CardState } from '@/lib/schedule'
import { documentsSection, officialTextSection, preferencesSection, quarantineSection, quizzesSection, type BackupSection } from '@/lib/storage/backup'
import { buildBackup, restoreBackup, restoreSnapshot } from '@/lib/storage/backupFile'
import { openLibraryDb } from '@/lib/storage/libraryDb'
import { openOfficialTextDb } from '@/lib/storage/officialTextDb'
import { openProgressDb } from '@/lib/storage/progressDb'
import { makeCard, MINUTE, T0 } from '../schedule/fixtures'

const scheduler = createScheduler()
const card = makeCard(1)
const ownDoc = { id: 'local-abc-0001', title: '支部学习计划', text: '第一条 按时参加组织生活。', origin: '粘贴文本', addedAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-02T00:00:00.000Z' }
const ownCard = makeCard(2, { docId: ownDoc.id })
const quiz = { id: 'q1', name: '七一竞赛', teams: ['一组', '二组'], startingScore: 100, rounds: [], updatedAt: T0 }

function memoryStorage() {
  const data = new Map<string, string>()
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data }
}

let prefs = memoryStorage()
const sections = (): BackupSection[] => [documentsSection(), officialTextSection(), quizzesSection(createQuizStore()), preferencesSection(() => prefs)] as BackupSection[]
const constitution = parseDocument('constitution.md', readFileSync(new URL('../../../content/constitution.md', import.meta.url), 'utf8'))
/** A filled gap as the app stores it (TEST wording, not the official text). */
const fill = { id: 'constitution#general-8', docId: 'constitution', anchor: 'general-8', kind: 'fill' as const, text: '【测试数据】补入的正文。', bundled: constitution.passages.find((p) => p.anchor === 'general-8')!.text, checkedAt: '2025-01-03T00:00:00.000Z' }

beforeEach(() => {
  // A fresh browser profile for every test.
  globalThis.indexedDB = new IDBFactory()
  prefs = memoryStorage()
})

describe('backup holds everything a member would miss', () => {
  it('own documents keep their id, so their cards’ progress is theirs again after clear + restore', async () => {
    const repo = await openProgressDb()
    const library = await openLibraryDb()
    await library.put(ownDoc)
    library.close()
    await createQuizStore().save(quiz)
    const official = await openOfficialTextDb()
    await official.replaceDocument('constitution', [fill])
    official.close()
    prefs.setItem('study-garden:reader-font-size', '24')
    const a = scheduler.rate(null, card, 3, T0)
    const b = scheduler.rate(null, ownCard, 4, T0 + MINUTE)
    await repo.saveReview(a.after, a.log)
    await repo.saveReview(b.after, b.log)
    const { text, counts } = await buildBackup(repo, sections(), T0 + 2 * MINUTE)
    expect(counts).toMatchObject({ cardStates: 2, reviewLogs: 2, documents: 1, officialText: 1, quizzes: 1, preferences: 1 })
    repo.close()

    // Clear site data: a new profile.
    globalThis.indexedDB = new IDBFactory()
    prefs = memoryStorage()
    const fresh = await openProgressDb()
    const outcome = await restoreBackup(text, { repo: fresh, sections: sections(), now: T0 + DAY_MS, knownDocIds: ['constitution'], bundled: [constitution] })
    expect(outcome.ok).toBe(true)
    const data = await fresh.loadAll()
    expect(data.cardStates.map((s) => s.cardId).sort()).toEqual([card.id, ownCard.id].sort())
    expect(data.reviewLogs).toHaveLength(2)
    const docs = await (await openLibraryDb()).all()
    expect(docs.map((d) => d.id)).toEqual([ownDoc.id])
    expect((await createQuizStore().list()).map((q) => q.id)).toEqual(['q1'])
    expect(await (await openOfficialTextDb()).all()).toEqual([fill])
    expect(prefs.getItem('study-garden:reader-font-size')).toBe('24')
    if (outcome.ok) expect(outcome.report.quarantined).toEqual([])
    fresh.close()
  })
})

const DAY_MS = 86_400_000

describe('implausible imported values', () => {
  it('repairs a negative stability (FSRS would throw on every reveal) and keeps unknown cards aside, not dropped', async () => {
    const repo = await openProgressDb()
    const good = scheduler.rate(null, card, 3, T0)
    const reviewed = scheduler.rate(good.after, card, 3, T0 + DAY_MS)
    const broken: CardState = { ...reviewed.after, stability: -5 }
    const orphan: CardState = { ...scheduler.rate(null, makeCard(3, { docId: 'deleted-doc' }), 3, T0).after }
    const file = { format: 'study-garden-progress', version: 1, exportedAt: '', cardStates: [broken, orphan], reviewLogs: [good.log, reviewed.log], mistakes: [] }
    const outcome = await restoreBackup(JSON.stringify(file), { repo, sections: [], now: T0 + 2 * DAY_MS, knownDocIds: ['constitution'], bundled: [] })
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    expect(outcome.report.repaired.map((r) => r.id)).toEqual([card.id])
    expect(outcome.report.quarantined.map((q) => q.id)).toEqual([orphan.cardId])
    const stored = (await repo.loadAll()).cardStates
    expect(stored).toHaveLength(1)
    // The repaired card can be rated: no "Invalid memory state".
    expect(() => scheduler.rate(stored[0]!, card, 3, T0 + 3 * DAY_MS)).not.toThrow()
    expect((await repo.listQuarantine()).map((q) => (q.record as CardState).cardId)).toEqual([orphan.cardId])
    repo.close()
  })

  it('the integrity check repairs a damaged stored card, quarantines a broken record, and says so', async () => {
    const repo = await openProgressDb()
    const first = scheduler.rate(null, card, 3, T0)
    const second = scheduler.rate(first.after, card, 3, T0 + DAY_MS)
    await repo.db.put('cardStates', { ...second.after, stability: -1, difficulty: 42 })
    await repo.db.put('reviewLogs', { id: 'junk', cardId: 5 } as never)
    expect(() => scheduler.rate({ ...second.after, stability: -1 }, card, 3, T0 + 5 * DAY_MS)).toThrow(/Invalid memory state/)
    const report = await repo.checkIntegrity(T0 + 4 * DAY_MS)
    expect(report.repaired.map((r) => r.id)).toEqual([card.id])
    expect(report.quarantined.map((q) => q.id)).toEqual(['junk'])
    const state = (await repo.loadAll()).cardStates[0]!
    expect(() => scheduler.rate(state, card, 3, T0 + 5 * DAY_MS)).not.toThrow()
    expect(await repo.quarantineCount()).toBe(1)
    // A second run finds nothing more.
    const again = await repo.checkIntegrity(T0 + 4 * DAY_MS)
    expect([again.repaired.length, again.quarantined.length]).toEqual([0, 0])
    repo.close()
  })
})

describe('records kept aside', () => {
  it('travel with the backup to a fresh device', async () => {
    const repo = await openProgressDb()
    await repo.putQuarantine([{ id: 'cardStates:x:1', kind: 'cardStates', reason: '所属文档在本机不存在', record: { cardId: 'x' }, at: T0 }])
    const { text, counts } = await buildBackup(repo, [quarantineSection()] as BackupSection[], T0)
    expect(counts.quarantine).toBe(1)
    repo.close()
    globalThis.indexedDB = new IDBFactory()
    const fresh = await openProgressDb()
    const outcome = await restoreBackup(text, { repo: fresh, sections: [quarantineSection()] as BackupSection[], now: T0, knownDocIds: [], bundled: [] })
    expect(outcome.ok).toBe(true)
    expect((await fresh.listQuarantine()).map((q) => q.id)).toEqual(['cardStates:x:1'])
    fresh.close()
  })
})

describe('automatic snapshots', () => {
  it('an import takes a snapshot first; restoring it brings back the state before; only the newest 3 are kept', async () => {
    const repo = await openProgressDb()
    const a = scheduler.rate(null, card, 3, T0)
    await repo.saveReview(a.after, a.log)
    const other = scheduler.rate(null, makeCard(4), 1, T0)
    const file = JSON.stringify({ format: 'study-garden-progress', version: 1, exportedAt: '', cardStates: [other.after], reviewLogs: [other.log], mistakes: [] })
    for (let i = 0; i < 4; i++) {
      const outcome = await restoreBackup(file, { repo, sections: [], now: T0 + i, knownDocIds: ['constitution'], bundled: [] })
      expect(outcome.ok).toBe(true)
    }
    const list = await repo.listSnapshots()
    expect(list).toHaveLength(3)
    expect(list[0]!.at).toBe(T0 + 3)
    expect((await repo.loadAll()).cardStates).toHaveLength(2)
    // The oldest kept snapshot was taken before the second import: it already holds both cards.
    // Restore a snapshot taken before an import into an otherwise empty device instead:
    const repo2Name = 'snap-test'
    const r2 = await openProgressDb({ name: repo2Name })
    await r2.saveReview(a.after, a.log)
    await restoreBackup(file, { repo: r2, sections: [], now: T0 + 10, knownDocIds: ['constitution'], bundled: [] })
    const before = (await r2.listSnapshots())[0]!
    expect(before.summary.cardStates).toBe(1)
    const restored = await restoreSnapshot(before.id, { repo: r2, sections: [], now: T0 + 11 })
    expect(restored.ok).toBe(true)
    expect((await r2.loadAll()).cardStates.map((s) => s.cardId)).toEqual([card.id])
    repo.close()
    r2.close()
  })

  it('a file that is not a backup changes nothing and takes no snapshot', async () => {
    const repo = await openProgressDb()
    const outcome = await restoreBackup('{"format":"other"}', { repo, sections: [], now: T0, knownDocIds: [], bundled: [] })
    expect(outcome.ok).toBe(false)
    expect(await repo.listSnapshots()).toEqual([])
    repo.close()
  })
})
