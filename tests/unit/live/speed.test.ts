import { describe, expect, it } from 'vitest'
import { decideAnswer, playerScores, replay } from '@/lib/live/room'
import { liveResultsRows } from '@/lib/live/results'
import { speedBonus } from '@/lib/live/speed'
import { Room } from './helpers'

describe('speed points: the rule', () => {
  it('gives half the stake for an instant answer, falling to nothing at the end of the window', () => {
    expect(speedBonus(10, 0, 30_000)).toBe(5)
    expect(speedBonus(10, 6_000, 30_000)).toBe(4)
    expect(speedBonus(10, 30_000, 30_000)).toBe(0)
    // Late (the host let the question stand past its countdown) or a clock step back: clamped.
    expect(speedBonus(10, 90_000, 30_000)).toBe(0)
    expect(speedBonus(10, -500, 30_000)).toBe(5)
    expect(speedBonus(10, 1_000, 0)).toBe(0)
  })
})

/** Two members answer the first question right, 张三 after 6 s and 李四 after 24 s (server time). */
function race(speed: boolean): Room {
  const r = new Room()
  if (speed) r.push({ e: 'speed', at: r.now, on: true })
  const fast = r.join('张三', 't1')
  const slow = r.join('李四', 't2')
  r.act({ type: 'next' })
  r.take(decideAnswer(r.room, fast, r.key, '一年', r.now + 6_000))
  r.take(decideAnswer(r.room, slow, r.key, '一年', r.now + 24_000))
  r.now += 28_000
  r.act({ type: 'reveal' })
  return r
}

describe('speed points in the room', () => {
  it('are off by default: a right answer earns its stake however long it took', () => {
    const r = race(false)
    expect([...playerScores(r.room).values()]).toEqual([10, 10])
  })

  it('when the host turns them on, the faster right answer earns more, timed from when the question opened', () => {
    const r = race(true)
    expect(playerScores(r.room).get('p-张三')).toBe(14) // 10 + 5 × 24/30
    expect(playerScores(r.room).get('p-李四')).toBe(11) // 10 + 5 × 6/30
  })

  it('count only on questions opened after they were turned on', () => {
    const r = race(false)
    r.push({ e: 'speed', at: r.now, on: true })
    expect([...playerScores(r.room).values()]).toEqual([10, 10])
  })

  it('come back the same from the journal, and the CSV shows the same scores as the phones', () => {
    const r = race(true)
    const again = replay(r.events)!
    expect(playerScores(again)).toEqual(playerScores(r.room))
    const rows = liveResultsRows(again)
    expect(rows.slice(1).map((row) => [row[0], row[2]])).toEqual([['张三', '14'], ['李四', '11']])
  })

  it('restart from the re-opening when the host voids a question', () => {
    const r = race(true)
    const key = r.key
    r.now += 60_000
    r.push({ e: 'void', at: r.now, key })
    r.take(decideAnswer(r.room, 'p-李四', key, '一年', r.now + 1_000))
    r.act({ type: 'reveal' })
    expect(playerScores(r.room).get('p-李四')).toBe(10 + 5) // round(5 × 29/30)
    expect(playerScores(r.room).get('p-张三')).toBe(0)
  })
})
