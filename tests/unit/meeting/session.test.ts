import { describe, expect, it } from 'vitest'
import { currentQuestion, isLastPage, reduce, teamScores, undoTarget, type MeetingAction } from '@/lib/meeting/session'
import { toScreenView } from '@/lib/meeting/screenView'
import { remainingMs } from '@/lib/meeting/timer'
import type { MeetingSession } from '@/lib/meeting/types'
import { HOST, session } from './fixtures'

function run(start: MeetingSession, ...actions: MeetingAction[]): MeetingSession {
  return actions.reduce((s, action, i) => reduce(s, action, 2_000 + i * 1_000, HOST), start)
}
const next = { type: 'next' } as const
const scores = (s: MeetingSession) => [...teamScores(s).values()]

describe('rounds', () => {
  it('opens on the first round’s rules page, then walks through questions and into the next round', () => {
    let s = session()
    expect([s.roundIndex, s.questionIndex]).toEqual([0, -1])
    s = run(s, next)
    expect(currentQuestion(s)?.id).toBe('1')
    s = run(s, next, next, next, next)
    expect([s.roundIndex, s.questionIndex]).toEqual([1, -1])
    s = run(s, { type: 'prev' })
    expect([s.roundIndex, s.questionIndex]).toEqual([0, 3])
    s = run(s, { type: 'goto', roundIndex: 2, questionIndex: 1 })
    expect(currentQuestion(s)?.id).toBe('8')
    expect(run(s, next)).toBe(s)
  })

  it('knows the last page, where → offers to end instead of doing nothing', () => {
    let s = session()
    expect(isLastPage(s)).toBe(false)
    s = run(s, { type: 'goto', roundIndex: 2, questionIndex: 0 })
    expect(isLastPage(s)).toBe(false)
    s = run(s, next)
    expect(isLastPage(s)).toBe(true)
    expect(toScreenView(s).lastPage).toBe(true)
    // Once ended nothing is offered again; reopened, the offer returns.
    s = run(s, { type: 'end' })
    expect(isLastPage(s)).toBe(false)
    expect(isLastPage(run(s, { type: 'reopen' }))).toBe(true)
  })

  it('gives each question of a 必答题 round to the teams in turn; nobody in 抢答题', () => {
    let s = run(session(), next)
    expect(s.activeTeamId).toBe('t1')
    s = run(s, next)
    expect(s.activeTeamId).toBe('t2')
    s = run(s, next, next)
    expect(s.activeTeamId).toBe('t1')
    s = run(s, { type: 'goto', roundIndex: 1, questionIndex: 0 })
    expect(s.activeTeamId).toBeNull()
  })

  it('starts every question with a fresh countdown of its round and a hidden answer', () => {
    let s = run(session(), next, { type: 'startTimer' }, { type: 'reveal' })
    expect(s.revealed).toBe(true)
    s = run(s, { type: 'goto', roundIndex: 1, questionIndex: 0 })
    expect(s.revealed).toBe(false)
    expect(s.timer).toEqual({ durationMs: 20_000, startedAt: null, pausedAt: null, accumulatedMs: 0 })
  })

  it('pauses the countdown when the answer is revealed', () => {
    const s = reduce(reduce(run(session(), next), { type: 'startTimer' }, 5_000, HOST), { type: 'reveal' }, 8_000, HOST)
    expect(remainingMs(s.timer, 100_000)).toBe(27_000)
  })

  it('stamps each change with a new revision and who made it; no-ops return the same object', () => {
    const s = session()
    const moved = reduce(s, next, 5_000, HOST)
    expect(moved.revision).toBe(s.revision + 1)
    expect(moved.lastUpdate).toEqual({ ...HOST, at: 5_000 })
    expect(reduce(s, { type: 'prev' }, 5_000, HOST)).toBe(s)
    expect(reduce(s, { type: 'reveal' }, 5_000, HOST)).toBe(s) // nothing to reveal on a rules page
  })

  it('ignores everything but reopen once ended', () => {
    const ended = run(session(), { type: 'end' })
    expect(ended.phase).toBe('ended')
    expect(run(ended, next)).toBe(ended)
    expect(run(ended, { type: 'reopen' }).phase).toBe('running')
  })
})

describe('scoring rules', () => {
  it('必答题: +10 right, 0 wrong', () => {
    const s = run(session(), next, { type: 'score', teamId: 't1', outcome: 'right' }, next, { type: 'score', teamId: 't2', outcome: 'wrong' })
    expect(scores(s)).toEqual([110, 100, 100])
    expect(s.scoreLog.map((e) => e.delta)).toEqual([10, 0])
  })

  it('抢答题: ±10, and the team that buzzed becomes the active team', () => {
    const s = run(session(), { type: 'goto', roundIndex: 1, questionIndex: 0 }, { type: 'score', teamId: 't3', outcome: 'wrong' }, { type: 'score', teamId: 't2', outcome: 'right' })
    expect(scores(s)).toEqual([100, 110, 90])
    expect(s.activeTeamId).toBe('t2')
  })

  it('风险题: right adds and wrong deducts the question’s stake', () => {
    let s = run(session(), { type: 'goto', roundIndex: 2, questionIndex: 1 }, { type: 'score', teamId: 't2', outcome: 'wrong' })
    expect(scores(s)).toEqual([100, 70, 100])
    s = run(s, { type: 'goto', roundIndex: 2, questionIndex: 0 }, { type: 'score', teamId: 't1', outcome: 'right' })
    expect(scores(s)).toEqual([110, 70, 100])
  })

  it('counts a double click once, ignores unknown teams and rules pages', () => {
    const s = run(session(), next, { type: 'score', teamId: 't1', outcome: 'right' })
    expect(run(s, { type: 'score', teamId: 't1', outcome: 'right' })).toBe(s)
    expect(run(s, { type: 'score', teamId: 't1', outcome: 'wrong' })).toBe(s)
    expect(run(s, { type: 'score', teamId: 'nobody', outcome: 'right' })).toBe(s)
    const intro = session()
    expect(run(intro, { type: 'score', teamId: 't1', outcome: 'right' })).toBe(intro)
  })

  it('takes manual adjustments of any size', () => {
    const s = run(session(), { type: 'adjustScore', teamId: 't3', delta: -5 }, { type: 'adjustScore', teamId: 't3', delta: 0 })
    expect(scores(s)).toEqual([100, 100, 95])
  })
})

describe('undo', () => {
  it('removes the last score change, one at a time, exactly', () => {
    let s = run(session(), { type: 'goto', roundIndex: 1, questionIndex: 0 }, { type: 'score', teamId: 't1', outcome: 'right' }, { type: 'score', teamId: 't2', outcome: 'wrong' })
    expect(scores(s)).toEqual([110, 90, 100])
    s = run(s, { type: 'undo' })
    expect(scores(s)).toEqual([110, 100, 100])
    // After undo the verdict can be given again.
    s = run(s, { type: 'score', teamId: 't2', outcome: 'right' })
    expect(scores(s)).toEqual([110, 110, 100])
    s = run(s, { type: 'undo' }, { type: 'undo' })
    expect(scores(s)).toEqual([100, 100, 100])
    expect(run(s, { type: 'undo' })).toBe(s)
  })

  it('stays within the question shown: a score given on another question needs the confirmed undo', () => {
    let s = run(session(), next, { type: 'score', teamId: 't1', outcome: 'right' }, next)
    expect(undoTarget(s)).toMatchObject({ outsideCurrent: true, label: '第一党小组 第一轮第1题 答对 +10' })
    s = run(s, { type: 'undo' })
    expect(scores(s)).toEqual([110, 100, 100])
    s = run(s, { type: 'undo', allowEarlier: true })
    expect(s.questionIndex).toBe(1)
    expect(scores(s)).toEqual([100, 100, 100])
    expect(undoTarget(s)).toBeNull()
  })

  it('pressed on a round’s opening page, does not reach into the previous round', () => {
    let s = run(session(), next, { type: 'score', teamId: 't2', outcome: 'right' })
    s = run(s, { type: 'goto', roundIndex: 1, questionIndex: -1 }, { type: 'undo' })
    expect(scores(s)).toEqual([100, 110, 100])
  })
})

describe('stake chosen at the meeting (风险题)', () => {
  it('sets the stake of the question shown before a verdict, and the verdict uses it', () => {
    let s = run(session(), { type: 'goto', roundIndex: 2, questionIndex: 0 }, { type: 'setStake', points: 30 })
    expect(s.rounds[2]!.questions[0]!.points).toBe(30)
    s = run(s, { type: 'score', teamId: 't1', outcome: 'right' }, { type: 'setStake', points: 10 })
    expect(s.rounds[2]!.questions[0]!.points).toBe(30)
    expect(scores(s)).toEqual([130, 100, 100])
  })

  it('does nothing outside a 风险题', () => {
    const s = run(session(), next)
    expect(run(s, { type: 'setStake', points: 30 })).toBe(s)
  })
})
