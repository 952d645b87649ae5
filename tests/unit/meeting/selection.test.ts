import { describe, expect, it } from 'vitest'
import { drawRound, newDraft, pickCard, quizProblems, setRoundKind } from '@/lib/meeting/draft'
import { buildRounds, filterCards, selectCards } from '@/lib/meeting/selection'
import { card } from './fixtures'

const bank = Array.from({ length: 40 }, (_, i) =>
  card(String(i), { docId: i % 2 ? 'constitution' : 'rules', type: i % 4 === 0 ? 'choice' : 'cloze', prompt: `第${i}题 党员${i % 3 ? '义务' : '权利'}` }),
)

describe('question selection', () => {
  it('picks by document and type, the same for the same seed', () => {
    const a = selectCards(bank, { docIds: ['rules'], types: ['cloze'], count: 5, seed: 7 })
    expect(a).toHaveLength(5)
    expect(a.every((c) => c.docId === 'rules' && c.type === 'cloze')).toBe(true)
    expect(selectCards(bank, { docIds: ['rules'], types: ['cloze'], count: 5, seed: 7 })).toEqual(a)
    expect(selectCards(bank, { docIds: ['rules'], types: ['cloze'], count: 5, seed: 8 })).not.toEqual(a)
    expect(selectCards(bank, { docIds: ['rules'], types: ['cloze'], count: 99, seed: 1 })).toHaveLength(10)
  })

  it('never uses a card twice in a quiz, and spreads risk stakes', () => {
    const rounds = buildRounds(bank, [
      { kind: 'required', types: ['cloze', 'choice'], count: 15, secondsPerQuestion: 30 },
      { kind: 'risk', types: ['cloze', 'choice'], count: 30, secondsPerQuestion: 45 },
    ], ['rules', 'constitution'], 3)
    const ids = rounds.flatMap((r) => r.questions.map((q) => q.id))
    expect(new Set(ids).size).toBe(ids.length)
    expect(rounds[1]?.questions).toHaveLength(25)
    expect(rounds[1]?.questions.slice(0, 3).map((q) => q.points)).toEqual([10, 20, 30])
    expect(rounds[0]?.questions[0]?.points).toBeUndefined()
  })

  it('finds cards by every word of the query', () => {
    expect(filterCards(bank, '党员 权利').every((c) => c.prompt.includes('权利'))).toBe(true)
    expect(filterCards(bank, '第12题')).toHaveLength(1)
    expect(filterCards(bank, '   ')).toEqual([])
    expect(filterCards(bank, '党员', 3)).toHaveLength(3)
  })

  it('fills a draft round by round, by hand or by drawing, without duplicates', () => {
    const draft = newDraft('d', ['rules', 'constitution'], 0)
    draft.rounds.forEach((round) => (round.types = ['cloze', 'choice']))
    expect(quizProblems(draft)).toContain('第一轮 必答题还没有题目，请抽题或手动选题。')
    draft.rounds[0]!.questions = drawRound(draft, 0, bank, 1)
    expect(draft.rounds[0]!.questions).toHaveLength(6)
    const taken = bank.find((c) => c.id === draft.rounds[0]!.questions[0]!.id)!
    expect(pickCard(draft, 1, taken)).toBeNull()
    draft.rounds[1]!.questions = drawRound(draft, 1, bank, 1)
    draft.rounds[2]!.questions = drawRound(draft, 2, bank, 1)
    const ids = draft.rounds.flatMap((r) => r.questions.map((q) => q.id))
    expect(new Set(ids).size).toBe(ids.length)
    expect(quizProblems(draft)).toEqual([])
    setRoundKind(draft.rounds[0]!, 'risk')
    expect(draft.rounds[0]!.questions.map((q) => q.points)).toEqual([10, 20, 30, 10, 20, 30])
    setRoundKind(draft.rounds[0]!, 'buzzer')
    expect(draft.rounds[0]!.questions.every((q) => q.points === undefined)).toBe(true)
  })

  it('explains what stops a quiz from starting', () => {
    const draft = newDraft('d', [], 0)
    draft.teams = ['第一党小组', '第一党小组', ' ']
    expect(quizProblems(draft)).toEqual(expect.arrayContaining(['请填写每个党小组的名称。', '党小组名称不能重复。']))
    draft.teams = ['一']
    expect(quizProblems(draft)[0]).toBe('参赛党小组须为 2～8 个。')
  })
})
