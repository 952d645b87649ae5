import { describe, expect, it } from 'vitest'
import { generateCards } from '@/lib/cards'
import { isBadLadder, lintCards } from '@/lib/cards/lint'
import { withoutGaps } from '@/lib/content/gaps'
import { loadManualCards } from '../../../scripts/build/cardFiles'
import { corpus, hasContent } from './corpus'

const cards = generateCards(corpus, loadManualCards(corpus))
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

  it('asks for the preparatory period with a sorted, evenly spaced ladder', () => {
    const asked = cards.filter((c) => c.type === 'choice' && c.answer === '一年' && c.prompt.includes('预备期为'))
    expect(asked.length).toBeGreaterThan(0)
    for (const card of asked) {
      expect(card.options).toContain('一年')
      expect(isBadLadder(card), card.options?.join('/')).toBe(false)
    }
  })

  it('covers every article with text, every point and every norm with a 填空 or 单选', () => {
    expect(lintCards(cards, corpus).uncovered).toEqual([])
  })

  it('enumerates the five disciplinary sanctions', () => {
    const card = cards.find((c) => c.type === 'enumeration' && c.prompt.includes('纪律处分'))
    expect(card?.answer).toEqual(['警告', '严重警告', '撤销党内职务', '留党察看', '开除党籍'])
    expect(card?.ordered).toBe(false)
  })

  it('enumerates members’ rights (第四条); the duties (第三条) only once their gapped items are filled', () => {
    const rights = byAnchor('constitution', 'art-4').filter((c) => c.type === 'enumeration')
    expect(rights.length).toBe(1)
    expect(rights[0]!.origin).toBe('manual')
    expect((rights[0]!.answer as string[]).length).toBe(8)
    expect(rights[0]!.answer).toContain('在党组织讨论决定对党员的党纪处分或作出鉴定时，本人有权参加和进行申辩，其他党员可以为他作证和辩护')
    // 第三条 items (一)(二) are gaps in the bundled 2022 text: a list of six would teach an incomplete answer.
    expect(byAnchor('constitution', 'art-3').find((c) => c.type === 'enumeration')).toBeUndefined()
  })

  it('asks about what the 党章 says, never where a sentence stands (which article, which chapter)', () => {
    const located = cards.filter((c) => c.docId === 'constitution' && /哪一[条章项]/.test(c.prompt))
    expect(located.map((c) => c.prompt)).toEqual([])
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
  it('asks only about definitions, labelled 释义', () => {
    const glossary = cards.filter((c) => c.docId === 'glossary')
    expect(glossary.length).toBeGreaterThan(5)
    for (const c of glossary) {
      expect(c.label, c.prompt).toBe('释义')
      // Generated ones only from an entry's definition; hand-written ones may ask any fact a member must know.
      if (c.origin === 'generated') expect(c.anchor, c.prompt).toMatch(/-1$/)
    }
  })
})
