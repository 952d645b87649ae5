import 'fake-indexeddb/auto'
import { IDBFactory } from 'fake-indexeddb'
import { beforeEach, describe, expect, it } from 'vitest'
import { addToSets } from '@/lib/bank/importedSet'
import { importedQuestionCard, type ImportedQuestion } from '@/lib/bank/toCard'
import { createScheduler } from '@/lib/schedule'
import { documentsSection, importedBanksSection, type BackupSection } from '@/lib/storage/backup'
import { openBankDb } from '@/lib/storage/bankDb'
import { buildBackup, restoreBackup } from '@/lib/storage/backupFile'
import { openProgressDb } from '@/lib/storage/progressDb'
import { MINUTE, T0 } from '../schedule/fixtures'

const scheduler = createScheduler()
const sections = (): BackupSection[] => [documentsSection(), importedBanksSection()] as BackupSection[]
const q1: ImportedQuestion = { type: '单选', stem: '预备党员的预备期为（ ）。', options: ['半年', '一年'], answer: 'B', link: { doc: 'constitution', anchor: 'art-7' }, clause: '【测试】预备期为一年。' }
const q2: ImportedQuestion = { type: '判断', stem: '【测试】丙。', options: [], answer: '错误', link: null, clause: null }
const q3: ImportedQuestion = { type: '填空', stem: '【测试】丁____。', options: [], answer: '一年', link: null, clause: null }
const set = addToSets([], '支部题库.docx', [q1, q2], new Date(T0)).set
const [linkedCard, unlinkedCard] = [importedQuestionCard(q1, set.fileName), importedQuestionCard(q2, set.fileName)]
const restoreCtx = (repo: Awaited<ReturnType<typeof openProgressDb>>) => ({ repo, sections: sections(), now: T0 + 10 * MINUTE, knownDocIds: ['constitution'], bundled: [] })

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory()
})

async function backupWithProgress(withSet: boolean): Promise<string> {
  const repo = await openProgressDb()
  if (withSet) {
    const banks = await openBankDb()
    await banks.put(set)
    banks.close()
  }
  for (const [i, card] of [linkedCard!, unlinkedCard!].entries()) {
    const rated = scheduler.rate(null, card, 1, T0 + i * MINUTE)
    await repo.saveReview(rated.after, rated.log)
  }
  const { text, counts } = await buildBackup(repo, sections(), T0 + 5 * MINUTE)
  expect(counts).toMatchObject({ cardStates: 2, importedBanks: withSet ? 1 : 0 })
  repo.close()
  globalThis.indexedDB = new IDBFactory()
  return text
}

describe('imported banks in the backup', () => {
  it('round trip: the set comes back with its questions, and the progress of its cards is kept, not set aside', async () => {
    const text = await backupWithProgress(true)
    const repo = await openProgressDb()
    const outcome = await restoreBackup(text, restoreCtx(repo))
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    expect(outcome.sections.importedBanks).toBe(1)
    expect(outcome.report.quarantined).toEqual([])
    expect(outcome.notes.join('\n')).toContain('导入的题库“支部题库.docx”：2 道题')
    expect(await (await openBankDb()).all()).toEqual([set])
    expect((await repo.loadAll()).cardStates.map((s) => s.cardId).sort()).toEqual([linkedCard!.id, unlinkedCard!.id].sort())
  })

  it('progress of a deleted set is set aside like a deleted document’s, even when its card was linked to a bundled text', async () => {
    const text = await backupWithProgress(false)
    const repo = await openProgressDb()
    const outcome = await restoreBackup(text, restoreCtx(repo))
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    expect(outcome.report.quarantined.filter((q) => q.kind === 'cardStates').map((q) => q.id).sort()).toEqual([linkedCard!.id, unlinkedCard!.id].sort())
    expect((await repo.loadAll()).cardStates).toEqual([])
    expect((await repo.listQuarantine()).length).toBeGreaterThanOrEqual(2)
  })

  it('merges with the set on this device, question by question; implausible questions are left out and named', async () => {
    const text = await backupWithProgress(true)
    const file = JSON.parse(text) as { importedBanks: { questions: unknown[] }[] }
    file.importedBanks[0]!.questions.push(q3, { ...q2, stem: '【测试】戊。', answer: '不知道' })
    const banks = await openBankDb()
    await banks.put(addToSets([], '支部题库.docx', [q2, q3], new Date(T0 + MINUTE)).set)
    const repo = await openProgressDb()
    const outcome = await restoreBackup(JSON.stringify(file), restoreCtx(repo))
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    const [merged] = await banks.all()
    expect(merged!.questions.map((q) => q.stem)).toEqual([q2.stem, q3.stem, q1.stem])
    expect(outcome.notes.join('\n')).toContain('1 道题内容不完整或答案与选项不符，未导入')
    expect(outcome.report.quarantined).toEqual([])
  })

  it('a set whose id does not match its name is refused and kept aside', async () => {
    const text = await backupWithProgress(true)
    const file = JSON.parse(text) as { importedBanks: { id: string }[] }
    file.importedBanks[0]!.id = 'bank-forged'
    const repo = await openProgressDb()
    const outcome = await restoreBackup(JSON.stringify(file), restoreCtx(repo))
    expect(outcome.ok && outcome.sections.importedBanks).toBe(0)
    expect(await (await openBankDb()).all()).toEqual([])
    if (outcome.ok) expect(outcome.report.quarantined.map((q) => q.kind)).toContain('importedBanks')
  })
})
