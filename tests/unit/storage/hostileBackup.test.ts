import 'fake-indexeddb/auto'
import { IDBFactory } from 'fake-indexeddb'
import { beforeEach, describe, expect, it } from 'vitest'
import { createQuizStore } from '@/lib/meeting/quizStore'
import { createScheduler, type CardState } from '@/lib/schedule'
import { documentsSection, preferencesSection, quizzesSection, type BackupSection } from '@/lib/storage/backup'
import { restoreBackup, type RestoreOutcome } from '@/lib/storage/backupFile'
import { openProgressDb } from '@/lib/storage/progressDb'
import { makeCard, T0 } from '../schedule/fixtures'

/*
 * Hostile and clumsy backup files, each with what a member should get. Written from intent:
 * a file that is not a backup changes nothing; one impossible record is repaired or kept aside
 * while the rest imports; nothing is dropped without being counted.
 */
const scheduler = createScheduler()
const NOW = T0 + 10 * 86_400_000
const card = makeCard(1)
const first = scheduler.rate(null, card, 3, T0)
const reviewed = scheduler.rate(first.after, card, 3, T0 + 86_400_000)
const goodState = reviewed.after
const goodLog = first.log
const base = { format: 'study-garden-progress', version: 2, exportedAt: '', cardStates: [goodState], reviewLogs: [goodLog], mistakes: [] as unknown[] }
const file = (over: Record<string, unknown>) => JSON.stringify({ ...base, ...over })
const state = (over: Partial<Record<keyof CardState, unknown>>) => ({ ...goodState, ...over })
const doc = { id: 'local-x-0001', title: '支部文档', text: '第一条 内容。', origin: '粘贴文本', addedAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' }
const mistake = { id: card.id, docId: card.docId, card, lastResponse: '错', wrongCount: 1, firstWrongAt: T0, lastWrongAt: T0 }

type Expect = { error: RegExp } | { repaired?: number; aside?: number; states?: number; logs?: number; docs?: number }
const CASES: [string, string, Expect][] = [
  ['empty file', '', { error: /不是有效的 JSON/ }],
  ['not JSON (a .docx renamed)', 'PK\u0003\u0004binary', { error: /不是有效的 JSON/ }],
  ['JSON but another app', '{"format":"anki"}', { error: /不是学习园地导出的进度文件/ }],
  ['a JSON array', '[1,2,3]', { error: /不是学习园地导出的进度文件/ }],
  ['from a newer version', file({ version: 99 }), { error: /较新版本/ }],
  ['version missing', file({ version: undefined }), { error: /版本号/ }],
  ['card list missing', file({ cardStates: undefined }), { error: /缺少卡片进度列表/ }],
  ['a card record with a wrong type (string stability)', file({ cardStates: [state({ stability: '5' })] }), { error: /第 1 条卡片进度记录格式有误/ }],
  ['UTF-8 BOM before the JSON', '\uFEFF' + file({}), { states: 1, logs: 1 }],
  ['negative stability on a reviewed card', file({ cardStates: [state({ stability: -5 })] }), { repaired: 1, states: 1 }],
  ['difficulty 42', file({ cardStates: [state({ difficulty: 42 })] }), { repaired: 1, states: 1 }],
  ['due in the year 275760', file({ cardStates: [state({ due: 8.64e15 })] }), { repaired: 1, states: 1 }],
  ['last review in the future', file({ cardStates: [state({ lastReview: NOW + 365 * 86_400_000 })] }), { repaired: 1, states: 1 }],
  ['negative reps and lapses', file({ cardStates: [state({ reps: -3, lapses: -1 })] }), { repaired: 1, states: 1 }],
  ['leech not suspended', file({ cardStates: [state({ leech: true, suspended: false })] }), { repaired: 1, states: 1 }],
  ['card of a document this device lacks', file({ cardStates: [state({ docId: 'gone', cardId: 'gone#a:cloze:x' })] }), { aside: 1, states: 0 }],
  ['review log dated 1970', file({ reviewLogs: [{ ...goodLog, review: 0 }] }), { aside: 1, logs: 0 }],
  ['review log with negative stability', file({ reviewLogs: [{ ...goodLog, stability: -1 }] }), { repaired: 1, logs: 1 }],
  ['same review twice', file({ reviewLogs: [goodLog, goodLog] }), { logs: 1 }],
  ['same card twice', file({ cardStates: [goodState, goodState] }), { states: 1 }],
  ['mistake with wrongCount 0', file({ mistakes: [{ ...mistake, wrongCount: 0 }] }), { repaired: 1 }],
  ['mistake whose id is not its card', file({ mistakes: [{ ...mistake, id: 'other' }] }), { aside: 1 }],
  ['__proto__ key in a record', file({ cardStates: [JSON.parse(JSON.stringify(goodState).replace('{', '{"__proto__":{"polluted":true},'))] }), { states: 1 }],
  ['own document kept with its id', file({ documents: [doc] }), { docs: 1 }],
  ['document with an empty id', file({ documents: [{ ...doc, id: '' }] }), { aside: 1, docs: 0 }],
  ['document whose text is a number', file({ documents: [{ ...doc, text: 42 }] }), { aside: 1, docs: 0 }],
  ['documents not a list', file({ documents: { a: 1 } }), { docs: 0 }],
  ['quiz with one team', file({ quizzes: [{ id: 'q', name: 'x', teams: ['一组'], startingScore: 0, rounds: [], updatedAt: 1 }] }), { aside: 1 }],
  ['preference with an unknown key', file({ preferences: [{ key: 'evil', value: '1' }] }), { aside: 1 }],
]

let prefs: Map<string, string>
const sections = (): BackupSection[] =>
  [documentsSection(), quizzesSection(createQuizStore()), preferencesSection(() => ({ getItem: (k: string) => prefs.get(k) ?? null, setItem: (k: string, v: string) => void prefs.set(k, v) }))] as BackupSection[]

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory()
  prefs = new Map()
})

describe('hostile backup files', () => {
  it.each(CASES)('%s', async (_name, text, want) => {
    const repo = await openProgressDb()
    const outcome: RestoreOutcome = await restoreBackup(text, { repo, sections: sections(), now: NOW, knownDocIds: ['constitution'], bundled: [] })
    const data = await repo.loadAll()
    if ('error' in want) {
      expect(outcome.ok).toBe(false)
      if (!outcome.ok) expect(outcome.error).toMatch(want.error)
      // Nothing changed, no snapshot was needed.
      expect([data.cardStates.length, data.reviewLogs.length]).toEqual([0, 0])
    } else {
      expect(outcome.ok, JSON.stringify(outcome)).toBe(true)
      if (!outcome.ok) return
      expect(outcome.report.repaired.length).toBe(want.repaired ?? 0)
      expect(outcome.report.quarantined.length).toBe(want.aside ?? 0)
      // Kept aside means stored aside, not dropped.
      expect(await repo.quarantineCount()).toBe(want.aside ?? 0)
      if (want.states !== undefined) expect(data.cardStates).toHaveLength(want.states)
      if (want.logs !== undefined) expect(data.reviewLogs).toHaveLength(want.logs)
      if (want.docs !== undefined) expect(outcome.sections.documents ?? 0).toBe(want.docs)
      // Whatever was imported can be scheduled.
      for (const s of data.cardStates) expect(() => scheduler.rate(s, { ...card, id: s.cardId }, 3, NOW)).not.toThrow()
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    }
    repo.close()
  })
})
