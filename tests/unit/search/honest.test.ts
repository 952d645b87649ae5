import { beforeAll, describe, expect, it } from 'vitest'
import { isClosest, PassageSearch, type SearchHit } from '../../../src/lib/search/engine'
import { noticeMessage } from '../../../src/lib/search/notice'
import { toSearchable } from '../../../src/lib/search/passages'
import { loadBundledCorpus } from '../../../scripts/build/contentFiles'
import { buildVocabulary } from '../../../scripts/build/searchVocabulary'

let engine: PassageSearch
const at = (hit: SearchHit | undefined) => (hit ? `${hit.passage.docId}#${hit.passage.anchor}` : 'nothing')

beforeAll(() => {
  const documents = loadBundledCorpus()
  engine = PassageSearch.build(toSearchable(documents), buildVocabulary(documents))
}, 60_000)

describe('an article number the document does not have', () => {
  it.each([
    ['党章第六十条', '《中国共产党章程》共五十五条，没有第六十条。'],
    ['党章第80条', '《中国共产党章程》共五十五条，没有第八十条。'],
    ['八项规定第九条', '《中央政治局关于改进工作作风、密切联系群众的八项规定》共八项，没有第九项。'],
  ])('%s says so and lists nothing', (query, message) => {
    const { hits, notice } = engine.answer(query)
    expect(hits).toEqual([])
    expect(notice && noticeMessage(notice)).toBe(message)
  })
  it('an article that exists is answered as before', () => {
    const { hits, notice } = engine.answer('党章第五十五条')
    expect(at(hits[0])).toBe('constitution#art-55')
    expect(notice).toBeNull()
  })
})

describe('the texts do not answer off-topic questions', () => {
  it.each(['今天天气怎么样', '党员可以炒股吗', '红烧肉怎么做'])('%s: 书库中没有直接回答, and no list', (query) => {
    const { hits, notice } = engine.answer(query)
    expect(notice?.kind).toBe('no-answer')
    expect(noticeMessage(notice!)).toMatch(/^书库中没有直接回答/)
    expect(hits).toEqual([])
  })
  it('a question sharing only a rare piece with a passage is told so, with that passage after, marked', () => {
    const { hits, notice } = engine.answer('首长视察时不要铺地毯')
    expect(notice?.kind).toBe('no-answer')
    expect(at(hits[0])).toBe('eight-point-regulation#item-1')
    expect(hits.every(isClosest)).toBe(true)
  })
})

describe('an answer that lies in a passage not reproduced', () => {
  it.each([
    ['社会主要矛盾', 'constitution#general-11', '总纲第十一自然段'],
    ['党政军民学东西南北中', 'constitution#general-32', '总纲第三十二自然段'],
    ['一国两制', 'constitution#general-23', '总纲第二十三自然段'],
  ])('%s names %s (%s) and offers to fill it', (query, gap, place) => {
    const { notice } = engine.answer(query)
    expect(notice?.kind).toBe('gap')
    if (notice?.kind !== 'gap') return
    expect(`${notice.docId}#${notice.anchor}`).toBe(gap)
    expect(noticeMessage(notice)).toContain(place)
    expect(noticeMessage(notice)).toContain('用正式文本补全')
  })
  it('a partly missing article is named and still listed (学习党的历史 → 第三条)', () => {
    const { hits, notice } = engine.answer('党员要学习党的历史')
    expect(notice?.kind === 'gap' && notice.anchor).toBe('art-3')
    expect(hits.map(at)).toContain('constitution#art-3')
  })
  it('the words every gap note repeats match nothing', () => expect(engine.answer('待核对补入').notice?.kind).not.toBe('gap'))
})

describe('the passage that states a subject outranks those that mention it', () => {
  it.each([
    ['党员义务', 'constitution#art-3'],
    ['dangyuan yiwu', 'constitution#art-3'],
    ['领导干部', 'constitution#art-36'],
  ])('%s → %s first', (query, passage) => expect(at(engine.search(query)[0])).toBe(passage))
})

describe('everyday words find the official wording', () => {
  it.each([
    ['出国访问不要带一大堆随从', 'eight-point-regulation#item-4'],
    ['当官不是一辈子的铁饭碗', 'constitution#art-38'],
    ['半年没交党费会怎样', 'constitution#art-9'],
  ])('%s finds %s in the first five', (query, passage) => expect(engine.search(query, { limit: 5 }).map(at)).toContain(passage))
})
