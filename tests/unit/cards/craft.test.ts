import { describe, expect, it } from 'vitest'
import { generateCards } from '@/lib/cards'
import { createQuiz } from '@/lib/quiz'
import { blanksNumberInName, hasNearSynonymOptions, isBadNegativeStem } from '@/lib/cards/lint'
import type { Card } from '@/lib/cards/types'
import { loadManualCards } from '../../../scripts/build/cardFiles'
import { corpus } from './corpus'

function card(fields: Partial<Card> & Pick<Card, 'type' | 'prompt' | 'answer'>): Card {
  return { id: `t#${fields.prompt}`, docId: 'constitution', anchor: 'general-12', source: '', heading: '', fact: 'f', origin: 'generated', generator: 'test', ...fields }
}

describe('craft rules a secretary applies to a paper', () => {
  it('no blank on the number of a fixed name (四项基本原则, 三个代表, 四个意识)', () => {
    expect(blanksNumberInName(card({ type: 'cloze', prompt: '党章规定，坚持（    ）基本原则，坚持改革开放。', answer: '四项' }))).toBe(true)
    expect(blanksNumberInName(card({ type: 'choice', prompt: '党员要增强（    ）意识。', answer: '四个', options: ['两个', '三个', '四个', '五个'] }))).toBe(true)
    expect(blanksNumberInName(card({ type: 'cloze', prompt: '以（    ）重要思想为指导。', answer: '“三个代表”' }))).toBe(false)
    expect(blanksNumberInName(card({ type: 'cloze', prompt: '预备党员的预备期为（    ）。', answer: '一年' }))).toBe(false)
    expect(blanksNumberInName(card({ type: 'cloze', prompt: '党章规定，中国共产党的“三个代表”要求党始终代表中国（    ）的发展要求。', answer: '先进生产力' }))).toBe(false)
  })

  it('a negative stem (不是……的) only when exactly one option is not in the text', () => {
    const source = '第三十六条　党的各级领导干部，无论是由民主选举产生的，或是由领导机关任命的，他们的职务都不是终身的，都可以变动或解除。'
    const good = card({ type: 'choice', prompt: '下列不属于党的纪律处分的是（    ）。', answer: '记过', options: ['警告', '记过', '留党察看', '开除党籍'], source: '对党员的纪律处分有五种：警告、严重警告、撤销党内职务、留党察看、开除党籍。' })
    const two = card({ type: 'choice', prompt: '下列不属于党的纪律处分的是（    ）。', answer: '记过', options: ['警告', '记过', '降级', '开除党籍'], source: good.source })
    const notNegative = card({ type: 'choice', prompt: '党章规定，领导干部的职务都不是（    ）的。', answer: '终身', options: ['固定', '世袭', '专任', '终身'], source })
    expect(isBadNegativeStem(good)).toBe(false)
    expect(isBadNegativeStem(two)).toBe(true)
    expect(isBadNegativeStem(notNegative)).toBe(false)
  })

  it('no near-synonym options (参加/出席, 谈话/交流)', () => {
    expect(hasNearSynonymOptions(card({ type: 'choice', prompt: '本人有权（    ）和进行申辩。', answer: '参加', options: ['参加', '出席', '列席', '旁听'] }))).toBe(true)
    expect(hasNearSynonymOptions(card({ type: 'choice', prompt: '多同干部（    ）。', answer: '谈心', options: ['谈心', '谈话', '交流', '座谈'] }))).toBe(true)
    expect(hasNearSynonymOptions(card({ type: 'choice', prompt: '党的最高理想是（    ）。', answer: '实现共产主义', options: ['实现共产主义', '实现现代化', '全面小康', '共同富裕'] }))).toBe(false)
  })

  it('the bank: none of these, and no generated card that only repeats a hand-written one', () => {
    const bank = generateCards(corpus, loadManualCards(corpus))
    expect(bank.filter((c) => blanksNumberInName(c) || isBadNegativeStem(c)).map((c) => c.prompt)).toEqual([])
    // Hand-written options are content's to fix (content/*.cards.yaml); generated ones never offer near-synonyms.
    expect(bank.filter((c) => c.origin === 'generated' && hasNearSynonymOptions(c)).map((c) => c.prompt)).toEqual([])
    const manual = bank.filter((c) => c.origin === 'manual')
    // The same blank on the same sentence as a hand-written 填空 or 单选: 年满（十八岁） beside 须年满多少岁？
    // (a 列举 of the whole list, or a 判断 beside a hand-written 判断, asks more).
    const key = (c: Card) => `${c.fact}\u0000${[c.type === 'truefalse' ? c.original : c.answer].flat().join('、')}`
    const written = new Set(manual.filter((c) => c.type === 'cloze' || c.type === 'choice').map(key))
    const repeats = bank.filter((c) => c.origin === 'generated' && c.type !== 'enumeration' && !c.generator.endsWith(':topic') && written.has(key(c)))
    expect(repeats.map((c) => c.prompt)).toEqual([])
  })
})

describe('facts split so a paper can ask more than one thing of a long point', () => {
  const bank = generateCards(corpus, loadManualCards(corpus))

  it('a quiz over 八项规定 may draw several questions of its long first point', () => {
    const quiz = createQuiz(bank, { docIds: ['eight-point-regulation'], types: [], count: 40 }, 1, 0)
    expect(quiz.questions.filter((c) => c.anchor === 'item-1').length).toBeGreaterThanOrEqual(3)
  })

  it('siblings on one clause still share a fact, and no question shows the answer of another fact', () => {
    // The same blank asked as a 填空, a 单选 or a 判断 is one fact, split or not.
    const tested = (c: Card) => `${c.fact.split('/')[0]}\u0000${c.type === 'truefalse' ? c.original : [c.answer].flat().join('、')}`
    const byBlank = new Map<string, Set<string>>()
    for (const c of bank) byBlank.set(tested(c), (byBlank.get(tested(c)) ?? new Set()).add(c.fact))
    expect([...byBlank].filter(([, facts]) => facts.size > 1).map(([k]) => k)).toEqual([])
    expect(bank.some((c) => c.fact.includes('/'))).toBe(true)
    const shown = (c: Card) => (c.type === 'truefalse' ? [c.original ?? ''] : [c.answer].flat()).filter((a) => a.length >= 2)
    const leaks = bank.flatMap((a) =>
      bank
        // Only facts this split made (cards of different sentences are another matter).
        .filter((b) => a.fact !== b.fact && a.fact.split('/')[0] === b.fact.split('/')[0] && shown(b).some((x) => a.prompt.includes(x)))
        .map((b) => `${a.prompt} ← ${b.answer}`),
    )
    expect(leaks).toEqual([])
  })
})
