import { describe, expect, it } from 'vitest'
import { computeResults } from '@/lib/meeting/results'
import { reduce, type MeetingAction } from '@/lib/meeting/session'
import type { MeetingSession } from '@/lib/meeting/types'
import { HOST, session } from './fixtures'

const run = (s: MeetingSession, ...actions: MeetingAction[]) => actions.reduce((acc, a, i) => reduce(acc, a, 10 + i, HOST), s)

describe('results', () => {
  it('ranks teams, sharing a place on equal scores, with points per round', () => {
    const s = run(
      session(),
      { type: 'goto', roundIndex: 0, questionIndex: 0 },
      { type: 'score', teamId: 't1', outcome: 'right' },
      { type: 'goto', roundIndex: 1, questionIndex: 0 },
      { type: 'score', teamId: 't3', outcome: 'right' },
      { type: 'score', teamId: 't2', outcome: 'wrong' },
    )
    const { ranking } = computeResults(s)
    expect(ranking.map((r) => [r.rank, r.team.name, r.score])).toEqual([
      [1, '第一党小组', 110],
      [1, '第三党小组', 110],
      [3, '第二党小组', 90],
    ])
    expect(ranking[0]?.byRound).toEqual([10, 0, 0])
    expect(ranking[2]?.byRound).toEqual([0, -10, 0])
  })

  it('lists the questions most teams missed first', () => {
    const s = run(
      session(),
      { type: 'goto', roundIndex: 1, questionIndex: 0 },
      { type: 'score', teamId: 't1', outcome: 'wrong' },
      { type: 'goto', roundIndex: 1, questionIndex: 1 },
      { type: 'score', teamId: 't1', outcome: 'wrong' },
      { type: 'score', teamId: 't2', outcome: 'wrong' },
      { type: 'score', teamId: 't3', outcome: 'right' },
      { type: 'goto', roundIndex: 0, questionIndex: 2 },
      { type: 'score', teamId: 't3', outcome: 'wrong' },
    )
    const { missed, questions } = computeResults(s)
    expect(missed.map((q) => [q.question.id, q.wrong, q.right])).toEqual([
      ['6', 2, 1],
      ['3', 1, 0], // equal misses: in quiz order
      ['5', 1, 0],
    ])
    expect(questions.find((q) => q.question.id === '3')?.byTeam.get('t3')).toEqual({ delta: 0, outcome: 'wrong' })
    expect(missed[0]?.question.anchor).toBe('art-6')
  })
})
