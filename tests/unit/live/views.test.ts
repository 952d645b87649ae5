import { describe, expect, it } from 'vitest'
import { decideAnswer, decideBuzz } from '@/lib/live/room'
import { hostViewOf, liveSummary, playerViewOf } from '@/lib/live/views'
import { Room } from './helpers'

describe('what a phone sees', () => {
  it('never holds the answer, nor whether its own answer is right, before reveal', () => {
    const r = new Room()
    const a = r.join('甲', 't1')
    r.act({ type: 'next' })
    r.act({ type: 'next' }) // typed question: answer 十八
    r.take(decideAnswer(r.room, a, r.key, '18', r.now))
    const before = playerViewOf(r.room, a, r.now)!
    const frame = JSON.stringify(before)
    expect(frame).not.toContain('十八')
    expect(frame).not.toContain('"correct"')
    expect(frame).not.toContain('secret')
    expect(before.answer).toBeUndefined()
    expect(before.myAnswer).toEqual({ response: '18' })
    expect(before.question).toMatchObject({ cardType: 'cloze', open: true })
    r.act({ type: 'reveal' })
    const after = playerViewOf(r.room, a, r.now)!
    expect(after.answer).toBe('十八')
    expect(after.myAnswer).toEqual({ response: '18', correct: true })
    expect(after.me.score).toBe(10)
  })

  it('shows no option as right before reveal, and no other member’s secret ever', () => {
    const r = new Room()
    const a = r.join('甲', 't1')
    r.join('乙', 't1')
    r.act({ type: 'next' })
    const view = playerViewOf(r.room, a, r.now)!
    expect(view.question!.options.every((o) => !o.correct)).toBe(true)
    expect(JSON.stringify(view)).not.toContain('secret-乙')
  })

  it('tells the team leader in a 风险题 that it may choose the stake, and nobody else', () => {
    const r = new Room()
    const leader = r.join('甲', 't1')
    const member = r.join('乙', 't1')
    r.act({ type: 'goto', roundIndex: 2, questionIndex: 0 })
    expect(playerViewOf(r.room, leader, r.now)!.stake).toEqual({ mayChoose: true, points: 10 })
    expect(playerViewOf(r.room, member, r.now)!.stake).toEqual({ mayChoose: false, points: 10 })
  })

  it('tells a buzzer its place', () => {
    const r = new Room()
    const [a, b] = [r.join('甲', 't1'), r.join('乙', 't2')]
    r.act({ type: 'goto', roundIndex: 1, questionIndex: 0 })
    r.act({ type: 'startTimer' })
    r.take(decideBuzz(r.room, b, r.key, r.now))
    r.take(decideBuzz(r.room, a, r.key, r.now))
    expect(playerViewOf(r.room, a, r.now)!.buzz).toEqual({ place: 2, count: 2, firstTeam: '第二党小组', open: true, falseStart: false })
  })
})

describe('what the projector and host see', () => {
  it('counts answers per team, and shows the distribution only once revealed', () => {
    const r = new Room()
    const [a, b, c] = [r.join('甲', 't1'), r.join('乙', 't1'), r.join('丙', 't2')]
    r.act({ type: 'next' })
    r.take(decideAnswer(r.room, a, r.key, '一年', r.now))
    r.take(decideAnswer(r.room, b, r.key, '半年', r.now))
    r.take(decideAnswer(r.room, c, r.key, '一年', r.now))
    const before = liveSummary(r.room)
    expect(before).toMatchObject({ joined: 3, answered: 3, distribution: null })
    expect(before.perTeam.map((t) => [t.joined, t.answered])).toEqual([[2, 2], [1, 1]])
    r.act({ type: 'reveal' })
    expect(liveSummary(r.room).distribution).toEqual([
      { label: 'A. 半年', count: 1, correct: false },
      { label: 'B. 一年', count: 2, correct: true },
      { label: 'C. 两年', count: 0, correct: false },
    ])
  })

  it('gives the host every member and its answer state but no secret', () => {
    const r = new Room()
    const a = r.join('甲', 't1')
    r.act({ type: 'next' })
    r.take(decideAnswer(r.room, a, r.key, '一年', r.now))
    const view = hostViewOf(r.room, { connected: new Set([a]), dropped: 2, joinUrl: 'http://x/join?room=4821', now: r.now })
    expect(view.players).toEqual([expect.objectContaining({ name: '甲', connected: true, answered: true, correct: true, leader: true })])
    expect(JSON.stringify(view)).not.toContain('secret-甲')
    expect(JSON.stringify(view)).not.toContain('host-secret')
  })
})

describe('the projector’s lobby (issue 18)', () => {
  it('names who is in, with their 党小组, and drops a seat moved out', () => {
    const r = new Room()
    const [a] = [r.join('甲', 't1'), r.join('乙', 't2')]
    expect(liveSummary(r.room).lobby).toEqual([{ name: '甲', teamName: '第一党小组' }, { name: '乙', teamName: '第二党小组' }])
    r.push({ e: 'kick', at: r.now, playerId: a })
    expect(liveSummary(r.room).lobby.map((p) => p.name)).toEqual(['乙'])
  })
})

describe('the leaderboard after each question', () => {
  /** 甲 and 丙 answer right, 乙 wrong; 丁 sits silent. */
  function answered(): Room {
    const r = new Room()
    const [a, b, c] = [r.join('甲', 't1'), r.join('乙', 't1'), r.join('丙', 't2')]
    r.join('丁', 't2')
    r.act({ type: 'next' })
    r.take(decideAnswer(r.room, a, r.key, '一年', r.now))
    r.take(decideAnswer(r.room, b, r.key, '半年', r.now))
    r.take(decideAnswer(r.room, c, r.key, '一年', r.now))
    return r
  }

  it('is not shown before reveal, and no phone gets a standing before it', () => {
    const r = answered()
    expect(liveSummary(r.room).leaderboard).toBeNull()
    expect(playerViewOf(r.room, 'p-甲', r.now)).not.toHaveProperty('standing')
  })

  it('after reveal ranks the members and the teams with what this question changed', () => {
    const r = answered()
    r.act({ type: 'reveal' })
    const board = liveSummary(r.room).leaderboard!
    expect(board.top).toEqual([
      { rank: 1, name: '甲', teamName: '第一党小组', score: 10, delta: 10 },
      { rank: 1, name: '丙', teamName: '第二党小组', score: 10, delta: 10 },
      { rank: 3, name: '乙', teamName: '第一党小组', score: 0, delta: 0 },
      { rank: 3, name: '丁', teamName: '第二党小组', score: 0, delta: 0 },
    ])
    // 第一党小组: one right of two who answered; 第二党小组: one right of one (silent 丁 does not count).
    expect(board.teams.map((t) => [t.rank, t.name, t.delta])).toEqual([[1, '第二党小组', 10], [2, '第一党小组', 5]])
    expect(board.teams.every((t) => t.score === 100 + t.delta)).toBe(true)
  })

  it('gives each phone its own place and points, with only this question’s change', () => {
    const r = answered()
    r.act({ type: 'reveal' })
    expect(playerViewOf(r.room, 'p-乙', r.now)?.standing).toEqual({ rank: 3, of: 4, score: 0, delta: 0 })
    r.act({ type: 'next' })
    r.take(decideAnswer(r.room, 'p-乙', r.key, '十八', r.now))
    expect(playerViewOf(r.room, 'p-乙', r.now)).not.toHaveProperty('standing')
    r.act({ type: 'reveal' })
    expect(playerViewOf(r.room, 'p-乙', r.now)?.standing).toEqual({ rank: 1, of: 4, score: 10, delta: 10 })
    expect(playerViewOf(r.room, 'p-甲', r.now)?.standing).toEqual({ rank: 1, of: 4, score: 10, delta: 0 })
  })
})
