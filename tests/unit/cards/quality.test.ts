import { describe, expect, it } from 'vitest'
import { generateCards, generateDocumentCards } from '@/lib/cards'
import { BLANK, FUNCTION_CHARS, fullWidth, isPunctuation } from '@/lib/cards/text'
import type { Card } from '@/lib/cards/types'
import { corpus } from './corpus'

const cards = generateCards(corpus)
const answersOf = (c: Card) => (Array.isArray(c.answer) ? c.answer : [c.answer])
/** 出处 (source) is no longer generated for the bundled texts: a point is asked by its topic, not its number. */
const TYPES = ['cloze', 'enumeration', 'choice', 'multi', 'truefalse']

describe('card bank on the real corpus', () => {
  it('yields cards of every type', () => {
    for (const type of TYPES) expect(cards.some((c) => c.type === type), type).toBe(true)
  })

  it('takes every answer from its source passage (the original span, for a false statement)', () => {
    for (const c of cards) {
      if (c.type === 'truefalse') {
        expect(c.source, c.id).toContain(c.original)
        continue
      }
      for (const a of answersOf(c)) expect(fullWidth(c.source), c.id).toContain(a)
    }
  })

  it('asks what a point is about, never its number, with the topics of its neighbours as options', () => {
    const topical = cards.filter((c) => c.generator === 'choice:topic')
    expect(topical.length).toBeGreaterThanOrEqual(8)
    for (const c of topical) {
      expect(c.prompt).not.toMatch(/第[一二三四五六七八九十百]+[条项]|哪一[条项]/)
      expect(c.options, c.id).toHaveLength(4)
      // The quote does not name its own topic.
      const topic = c.answer as string
      const quote = /“(.+)”/.exec(c.prompt)![1]!
      for (let i = 0; i + 1 < topic.length; i++) expect(quote.includes(topic.slice(i, i + 2)), `${c.id}: ${quote}`).toBe(false)
    }
    expect(cards.some((c) => c.type === 'source')).toBe(false)
    // Beside the question the section shows, not the item's number (it would point at the topic).
    for (const c of topical) expect(c.heading, c.id).not.toMatch(/第.+[项条]|^[一二三四五六七八九十]+$/)
    // Other cards on a numbered item say which one, in words.
    const numbered = cards.filter((c) => c.docId === 'eight-point-regulation' && c.generator !== 'choice:topic')
    expect(numbered.length).toBeGreaterThan(0)
    for (const c of numbered) expect(c.heading, c.id).toMatch(/^第[一二三四五六七八]项$/)
  })

  it('never shows the answer in the prompt', () => {
    for (const c of cards) {
      if (c.type === 'truefalse') {
        expect(c.prompt, c.id).not.toMatch(/正确|错误/)
        continue
      }
      for (const a of answersOf(c)) expect(c.prompt.includes(a), `${c.id}: ${c.prompt} / ${a}`).toBe(false)
    }
  })

  it('blanks exactly one span, never a function word or punctuation', () => {
    for (const c of cards.filter((c) => c.type === 'cloze' || c.type === 'choice')) {
      if (c.generator === 'choice:topic' || c.origin === 'manual') continue
      expect(c.prompt.split(BLANK).length, c.id).toBe(2)
      const a = c.answer as string
      expect(FUNCTION_CHARS.has(a), a).toBe(false)
      expect(FUNCTION_CHARS.has(a[0]!) || FUNCTION_CHARS.has(a[a.length - 1]!), a).toBe(false)
      expect([...a].some((ch) => isPunctuation(ch) && !'“”《》'.includes(ch)), a).toBe(false)
    }
  })

  it('has distinct options containing each answer exactly once', () => {
    for (const c of cards.filter((c) => c.options)) {
      const options = c.options!
      expect(new Set(options).size, c.id).toBe(options.length)
      for (const a of answersOf(c)) expect(options.filter((o) => o === a).length, `${c.id} ${a}`).toBe(1)
      if (c.type === 'multi') expect(options.length).toBeGreaterThan(answersOf(c).length)
      if (c.type === 'truefalse') expect([...options].sort()).toEqual(['正确', '错误'].sort())
    }
  })

  it('does not test the same fact in the same form twice', () => {
    expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length)
    const questions = cards.map((c) => `${c.docId}|${c.type}|${c.prompt}`)
    expect(new Set(questions).size).toBe(questions.length)
  })

  it('ignores gaps in the official text', () => {
    for (const c of cards) expect(`${c.prompt}${answersOf(c).join('')}`, c.id).not.toMatch(/待补|\{\{|〔/)
  })

  it('is deterministic', () => {
    expect(generateCards(corpus)).toEqual(cards)
  })

  it('gives each card type a string answer, or a list for enumeration and multi', () => {
    for (const c of cards) expect(Array.isArray(c.answer), c.id).toBe(c.type === 'enumeration' || c.type === 'multi')
  })

  it('generates the whole corpus in at most 200 ms', () => {
    const t0 = performance.now()
    for (const doc of corpus) generateDocumentCards(doc)
    expect(performance.now() - t0).toBeLessThan(200)
  })
})
