import { describe, expect, it } from 'vitest'
import { isScreenFeed, toScreenFeed } from '@/lib/meeting/screenFeed'
import { reduce } from '@/lib/meeting/session'
import { HOST, session } from './fixtures'

describe('what the projector window is sent', () => {
  it('holds neither the session nor an unrevealed answer', () => {
    const s = reduce(session(), { type: 'next' }, 2_000, HOST)
    const frame = JSON.stringify(toScreenFeed(s))
    expect(frame).not.toContain('答案1')
    expect(frame).not.toContain('scoreLog')
    expect(frame).not.toContain('rounds')
    expect(JSON.stringify(toScreenFeed(reduce(s, { type: 'reveal' }, 3_000, HOST)))).toContain('答案1')
  })

  it('says what undo would take back, and whether it lies outside the question shown', () => {
    let s = reduce(session(), { type: 'next' }, 2_000, HOST)
    s = reduce(s, { type: 'score', teamId: 't2', outcome: 'right' }, 2_000, HOST)
    expect(toScreenFeed(s).undo).toEqual({ label: '第二党小组 第一轮第1题 答对 +10', outsideCurrent: false })
    s = reduce(s, { type: 'next' }, 2_000, HOST)
    expect(toScreenFeed(s).undo?.outsideCurrent).toBe(true)
  })

  it('rejects a message that is not a feed', () => {
    expect(isScreenFeed(toScreenFeed(session()))).toBe(true)
    expect(isScreenFeed({ sessionId: 's', view: null, ranking: [] })).toBe(false)
    expect(isScreenFeed('x')).toBe(false)
  })
})
