import { beforeAll, describe, expect, it } from 'vitest'
import { TextScan } from '../../../src/lib/search/scan'
import { parseQuery } from '../../../src/lib/search/query'
import type { SearchHit } from '../../../src/lib/search/engine'
import { loadBundledCorpus } from '../../../scripts/build/contentFiles'

// What a member typing at once sees while the index loads: the passages holding the words as typed.
let scan: TextScan
const at = (hit: SearchHit | undefined) => (hit ? `${hit.passage.docId}#${hit.passage.anchor}` : 'nothing')

beforeAll(() => {
  scan = TextScan.of(loadBundledCorpus())
})

describe('answers from the texts while the index loads', () => {
  it('finds the passages holding the words, and says the answer is provisional', () => {
    const { hits, notice, provisional } = scan.answer('民主集中制')
    expect(provisional).toBe(true)
    expect(notice).toBeNull()
    expect(hits.map(at)).toContain('constitution#art-10')
    for (const hit of hits) expect(`${hit.passage.heading}${hit.passage.text}`).toContain('民主集中制')
  })

  it('puts a heading that holds the words before passages that only mention them', () => {
    // 四风 is a term of the glossary: its own entry comes before every passage that names it.
    const { hits } = scan.answer('四风')
    expect(hits[0]?.passage.heading).toContain('四风')
    expect(hits.findIndex((hit) => !hit.passage.heading.includes('四风'))).toBeGreaterThan(0)
  })

  it('lists no passage whose wording is not reproduced (a gap), even when its heading matches', () => {
    // 总纲 heads 14 passages of the 党章 that are gaps in the bundled text.
    const { hits } = scan.answer('总纲', { limit: 100 })
    expect(hits.length).toBeGreaterThan(0)
    for (const hit of hits) expect(hit.passage.text).not.toBe('')
  })

  it('needs every word a member separates with a space, in any order', () => {
    const both = scan.answer('党费 交纳').hits
    expect(both.length).toBeGreaterThan(0)
    for (const hit of both) expect(hit.passage.text.includes('党费') && hit.passage.text.includes('交纳')).toBe(true)
    expect(scan.answer('交纳 党费').hits.map(at)).toEqual(both.map(at))
  })

  it('reads 第7条 as 第七条, as the engine does', () => {
    expect(scan.answer('第7条').hits.length).toBe(scan.answer('第七条').hits.length)
    expect(scan.answer('第7条').hits.length).toBeGreaterThan(0)
  })

  it('keeps to the documents asked for, and to the limit', () => {
    const inCode = scan.answer('廉洁', { docIds: ['integrity-code'] }).hits
    expect(inCode.length).toBeGreaterThan(0)
    expect(new Set(inCode.map((hit) => hit.passage.docId))).toEqual(new Set(['integrity-code']))
    expect(scan.answer('党', { limit: 5 }).hits).toHaveLength(5)
    // The search page's 全部文件 asks with an empty list.
    expect(scan.answer('民主集中制', { docIds: [] }).hits.map(at)).toEqual(scan.answer('民主集中制').hits.map(at))
  })

  it('has nothing yet for what only the engine can read (pinyin, other wording), and says so by being provisional', () => {
    for (const query of ['rdsc', '入党誓词']) {
      const answer = scan.answer(query)
      expect(answer.hits).toEqual([])
      expect(answer.provisional).toBe(true)
    }
  })

  it('takes the query as the page parsed it', () => {
    expect(scan.answer(parseQuery('“民主集中制”')).hits.map(at)).toEqual(scan.answer('民主集中制').hits.map(at))
  })
})
