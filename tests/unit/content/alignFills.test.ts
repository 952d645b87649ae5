import 'fake-indexeddb/auto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { generateCards } from '../../../src/lib/cards'
import { alignOfficialText } from '../../../src/lib/content/align'
import { applyOfficialText, differencesReport, recordsFromReview } from '../../../src/lib/content/alignFills'
import { parseDocument } from '../../../src/lib/content/parseDocument'
import { readerBlocks } from '../../../src/lib/content/readerLayout'
import { toSearchable } from '../../../src/lib/search/passages'
import { exportOfficialText, importOfficialText, openOfficialTextDb } from '../../../src/lib/storage/officialTextDb'
import { officialCopy } from '../../fixtures/officialCopy'

const constitution = parseDocument('constitution.md', readFileSync(fileURLToPath(new URL('../../../content/constitution.md', import.meta.url)), 'utf8'))
const now = new Date('2026-11-27T09:00:00Z')
const review = alignOfficialText(constitution, officialCopy(constitution, { change: { anchor: 'art-41', from: '最长不超过两年', to: '最长不超过三年' } }))

describe('taking over passages from the official copy', () => {
  it('fills every gap; a difference is taken only when the member ticks it', () => {
    const kept = recordsFromReview(review, new Set(), now)
    expect(kept).toHaveLength(21)
    expect(kept.every((r) => r.kind === 'fill')).toBe(true)
    const chosen = recordsFromReview(review, new Set(['art-41']), now)
    expect(chosen.find((r) => r.anchor === 'art-41')).toMatchObject({ kind: 'replace' })
    expect(recordsFromReview({ ...review, verdict: 'refused' }, new Set(['art-41']), now)).toEqual([])
  })

  it('the filled document has no gaps left, and search and cards see the filled text', () => {
    const filled = applyOfficialText(constitution, recordsFromReview(review, new Set(), now))
    expect(filled.incomplete).toBeUndefined()
    expect(filled.passages.some((p) => p.incomplete)).toBe(false)
    expect(filled.passages.find((p) => p.anchor === 'art-41')!.text).toContain('两年')
    expect(toSearchable([filled]).some((p) => p.text.includes('测试补入的第1处'))).toBe(true)
    const before = generateCards([constitution], [])
    const after = generateCards([filled], [])
    expect(after.some((c) => JSON.stringify(c).includes('测试补入'))).toBe(true)
    // 第三条's duties can be listed again once its two gapped items are filled.
    expect((after.find((c) => c.anchor === 'art-3' && c.type === 'enumeration')?.answer as string[] | undefined)?.length).toBe(8)
    expect(after.length).toBeGreaterThan(before.length)
    // The reader no longer shows gap notices.
    expect(readerBlocks(filled).some((b) => b.kind === 'gaps')).toBe(false)
  })

  it('a record checked against other bundled wording does not apply', () => {
    const [record] = recordsFromReview(review, new Set(), now)
    const stale = { ...record!, bundled: '旧的收录文字' }
    expect(applyOfficialText(constitution, [stale])).toBe(constitution)
  })

  it('the differences report names the differing passage with a readable diff', () => {
    const report = differencesReport(constitution, review, now)
    expect(report).toContain('【第四十一条】（art-41）文字不同')
    expect(report).toContain('最长不超过[-两-]{+三+}年')
    expect(report).toContain('核对日期：2026-11-27')
  })
})

describe('reader layout of the bundled 党章', () => {
  it('collapses runs of gap paragraphs and numbers the 总纲', () => {
    const gaps = readerBlocks(constitution).filter((b) => b.kind === 'gaps')
    expect(gaps.map((b) => (b.kind === 'gaps' ? b.label : ''))).toContain('总纲第8—9自然段')
    const all = gaps.flatMap((b) => (b.kind === 'gaps' ? b.passages : []))
    expect(all).toHaveLength(14)
    const numbered = readerBlocks(constitution).find((b) => b.kind === 'passage' && b.passage.anchor === 'general-10')
    expect(numbered).toMatchObject({ number: 10 })
  })
})

describe('official text database', () => {
  it('keeps records per document and round-trips them through export/import', async () => {
    const repo = await openOfficialTextDb('test-official-text')
    const records = recordsFromReview(review, new Set(['art-41']), now)
    await repo.replaceDocument('constitution', records)
    expect(await repo.all()).toHaveLength(22)
    const exported = await exportOfficialText(repo)
    await repo.replaceDocument('constitution', [])
    expect(await repo.all()).toEqual([])
    expect(await importOfficialText(repo, [...exported, { id: 'junk' }])).toBe(22)
    expect(await importOfficialText(repo, exported)).toBe(0)
    expect(await importOfficialText(repo, 'not a list')).toBe(0)
    expect((await repo.all()).map((r) => r.id).sort()).toEqual(records.map((r) => r.id).sort())
    repo.close()
  })
})
