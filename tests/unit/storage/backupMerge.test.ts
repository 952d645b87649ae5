/**
 * A backup merges into a device and never overwrites what the device has: its own documents, the
 * bundled texts, the passages it filled. Cases from the reliability probe (issue 22, items 2–4).
 */
import 'fake-indexeddb/auto'
import { readFileSync } from 'node:fs'
import { IDBFactory } from 'fake-indexeddb'
import { beforeEach, describe, expect, it } from 'vitest'
import type { OfficialTextRecord } from '@/lib/content/alignFills'
import { parseDocument } from '@/lib/content/parseDocument'
import type { LocalDocumentRecord } from '@/lib/content/localDocument'
import { documentsSection, officialTextSection, quarantineSection, type BackupSection } from '@/lib/storage/backup'
import { restoreBackup, restoreSnapshot, type RestoreOutcome } from '@/lib/storage/backupFile'
import { openLibraryDb } from '@/lib/storage/libraryDb'
import { openOfficialTextDb } from '@/lib/storage/officialTextDb'
import { openProgressDb } from '@/lib/storage/progressDb'
import { PROGRESS_FILE_FORMAT } from '@/lib/storage/progressTypes'

const load = (name: string) => parseDocument(name, readFileSync(new URL(`../../../content/${name}`, import.meta.url), 'utf8'))
const constitution = load('constitution.md')
const glossary = load('glossary.md')
const bundled = [constitution, glossary]
const passage = (anchor: string) => constitution.passages.find((p) => p.anchor === anchor)!

const mine: LocalDocumentRecord = { id: 'local-abc-0001', title: '支部学习计划', text: '第一条 按时参加组织生活。', origin: '粘贴文本', addedAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z' }

function backupFile(extra: Record<string, unknown>): string {
  return JSON.stringify({ format: PROGRESS_FILE_FORMAT, version: 2, exportedAt: '2026-12-01T00:00:00.000Z', cardStates: [], reviewLogs: [], mistakes: [], settings: null, ...extra })
}

async function importFile(text: string): Promise<Extract<RestoreOutcome, { ok: true }>> {
  const repo = await openProgressDb()
  const sections = [documentsSection(), officialTextSection()] as BackupSection[]
  const outcome = await restoreBackup(text, { repo, sections, now: Date.UTC(2026, 11, 6), knownDocIds: bundled.map((d) => d.id), bundled })
  repo.close()
  if (!outcome.ok) throw new Error(outcome.error)
  return outcome
}

const library = async () => {
  const repo = await openLibraryDb()
  const all = await repo.all()
  repo.close()
  return all
}

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory()
  const repo = await openLibraryDb()
  await repo.put(mine)
  repo.close()
})

describe('own documents from a backup', () => {
  it('the same id with other words (and newer) becomes a second document; the device’s stays as it was', async () => {
    const theirs = { ...mine, title: '支部学习计划', text: '第一条 每月学习一次党章。', updatedAt: '2026-11-30T00:00:00.000Z' }
    const outcome = await importFile(backupFile({ documents: [theirs] }))
    const docs = await library()
    expect(docs).toHaveLength(2)
    expect(docs.find((d) => d.id === mine.id)).toMatchObject({ text: mine.text, title: mine.title })
    const copy = docs.find((d) => d.id !== mine.id)!
    expect(copy).toMatchObject({ title: '支部学习计划（备份中的版本）', text: theirs.text })
    expect(copy.id).toMatch(/^local-/)
    expect(outcome.notes.join('\n')).toContain('另存为“支部学习计划（备份中的版本）”')
    // The same file again adds nothing.
    await importFile(backupFile({ documents: [theirs] }))
    expect(await library()).toHaveLength(2)
  })

  it('the same words under a newer title still update in place (a rename on another device)', async () => {
    await importFile(backupFile({ documents: [{ ...mine, title: '新的标题', updatedAt: '2026-11-30T00:00:00.000Z' }] }))
    expect(await library()).toEqual([{ ...mine, title: '新的标题', updatedAt: '2026-11-30T00:00:00.000Z' }])
  })

  it.each([['constitution'], ['glossary'], ['my-rules']])('a document with the id “%s” is refused and said so', async (id) => {
    const outcome = await importFile(backupFile({ documents: [{ ...mine, id, title: '中国共产党章程', text: '第一条 伪造的条文。' }] }))
    expect((await library()).map((d) => d.id)).toEqual([mine.id])
    expect(outcome.notes.join('\n')).toContain(`编号“${id}”，未导入`)
  })
})

describe('filled passages from a backup', () => {
  const record = (r: Partial<OfficialTextRecord> & Pick<OfficialTextRecord, 'anchor'>): OfficialTextRecord => ({
    id: `constitution#${r.anchor}`, docId: 'constitution', kind: 'fill', text: '', bundled: passage(r.anchor).text, checkedAt: '2026-11-30T00:00:00.000Z', ...r,
  })
  const stored = async () => {
    const repo = await openOfficialTextDb()
    const all = await repo.all()
    repo.close()
    return all
  }

  it('pass the checks a pasted copy passes, and every one is named in the summary', async () => {
    const good = record({ anchor: 'general-8', text: '【测试数据】补入的一段。' })
    const art1 = passage('art-1').text
    const rewritten = record({ anchor: 'art-1', kind: 'replace', text: '第一条　年满十六岁的任何人都可以入党。' })
    const older = record({ anchor: 'art-48', kind: 'replace', text: passage('art-48').text.replace('党组发挥领导作用', '党组发挥领导核心作用') })
    const unknownDoc = { ...record({ anchor: 'general-8', text: 'x' }), id: 'no-such-doc#general-8', docId: 'no-such-doc' }
    const piecesLost = record({ anchor: 'art-3', text: '第三条　党员必须履行下列义务：【测试数据】' })
    const outcome = await importFile(backupFile({ officialText: [good, rewritten, older, unknownDoc, piecesLost] }))
    expect(await stored()).toEqual([good])
    const notes = outcome.notes.join('\n')
    expect(notes).toContain('据正式文本补入或替换 1 段：《党章》总纲 第8段（补入缺文）')
    expect(notes).toContain('未采用 4 段')
    expect(notes).toContain('《党章》第一条：替换的文字与收录文本出入过大')
    expect(notes).toContain('《党章》第四十八条：这一段是2017年')
    expect(notes).toContain('“no-such-doc#general-8”：本应用没有这份文档')
    expect(notes).toContain('《党章》第三条：补入的文字与原文保留部分对不上')
    expect(art1).toBe(passage('art-1').text)
  })

  it('a record checked against another version of the bundled text is refused, not kept silently', async () => {
    const outcome = await importFile(backupFile({ officialText: [record({ anchor: 'general-8', text: '【测试数据】', bundled: '{{待补：旧版本的缺文标记}}' })] }))
    expect(await stored()).toEqual([])
    expect(outcome.notes.join('\n')).toContain('所核对的收录文本与本版本不同')
  })
})

describe('words of the summary and the snapshot list', () => {
  it('a snapshot list row reads “恢复快照前”, and a bad 隔离区 record “隔离区记录格式有误” (no doubled words)', async () => {
    const repo = await openProgressDb()
    const text = backupFile({ quarantine: [{ id: 'x' }] })
    const outcome = await restoreBackup(text, { repo, sections: [quarantineSection()] as BackupSection[], now: 1, knownDocIds: [], bundled })
    expect(outcome.ok && outcome.report.quarantined.map((q) => q.reason)).toEqual(['隔离区记录格式有误'])
    const [snapshot] = await repo.listSnapshots()
    expect(await restoreSnapshot(snapshot!.id, { repo, sections: [], now: 2 })).toMatchObject({ ok: true })
    // The panel shows `${reason}前`.
    expect((await repo.listSnapshots()).map((s) => `${s.reason}前`)).toEqual(['恢复快照前', '导入备份前'])
    repo.close()
  })
})
