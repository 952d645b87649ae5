import { describe, expect, it } from 'vitest'
import { generateCards } from '@/lib/cards'
import { isDefaultMeetingSource, MASK, maskedSource } from '@/lib/cards/hint'
import { createQuiz } from '@/lib/quiz'
import { loadManualCards } from '../../../scripts/build/cardFiles'
import { corpus } from './corpus'

const bank = generateCards(corpus, loadManualCards(corpus))

describe('查看提示', () => {
  it('shows the source passage with the answer masked', () => {
    const card = bank.find((c) => (c.type === 'cloze' || c.type === 'choice') && c.prompt.includes('预备党员的预备期为'))!
    const hint = maskedSource(card)
    expect(hint).not.toContain('预备期为一年')
    expect(hint).toContain(`预备期为${MASK.repeat(2)}`)
    expect(hint.length).toBe(card.source.length)
  })

  it('masks every item of a list and the original span of a 判断', () => {
    const list = bank.find((c) => c.type === 'enumeration' && c.prompt.includes('纪律处分有哪五种'))!
    for (const item of list.answer as string[]) expect(maskedSource(list)).not.toContain(item)
    const judged = bank.find((c) => c.type === 'truefalse' && c.original)!
    expect(maskedSource(judged)).not.toContain(judged.original)
  })
})

describe('siblings in quizzes and meetings', () => {
  it('never draws two cards of one fact into a quiz', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const quiz = createQuiz(bank, { docIds: ['constitution'], types: [], count: 30 }, seed, 0)
      const facts = quiz.questions.map((c) => c.fact)
      expect(new Set(facts).size, `seed ${seed}`).toBe(facts.length)
    }
  })

  it('leaves the glossary and the seed article out of a meeting by default', () => {
    expect(isDefaultMeetingSource('constitution')).toBe(true)
    expect(isDefaultMeetingSource('regulation')).toBe(true)
    expect(isDefaultMeetingSource('glossary')).toBe(false)
    expect(isDefaultMeetingSource('article')).toBe(false)
  })
})
