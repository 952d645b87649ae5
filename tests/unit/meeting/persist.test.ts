import { describe, expect, it } from 'vitest'
import { loadSession, parseQuiz, parseSession, saveSession, SESSION_KEY } from '@/lib/meeting/persist'
import { reduce } from '@/lib/meeting/session'
import { remainingMs } from '@/lib/meeting/timer'
import { HOST, ROUNDS, session } from './fixtures'

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial))
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) }
}

describe('resume from saved state', () => {
  it('resumes a running quiz after a crash: position, scores and the running countdown', () => {
    const storage = memoryStorage()
    let s = reduce(session(), { type: 'next' }, 2_000, HOST)
    s = reduce(s, { type: 'score', teamId: 't2', outcome: 'right' }, 3_000, HOST)
    s = reduce(s, { type: 'startTimer' }, 4_000, HOST)
    expect(saveSession(s, storage)).toBe(true)
    const resumed = loadSession(storage)
    expect(resumed).toEqual(s)
    // The countdown kept running while the browser was down: 30 s from 4 s, now at 14 s.
    expect(remainingMs(resumed!.timer, 14_000)).toBe(20_000)
  })

  it('returns null for missing, unparsable or malformed data', () => {
    expect(loadSession(memoryStorage())).toBeNull()
    expect(loadSession(memoryStorage({ [SESSION_KEY]: '{not json' }))).toBeNull()
    expect(loadSession(memoryStorage({ [SESSION_KEY]: '42' }))).toBeNull()
    expect(loadSession(undefined)).toBeNull()
    const good = session()
    expect(parseSession({ ...good, roundIndex: 7 })).toBeNull()
    expect(parseSession({ ...good, questionIndex: 99 })).toBeNull()
    expect(parseSession({ ...good, teams: [{ id: 't1', name: '一' }] })).toBeNull()
    expect(parseSession({ ...good, timer: { durationMs: 'x' } })).toBeNull()
    expect(parseSession({ ...good, scoreLog: [{ teamId: 't1' }] })).toBeNull()
    expect(parseSession({ ...good, rounds: [{ ...ROUNDS[0], kind: 'lottery' }] })).toBeNull()
    expect(parseSession(JSON.parse(JSON.stringify(good)))).toEqual(good)
  })

  it('survives storage that throws', () => {
    const throwing = { getItem: () => { throw new Error('denied') }, setItem: () => { throw new Error('full') } }
    expect(loadSession(throwing)).toBeNull()
    expect(saveSession(session(), throwing)).toBe(false)
  })

  it('checks saved quizzes', () => {
    const quiz = { id: 'q', name: '竞赛', teams: ['甲', '乙'], startingScore: 100, rounds: ROUNDS, updatedAt: 1 }
    expect(parseQuiz(quiz)).toEqual(quiz)
    expect(parseQuiz({ ...quiz, teams: ['甲'] })).toBeNull()
    expect(parseQuiz({ ...quiz, rounds: [{ ...ROUNDS[0], questions: [{ id: 1 }] }] })).toBeNull()
    expect(parseQuiz(null)).toBeNull()
  })
})
