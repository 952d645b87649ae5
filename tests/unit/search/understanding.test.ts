import { beforeAll, describe, expect, it } from 'vitest'
import { isClosest, PassageSearch, type SearchHit } from '../../../src/lib/search/engine'
import { matchIntervals } from '../../../src/lib/search/highlight'
import { normalize } from '../../../src/lib/search/normalize'
import { contentWords, understand } from '../../../src/lib/search/understand'
import { EMPTY_VOCABULARY, termForInitials, type SearchVocabulary } from '../../../src/lib/search/vocabulary'
import { loadBundledCorpus } from '../../../scripts/build/contentFiles'
import { buildVocabulary, readTermsFile } from '../../../scripts/build/searchVocabulary'
import { toSearchable } from '../../../src/lib/search/passages'

let engine: PassageSearch
let vocabulary: SearchVocabulary
const at = (hit: SearchHit | undefined) => (hit ? `${hit.passage.docId}#${hit.passage.anchor}` : 'nothing')
const top = (query: string) => at(engine.search(query, { limit: 10 })[0])
const top5 = (query: string) => engine.search(query, { limit: 5 }).map(at)

beforeAll(() => {
  const documents = loadBundledCorpus()
  vocabulary = buildVocabulary(documents)
  engine = PassageSearch.build(toSearchable(documents), vocabulary)
})

describe('question and filler words weigh little', () => {
  it('keeps the words that carry the meaning', () => {
    expect(contentWords('党员的义务有几项', new Set())).toEqual(['党员', '义务'])
    expect(contentWords('预备期是多久', new Set())).toEqual(['预备期'])
    // a known term keeps its 的, and stays in the run around it
    expect(contentWords('党的纪律包括哪些', new Set(['党的纪律']))).toEqual(['党的纪律包括'])
    expect(contentWords('党的纪律包括哪些', new Set())).toEqual(['纪律包括'])
  })
  it.each([
    ['党员的义务有几项', 'constitution#art-3'],
    ['党员有什么权利', 'constitution#art-4'],
    ['预备期是多久', 'constitution#art-7'],
    ['留党察看最长多久', 'constitution#art-41'],
    ['党的纪律包括哪些', 'constitution#art-40'],
  ])('%s → %s', (query, passage) => expect(top(query)).toBe(passage))
})

describe('与, 和 and 及 are interchangeable', () => {
  it('批评与自我批评 finds the text’s 批评和自我批评 as an exact match', () => {
    const [first] = engine.search('批评与自我批评')
    expect(first!.tier).toBeGreaterThanOrEqual(0)
    expect(normalize(first!.passage.heading + first!.passage.text)).toContain('批评和自我批评')
  })
  it('党徽和党旗 finds the chapter on 党徽党旗', () => {
    expect(top('党徽和党旗')).toMatch(/^constitution#art-5[345]$/)
    expect(contentWords('党徽和党旗', new Set())).toEqual(['党徽', '党旗'])
    // inside a word, 和 stays: 和谐 is not split
    expect(contentWords('社会和谐', new Set())).toEqual(['社会和谐'])
  })
})

describe('Arabic and Chinese numerals match both ways', () => {
  it('18岁 = 十八岁, 6个月 = 六个月', () => {
    expect(normalize('18岁')).toBe('十八岁')
    expect(top('18岁')).toBe('constitution#art-1')
    expect(top5('6个月')).toContain('constitution#art-9')
    expect(top5('六个月')).toEqual(top5('6个月'))
  })
  it('keeps years as digits', () => {
    expect(normalize('2019年')).toBe('2019年')
    expect(top5('2019年')).toContain('tibet-museum-branch#top-2')
  })
})

describe('a document named in the query', () => {
  it('alone, finds the document itself first', () => {
    const [first] = engine.search('八项规定')
    expect(first!.document).toBe(true)
    expect(first!.passage.docId).toBe('eight-point-regulation')
    expect(engine.search('党章')[0]!.passage.docId).toBe('constitution')
    expect(engine.search('廉洁自律准则')[0]!.passage.docId).toBe('integrity-code')
  })
  it.each([
    ['党章第十条', 'constitution#art-10'],
    ['党章 10条', 'constitution#art-10'],
    ['八项规定第二条', 'eight-point-regulation#item-2'],
    ['八项规定 2条', 'eight-point-regulation#item-2'],
    ['准则第五条', 'integrity-code#art-5'],
    ['廉洁自律准则第三条', 'integrity-code#art-3'],
  ])('%s goes straight to %s', (query, passage) => {
    const [first] = engine.search(query)
    expect(at(first)).toBe(passage)
    expect(first!.tier).toBe(4)
  })
  it('scopes the rest of the query to that document', () => {
    for (const hit of engine.search('党章 入党誓词', { limit: 10 })) if (isClosest(hit)) expect(hit.passage.docId).toBe('constitution')
    expect(top('党章 党员 义务')).toBe('constitution#art-3')
    expect(top5('党章 入党誓词')).toContain('constitution#art-6')
  })
  it('inside a phrase, a name is just text (学党章党规 is the 两学一做 entry)', () => {
    expect(understand('学党章党规', vocabulary, () => false).docId).toBeNull()
    expect(top('学党章党规')).toBe('glossary#g-liangxue-yizuo-1')
  })
})

describe('official short forms from content/search-terms.yaml', () => {
  it('the table is data beside the texts', () => {
    expect(readTermsFile().synonyms['中纪委']).toBe('中央纪律检查委员会')
  })
  it('中纪委 finds the Central Commission for Discipline Inspection', () => {
    const [first] = engine.search('中纪委')
    expect(first!.tier).toBeGreaterThanOrEqual(0)
    expect(first!.passage.text).toContain('中央纪律检查委员会')
    expect(top5('中央军委')).toContain('constitution#art-24')
  })
})

describe('traditional characters fold to simplified', () => {
  it('the folding table comes from the build, for the characters the texts use', () => {
    expect(vocabulary.fold['黨']).toBe('党')
    expect(vocabulary.fold['規']).toBe('规')
    expect(Object.keys(vocabulary.fold).length).toBeLessThan(3000)
  })
  it.each([
    ['黨員的義務', 'constitution#art-3'],
    ['開除黨籍', 'constitution#art-41'],
    ['尚儉戒奢', 'integrity-code#art-3'],
  ])('%s → %s', (query, passage) => expect(top(query)).toBe(passage))
  it('八項規定 finds the document', () => expect(engine.search('八項規定')[0]!.document).toBe(true))
})

describe('pinyin initials spell glossary terms, names and headings', () => {
  it('reads initials as the characters they spell', () => {
    expect(termForInitials('bxgd', vocabulary.initials)).toBe('八项规定')
    expect(termForInitials('fzdy', vocabulary.initials)).toBe('发展党员')
    expect(termForInitials('zz', EMPTY_VOCABULARY.initials)).toBeNull()
  })
  it.each([
    ['shyk', 'glossary#g-sanhui-yike'],
    ['lxyz', 'glossary#g-liangxue-yizuo'],
    ['ztdr', 'glossary#g-zhuti-dangri'],
  ])('%s → the entry %s', (query, entry) => expect(top(query)).toMatch(new RegExp(`^${entry}`)))
  it('bxgd finds the 八项规定 document', () => expect(engine.search('bxgd')[0]!.passage.docId).toBe('eight-point-regulation'))
  it('spells the key terms of the card lexicon that the texts use: kcdj → 开除党籍 (第四十一条)', () => {
    expect(termForInitials('kcdj', vocabulary.initials)).toBe('开除党籍')
    expect(top('kcdj')).toBe('constitution#art-41')
  })
  it('a Latin word of the texts is not read as pinyin', () => {
    expect(understand('abc', { ...vocabulary, initials: [['abc', '八项规定']] }, () => true).text).toBe('abc')
  })
})

describe('closest matches when the query as typed is not in the texts', () => {
  it.each([
    ['尚俭戒奢艰苦朴素', 'integrity-code#art-3'],
    ['力戒空话套话', 'eight-point-regulation#item-2'],
    ['党员受处分后能申诉吗', 'constitution#art-43'],
    ['党支部委员会几年一届', 'constitution#art-31'],
  ])('%s finds %s in the first five', (query, passage) => expect(top5(query)).toContain(passage))
  it('exact matches come before closest ones, and closest ones are marked', () => {
    const hits = engine.search('谁主管 谁负责', { limit: 50 })
    const firstClosest = hits.findIndex(isClosest)
    for (const hit of firstClosest < 0 ? hits : hits.slice(0, firstClosest)) {
      const text = normalize(hit.passage.heading + hit.passage.text)
      expect(text.includes('谁主管') && text.includes('谁负责')).toBe(true)
    }
    if (firstClosest >= 0) expect(hits.slice(firstClosest).every(isClosest)).toBe(true)
  })
  it('a closest match must cover enough of the query', () => {
    expect(engine.search('量子计算机')).toEqual([])
  })
  it('asked in other words, a query sharing only a piece with the text still gets that passage, marked closest', () => {
    // 地毯 is all this shares with 八项规定 point one (不铺设迎宾地毯): under the minimum, but better than nothing.
    const hits = engine.search('首长视察时不要铺地毯')
    expect(hits[0]?.passage.docId + '#' + hits[0]?.passage.anchor).toBe('eight-point-regulation#item-1')
    expect(hits.length).toBeLessThanOrEqual(5)
    expect(hits.every(isClosest)).toBe(true)
  })
})

describe('highlights only what really matched', () => {
  it('never marks a piece of a known term inside another word (会一 of 三会一课 in 大会一般)', () => {
    for (const hit of engine.search('三会一课', { limit: 50 })) expect(hit.matched).not.toContain('会一')
    expect(matchIntervals('支部党员大会一般每季度召开一次', ['三会一课'])).toEqual([])
  })
  it('question words are not marked in the reader', () => {
    const marked = (text: string, query: string) =>
      matchIntervals(text, query).map(([s, e]) => text.slice(s, e))
    expect(marked('第三条　党员必须履行下列义务：', '党员的义务有几项')).toEqual(['党员', '义务'])
  })
})

describe('results a reader can use', () => {
  it('at most three passages of one document before the others: the seed article’s 三会一课 reaches the top five', () => {
    const hits = engine.search('三会一课', { limit: 20 })
    const firstOther = hits.findIndex((h) => h.passage.docId !== 'glossary')
    expect(firstOther).toBeLessThanOrEqual(3)
    expect(hits.slice(0, 5).map(at)).toContain('tibet-museum-branch#part-2-1')
  })
  it('official texts outrank the app’s own prose when both match equally', () => {
    const text = '党员必须履行下列义务。'
    const tie = PassageSearch.build(
      [
        { docId: 'glossary', docTitle: '术语解释', anchor: 'g-1', heading: '义务', text },
        { docId: 'constitution', docTitle: '党章', anchor: 'art-3', heading: '义务', text },
      ],
      { ...EMPTY_VOCABULARY, prose: ['glossary'] },
    )
    expect(tie.search('义务').map(at)).toEqual(['constitution#art-3', 'glossary#g-1'])
  })
})
