import { describe, expect, it } from 'vitest'
import { normalize, normalizeWithMap } from '../../../src/lib/search/normalize'
import { capQueryInput, MAX_QUERY_INPUT, MAX_QUERY_LENGTH, parseQuery } from '../../../src/lib/search/query'
import { tokenizeForIndex, tokenizeQueryWord } from '../../../src/lib/search/tokenize'

describe('normalize', () => {
  it('folds full-width letters and digits, lowercases', () => {
    expect(normalize('ＡＢＣ１２３abc')).toBe('abc123abc')
  })
  it('writes 第N条 with Chinese numerals so 第7条 meets 第七条', () => {
    expect(normalize('第7条')).toBe('第七条')
    expect(normalize('第１７条')).toBe('第十七条')
    expect(normalize('第55条和第3章')).toBe('第五十五条和第三章')
    expect(normalize('2022年')).toBe('2022年')
  })
  it('maps every normalised character back to the original', () => {
    const { text, starts, ends } = normalizeWithMap('见第17条。')
    expect(text).toBe('见第十七条。')
    expect(starts.length).toBe(text.length)
    // 十七 both come from the digits "17" (original offsets 2..4)
    expect([starts[2], ends[3]]).toEqual([2, 4])
  })
  it('replaces lone surrogates instead of throwing', () => {
    expect(() => normalize('党\uD800章')).not.toThrow()
    expect(normalize('党\uD800章')).toBe('党\uFFFD章')
  })
})

describe('tokenizeForIndex', () => {
  it('indexes every Han character and every overlapping pair', () => {
    expect(tokenizeForIndex('党风廉政')).toEqual(['党', '党风', '风', '风廉', '廉', '廉政', '政'])
  })
  it('keeps Latin words and numbers whole, drops punctuation', () => {
    expect(tokenizeForIndex('2016-2017年度“先进”PPT')).toEqual(['2016', '2017', '年', '年度', '度', '先', '先进', '进', 'ppt'])
  })
})

describe('query terms', () => {
  it('a single character is itself, longer runs are their pairs', () => {
    expect(tokenizeQueryWord('党')).toEqual(['党'])
    expect(tokenizeQueryWord('三会一课')).toEqual(['三会', '会一', '一课'])
  })
  it('space-separated words all count, duplicates once', () => {
    expect(parseQuery('党员  党员 义务')).toMatchObject({ words: ['党员', '党员', '义务'], terms: ['党员', '义务'], phrase: false })
  })
  it('quoted queries are phrases', () => {
    expect(parseQuery('“三会一课”')).toMatchObject({ words: ['三会一课'], phrase: true })
    expect(parseQuery('"谁主管 谁负责"')).toMatchObject({ words: ['谁主管 谁负责'], phrase: true })
  })
  it('trims very long queries and ignores queries of punctuation or emoji only', () => {
    const long = parseQuery('党'.repeat(1000))
    expect(long.trimmed).toBe(true)
    expect(long.terms).toEqual(['党党'])
    expect(parseQuery('，。！？…').terms).toEqual([])
    expect(parseQuery('🎉🎉').terms).toEqual([])
  })
  it('a pasted page is cut where it enters (box, address), still long enough to say the query was cut', () => {
    const pasted = '党员必须履行义务🎉'.repeat(2000)
    const capped = capQueryInput(pasted)
    expect([...capped]).toHaveLength(MAX_QUERY_INPUT)
    expect(pasted.startsWith(capped)).toBe(true)
    expect(capQueryInput('三会一课')).toBe('三会一课')
    expect(MAX_QUERY_INPUT).toBeGreaterThan(MAX_QUERY_LENGTH)
    expect(parseQuery(capped).trimmed).toBe(true)
  })
})

describe('normalize and normalizeWithMap agree', () => {
  it.each(['第7条和第１７条', 'ＡＢＣ　党章２０２２', '（一）“三会一课”', '党\uD800章', 'ﬁ㈠①'])('%s', (text) => {
    expect(normalize(text)).toBe(normalizeWithMap(text).text)
  })
})
