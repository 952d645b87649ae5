import { describe, expect, it } from 'vitest'
import { highlight, matchIntervals, snippet } from '../../../src/lib/search/highlight'
import { decorate, findTermLinks, type TermLink } from '../../../src/lib/content/termLinks'

const marked = (text: string, query: string) =>
  highlight(text, query).map((s) => (s.hit ? `[${s.text}]` : s.text)).join('')

describe('highlight', () => {
  it('marks the whole word where it stands whole', () => {
    expect(marked('严格落实“三会一课”制度', '三会一课')).toBe('严格落实“[三会一课]”制度')
  })
  it('marks the matching parts where the word is not whole, merging overlaps', () => {
    expect(marked('党风和廉政建设', '党风廉政')).toBe('[党风]和[廉政]建设')
  })
  it('maps normalised matches back to the original (full-width digits, 第7条 → 第七条)', () => {
    expect(marked('见第７条', '第七条')).toBe('见[第７条]')
    expect(marked('见第七条和第十七条', '第7条')).toBe('见[第七条]和第十七条')
  })
  it('never returns markup: segments are plain text', () => {
    const segments = highlight('<b>党</b>', '党')
    expect(segments.map((s) => s.text).join('')).toBe('<b>党</b>')
  })
  it('ignores queries without searchable characters', () => {
    expect(matchIntervals('党的纪律', '，。')).toEqual([])
  })
  it('cuts a snippet around the first match', () => {
    const text = `${'甲'.repeat(100)}三会一课${'乙'.repeat(100)}`
    const segments = snippet(text, '三会一课', 10)
    expect(segments[0]).toEqual({ text: '…', hit: false })
    expect(segments.find((s) => s.hit)?.text).toBe('三会一课')
    expect(segments.at(-1)).toEqual({ text: '…', hit: false })
  })
})

describe('term links', () => {
  const links: TermLink[] = [
    { word: '党风廉政建设责任制', docId: 'glossary', anchor: 'g-zerenzhi', title: '党风廉政建设责任制' },
    { word: '三会一课', docId: 'glossary', anchor: 'g-sanhui', title: '三会一课' },
  ]
  it('finds linked words, longest first, never linking an entry to itself', () => {
    const text = '落实党风廉政建设责任制和三会一课'
    expect(findTermLinks(text, links).map((t) => t.link.anchor)).toEqual(['g-zerenzhi', 'g-sanhui'])
    expect(findTermLinks(text, links, { docId: 'glossary', anchor: 'g-sanhui-1' }).map((t) => t.link.anchor)).toEqual(['g-zerenzhi'])
  })
  it('decorates text with hits and links together', () => {
    const text = '严格落实三会一课'
    const segments = decorate(text, [[4, 6]], findTermLinks(text, links))
    expect(segments).toEqual([
      { text: '严格落实', hit: false },
      { text: '三会', hit: true, link: links[1] },
      { text: '一课', hit: false, link: links[1] },
    ])
  })
})
