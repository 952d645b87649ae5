import { beforeAll, describe, expect, it } from 'vitest'
import { PassageSearch, type SearchHit } from '../../../src/lib/search/engine'
import { normalize } from '../../../src/lib/search/normalize'
import { toSearchable } from '../../../src/lib/search/passages'
import { loadBundledCorpus } from '../../../scripts/build/contentFiles'

let engine: PassageSearch
const at = (hits: SearchHit[]) => hits.map((h) => `${h.passage.docId}#${h.passage.anchor}`)

beforeAll(() => {
  engine = PassageSearch.build(toSearchable(loadBundledCorpus()))
})

describe('search over the bundled texts (real Chinese queries)', () => {
  it('finds a term with its glossary entry first (heading) and the seed article that uses it', () => {
    const hits = at(engine.search('三会一课', { limit: 50 }))
    expect(hits[0]).toMatch(/^glossary#g-sanhui/)
    expect(hits).toContain('tibet-museum-branch#part-2-1')
  })

  it('第7条 and 第七条 both find article 7, in the Constitution and in the integrity code', () => {
    const arabic = at(engine.search('第7条', { limit: 2 }))
    expect(arabic.sort()).toEqual(['constitution#art-7', 'integrity-code#art-7'])
    expect(at(engine.search('第七条', { limit: 2 })).sort()).toEqual(arabic)
    expect(at(engine.search('第１７条', { limit: 1 }))).toEqual(['constitution#art-17'])
  })

  it('a one-character query finds passages holding that character', () => {
    const hits = engine.search('廉', { limit: 500 })
    expect(hits.length).toBeGreaterThan(10)
    for (const hit of hits) expect(`${hit.passage.heading}${hit.passage.text}`).toContain('廉')
  })

  it('long phrases: passages with the whole phrase rank above those with only its parts', () => {
    const hits = engine.search('党风廉政建设', { limit: 500 })
    const whole = hits.map((h) => normalize(h.passage.heading + h.passage.text).includes('党风廉政建设'))
    expect(whole[0]).toBe(true)
    // once a passage without the whole phrase appears, none with it follows
    const firstPartial = whole.indexOf(false)
    if (firstPartial >= 0) expect(whole.slice(firstPartial)).not.toContain(true)
  })

  it('space-separated words must all match', () => {
    const hits = engine.search('谁主管 谁负责', { limit: 50 })
    expect(at(hits)).toContain('tibet-museum-branch#part-4-1')
    for (const hit of hits) {
      const text = normalize(hit.passage.heading + hit.passage.text)
      expect(text.includes('谁主管') && text.includes('谁负责')).toBe(true)
    }
  })

  it('headings weigh more than body text', () => {
    const hits = engine.search('党员', { limit: 5 })
    for (const hit of hits) expect(hit.passage.heading).toContain('党员')
  })

  it('a quoted query returns exact-phrase matches only', () => {
    const quoted = engine.search('“批评和自我批评”', { limit: 500 })
    expect(quoted.length).toBeGreaterThan(0)
    for (const hit of quoted) expect(normalize(hit.passage.heading + hit.passage.text)).toContain('批评和自我批评')
    // unquoted, the parts alone also match (e.g. 批评 … 自我批评 apart)
    expect(engine.search('批评和自我批评', { limit: 500 }).length).toBeGreaterThanOrEqual(quoted.length)
  })

  it('digits and Latin letters, full-width or half-width', () => {
    const half = at(engine.search('2019', { limit: 10 }))
    expect(half).toContain('tibet-museum-branch#top-2')
    expect(at(engine.search('２０１９', { limit: 10 }))).toEqual(half)
  })

  it('filters by document', () => {
    const hits = engine.search('党员', { limit: 100, docIds: ['integrity-code'] })
    expect(hits.length).toBeGreaterThan(0)
    for (const hit of hits) expect(hit.passage.docId).toBe('integrity-code')
  })

  it('finds the disciplinary measures by a word in the middle of the list', () => {
    expect(at(engine.search('留党察看', { limit: 1 }))).toEqual(['constitution#art-41'])
  })

  it('does not index gap markers', () => {
    expect(engine.search('待核对补入', { limit: 5 })).toEqual([])
  })
})

describe('bad input gives a calm empty result, never an exception', () => {
  it.each([
    ['a 1,000-character query', '党'.repeat(1000)],
    ['only punctuation', '，。、；：？！…—'],
    ['emoji', '🎉👍🏻'],
    ['markup', '<script>alert(1)</script>'],
    ['regex characters', '.*+?^${}()|[]\\'],
    ['a lone surrogate', '\uD800党'],
    ['empty', ''],
    ['spaces', '   　  '],
  ])('%s', (_name, query) => {
    expect(() => engine.search(query)).not.toThrow()
    expect(Array.isArray(engine.search(query))).toBe(true)
  })

  it('finds nothing for markup, instead of matching “script” somewhere', () => {
    expect(engine.search('<script>alert(1)</script>')).toEqual([])
  })
})

describe('passages added at run time (the branch’s own documents)', () => {
  it('are found, and gone after removal', () => {
    const local = PassageSearch.build(toSearchable(loadBundledCorpus()))
    local.add([{ docId: 'local-rules', docTitle: '十不准', anchor: 'item-1', heading: '一', text: '一、不准违规收受礼品礼金。' }])
    expect(at(local.search('礼品礼金'))).toEqual(['local-rules#item-1'])
    local.removeDocument('local-rules')
    expect(local.search('礼品礼金')).toEqual([])
    // replaced under the same id, as the library does: found again
    local.add([{ docId: 'local-rules', docTitle: '十不准', anchor: 'item-1', heading: '一', text: '一、不准收受礼品礼金和消费卡。' }])
    expect(at(local.search('礼品礼金'))).toEqual(['local-rules#item-1'])
  })
})

describe('passages that open with the query rank above those that mention it later', () => {
  it('党员 义务 finds the article on members’ duties first', () => {
    expect(at(engine.search('党员 义务', { limit: 1 }))).toEqual(['constitution#art-3'])
  })
  it('党员 权利 finds the article on members’ rights first', () => {
    expect(at(engine.search('党员 权利', { limit: 1 }))).toEqual(['constitution#art-4'])
  })
})
