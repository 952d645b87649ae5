import { describe, expect, it } from 'vitest'
import { mergeLog, mergeSessions } from '@/lib/meeting/mergeLog'
import { reduce, teamScores } from '@/lib/meeting/session'
import type { MeetingSession } from '@/lib/meeting/types'
import { HOST, session } from './fixtures'

const HOST2 = { id: 'host-2', role: 'host' as const }

describe('two host windows scoring at once', () => {
  it('keeps both scores when both windows scored from the same state', () => {
    const start = reduce(session(), { type: 'next' }, 2_000, HOST)
    const a = reduce(start, { type: 'score', teamId: 't1', outcome: 'right' }, 3_000, HOST)
    const b = reduce(start, { type: 'score', teamId: 't2', outcome: 'right' }, 3_000, HOST2)
    // Window b saves after a did, having last seen `start`.
    const outcome = mergeSessions(start, b, a)
    expect(outcome.write).toBe(true)
    const merged = outcome.session as MeetingSession
    expect(merged.scoreLog).toHaveLength(2)
    const scores = teamScores(merged)
    expect(scores.get('t1')).toBe(110)
    expect(scores.get('t2')).toBe(110)
    expect(merged.revision).toBeGreaterThan(Math.max(a.revision, b.revision))
  })

  it('an undo on one side stays undone; an add on the other stays added', () => {
    const e = (at: number, teamId = 't1') => ({ teamId, roundIndex: 0, questionIndex: 0, outcome: 'right' as const, delta: 10, at })
    const base = [e(1), e(2)]
    const ours = [e(1)] // undid e(2)
    const theirs = [e(1), e(2), e(3, 't2')]
    expect(mergeLog(base, ours, theirs)).toEqual([e(1), e(3, 't2')])
  })

  it('does not overwrite a newer stored state with an older one this window received late', () => {
    const start = reduce(session(), { type: 'next' }, 2_000, HOST)
    const newer = reduce(reduce(start, { type: 'score', teamId: 't1', outcome: 'right' }, 3_000, HOST2), { type: 'next' }, 4_000, HOST2)
    const outcome = mergeSessions(newer, start, newer)
    expect(outcome.write).toBe(false)
    expect(outcome.session).toBe(newer)
  })

  it('a state received from the other window is merged as a union, not read as an undo of our score', () => {
    const start = reduce(session(), { type: 'next' }, 2_000, HOST)
    const a = reduce(start, { type: 'score', teamId: 't1', outcome: 'right' }, 3_000, HOST)
    const b = reduce(start, { type: 'score', teamId: 't2', outcome: 'right' }, 3_000, HOST2)
    // This window held `a` (stored), then accepted b's state from the channel and saves it.
    const outcome = mergeSessions(a, b, a)
    expect(outcome.write).toBe(true)
    const scores = teamScores(outcome.session)
    expect([scores.get('t1'), scores.get('t2')]).toEqual([110, 110])
  })

  it('an undo made here on top of what is stored is kept', () => {
    const start = reduce(session(), { type: 'next' }, 2_000, HOST)
    const scored = reduce(start, { type: 'score', teamId: 't1', outcome: 'right' }, 3_000, HOST)
    const undone = reduce(scored, { type: 'undo' }, 4_000, HOST)
    const outcome = mergeSessions(scored, undone, scored)
    expect(outcome).toMatchObject({ write: true, session: undone })
  })
})
