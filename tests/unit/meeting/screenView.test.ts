import { describe, expect, it } from 'vitest'
import { answerText, toScreenView } from '@/lib/meeting/screenView'
import { createSession, reduce } from '@/lib/meeting/session'
import { HOST, question, session } from './fixtures'

describe('what the projector may show', () => {
  it('carries no answer before it is revealed', () => {
    const s = reduce(session(), { type: 'next' }, 2_000, HOST)
    const view = toScreenView(s)
    expect(view.question?.prompt).toBe('题目1（    ）')
    expect(view.answer).toBeUndefined()
    expect(JSON.stringify(view)).not.toContain('答案1')
    expect(JSON.stringify(view)).not.toContain('原文1')
    const revealed = toScreenView(reduce(s, { type: 'reveal' }, 3_000, HOST))
    expect(revealed.answer).toBe('答案1')
  })

  it('marks no option correct before reveal', () => {
    const choice = question('c', { type: 'multi', options: ['甲', '乙', '丙'], answer: ['甲', '丙'] })
    let s = createSession({ sessionId: 'x', quiz: { name: 'n', teams: ['一', '二'], startingScore: 100, rounds: [{ kind: 'buzzer', title: 't', secondsPerQuestion: 20, questions: [choice] }] }, now: 1, by: HOST })
    s = reduce(s, { type: 'next' }, 2, HOST)
    expect(toScreenView(s).question?.options.map((o) => o.correct)).toEqual([false, false, false])
    s = reduce(s, { type: 'reveal' }, 3, HOST)
    expect(toScreenView(s).question?.options.map((o) => o.correct)).toEqual([true, false, true])
    expect(toScreenView(s).answer).toBe('A、C（甲；丙）')
  })

  it('shows the stake and scores', () => {
    const s = reduce(reduce(session(), { type: 'goto', roundIndex: 2, questionIndex: 1 }, 2, HOST), { type: 'score', teamId: 't2', outcome: 'right' }, 3, HOST)
    const view = toScreenView(s)
    expect(view.question?.stake).toBe(30)
    expect(view.round?.label).toBe('风险题')
    expect(view.teams.map((t) => [t.score, t.active])).toEqual([[100, false], [130, true], [100, false]])
  })

  it('writes answers as letters with their text', () => {
    expect(answerText('乙', ['甲', '乙'])).toBe('B. 乙')
    expect(answerText(['一', '二'])).toBe('一；二')
  })

  it('lists a multiple-choice answer in option order, as members read A to D', () => {
    // The bank stores answers in the order they were written, not the options' order.
    expect(answerText(['丁', '甲', '丙'], ['甲', '乙', '丙', '丁'])).toBe('A、C、D（甲；丙；丁）')
  })
})
