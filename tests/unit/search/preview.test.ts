import { describe, expect, it } from 'vitest'
import { CLOSEST_TIER, type SearchHit } from '@/lib/search/hits'
import { CLOSEST_FROM_HERE, ONLY_CLOSEST, previewOf, resultRows } from '@/lib/search/preview'

const hit = (anchor: string, tier: number, text = '党是根据自己的纲领和章程，按照民主集中制组织起来的统一整体。', matched = ['民主集中制']): SearchHit => ({
  passage: { docId: 'constitution', docTitle: '中国共产党章程', anchor, heading: `第二章 › ${anchor}`, text },
  score: tier,
  tier,
  matched,
})

describe('how a list of results reads', () => {
  it('lists exact results as they come, with no note', () => {
    expect(resultRows([hit('art-10', 1), hit('art-11', 1)])).toEqual([{ hit: 0 }, { hit: 1 }])
  })

  it('says where closest matches begin, after the exact ones', () => {
    expect(resultRows([hit('art-10', 1), hit('art-6', CLOSEST_TIER), hit('art-7', CLOSEST_TIER)])).toEqual([
      { hit: 0 },
      { note: CLOSEST_FROM_HERE, leading: false },
      { hit: 1 },
      { hit: 2 },
    ])
  })

  it('says first that nothing matched exactly when all are closest matches', () => {
    expect(resultRows([hit('art-6', CLOSEST_TIER), hit('art-7', CLOSEST_TIER)])).toEqual([{ note: ONLY_CLOSEST, leading: true }, { hit: 0 }, { hit: 1 }])
    expect(ONLY_CLOSEST).toContain('近似结果')
  })
})

describe("index.html's box before the app has run", () => {
  it('gets each result with its snippet, what matched marked, and the answer whole for the app', () => {
    const long = `${'党的各级组织和全体党员必须遵守党章。'.repeat(6)}坚持民主集中制。${'党员必须履行义务。'.repeat(6)}`
    const answer = { hits: [hit('art-10', 1, long), hit('art-6', CLOSEST_TIER)], notice: null, provisional: true }
    const preview = previewOf('民主集中制', answer)
    expect(preview.answer).toBe(answer)
    expect(preview.rows.map((row) => ('hit' in row ? row.hit : row.note))).toEqual([0, CLOSEST_FROM_HERE, 1])
    const first = preview.rows[0]!
    if (!('snippet' in first)) throw new Error('a result row')
    expect(first.snippet.filter((segment) => segment.hit).map((segment) => segment.text)).toEqual(['民主集中制'])
    // A window around the match, not the whole passage.
    expect(first.snippet[0]).toEqual({ text: '…', hit: false })
    expect(first.snippet.map((segment) => segment.text).join('').length).toBeLessThan(long.length)
  })
})
