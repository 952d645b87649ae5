import { describe, expect, it } from 'vitest'
import { generateCards } from '@/lib/cards'
import { withoutGaps } from '@/lib/content/gaps'
import { corpus, hasContent } from './corpus'

const cards = generateCards(corpus)
const byAnchor = (docId: string, anchor: string) => cards.filter((c) => c.docId === docId && c.anchor === anchor)
/** Passages whose official text is entirely missing (only a gap marker) cannot have cards. */
const studiable = (text: string, label: string) => withoutGaps(text).replace(label, '').trim().length > 0

describe.skipIf(!hasContent('constitution.md'))('党章', () => {
  const doc = corpus.find((d) => d.id === 'constitution')!

  it('has a card for every article', () => {
    const articles = doc.passages.filter((p) => /^art-\d+$/.test(p.anchor) && studiable(p.text, p.label))
    expect(articles.length).toBeGreaterThan(40)
    for (const p of articles) expect(byAnchor(doc.id, p.anchor).length, p.anchor).toBeGreaterThan(0)
  })

  it('asks for the preparatory period with evenly spaced neighbours', () => {
    const card = cards.find((c) => c.type === 'choice' && c.answer === '一年' && c.prompt.includes('预备期为'))
    expect(card?.options).toEqual(expect.arrayContaining(['半年', '一年', '一年半', '两年']))
  })

  it('enumerates the five disciplinary sanctions', () => {
    const card = cards.find((c) => c.type === 'enumeration' && c.prompt.includes('纪律处分'))
    expect(card?.answer).toEqual(['警告', '严重警告', '撤销党内职务', '留党察看', '开除党籍'])
    expect(card?.ordered).toBe(false)
  })

  it('enumerates members’ duties and rights (第三条、第四条)', () => {
    for (const anchor of ['art-3', 'art-4']) {
      const card = byAnchor('constitution', anchor).find((c) => c.type === 'enumeration')
      expect((card?.answer as string[] | undefined)?.length, anchor).toBe(8)
    }
  })

  it('asks where a sentence comes from, with neighbouring articles as choices', () => {
    const card = byAnchor('constitution', 'art-7').find((c) => c.generator === 'choice:source')
    expect(card?.options?.every((o) => /^第[一二三四五六七八九十]+条$/.test(o))).toBe(true)
    expect(card?.answer).toBe('第七条')
  })
})

describe.skipIf(!hasContent('eight-point-regulation.md'))('八项规定', () => {
  const doc = corpus.find((d) => d.id === 'eight-point-regulation')!

  it('has a card for every point', () => {
    const items = doc.passages.filter((p) => /^item-\d+$/.test(p.anchor))
    expect(items.length).toBe(8)
    for (const p of items) expect(byAnchor(doc.id, p.anchor).length, p.anchor).toBeGreaterThan(0)
  })

  it('enumerates the eight points', () => {
    const card = cards.find((c) => c.docId === doc.id && c.type === 'enumeration')
    expect((card?.answer as string[]).length).toBe(8)
  })
})

describe.skipIf(!hasContent('glossary.md'))('术语', () => {
  it('turns 四风 into a card about its four members', () => {
    const card = cards.find((c) => c.docId === 'glossary' && c.type === 'enumeration' && c.prompt.includes('四风'))
    expect(card?.prompt).toBe('“四风”指哪四种？')
    expect(card?.answer).toEqual(['形式主义', '官僚主义', '享乐主义', '奢靡之风'])
  })
})
