import { describe, expect, it } from 'vitest'
import { createScheduler, formatInterval, LEECH_THRESHOLD, newCardState, restoreCard, type CardState } from '@/lib/schedule'
import { DAY, makeCard, MINUTE, T0 } from './fixtures'

const card = makeCard(1)

describe('FSRS scheduling', () => {
  it('previews the four intervals of a new card', () => {
    const scheduler = createScheduler()
    const preview = scheduler.preview(newCardState(card.id, card.docId, T0), T0)
    expect(preview[1].interval).toBe(1 * MINUTE)
    expect(preview[2].interval).toBe(6 * MINUTE)
    expect(preview[3].interval).toBe(10 * MINUTE)
    expect(preview[4].interval).toBeGreaterThanOrEqual(3 * DAY)
    expect(formatInterval(preview[3].interval)).toBe('10分钟')
    expect(formatInterval(preview[4].interval)).toMatch(/^\d+天$/)
  })

  it('moves a card through learning into review and logs every rating', () => {
    const scheduler = createScheduler()
    const first = scheduler.rate(null, card, 3, T0)
    expect(first.before).toBeNull()
    expect(first.after.state).toBe(1)
    expect(first.after.due).toBe(T0 + 10 * MINUTE)
    expect(first.log).toMatchObject({ id: `${T0}:${card.id}`, cardId: card.id, grade: 3, state: 0, review: T0 })
    const second = scheduler.rate(first.after, card, 3, T0 + 10 * MINUTE)
    expect(second.after.state).toBe(2)
    expect(second.after.scheduledDays).toBeGreaterThanOrEqual(1)
    expect(second.after.reps).toBe(2)
    expect(second.before).toEqual(first.after)
  })

  it('schedules shorter intervals for a higher desired retention', () => {
    const learned = (retention: number) => {
      const s = createScheduler({ retention })
      const a = s.rate(null, card, 3, T0)
      const b = s.rate(a.after, card, 3, T0 + 10 * MINUTE)
      const c = s.rate(b.after, card, 3, b.after.due)
      return c.after.scheduledDays
    }
    expect(learned(0.95)).toBeLessThan(learned(0.9))
    expect(learned(0.8)).toBeGreaterThan(learned(0.9))
  })

  it('reports retrievability: 0 for new cards, close to the retention when due', () => {
    const s = createScheduler()
    const a = s.rate(null, card, 4, T0)
    expect(s.retrievability(newCardState(card.id, card.docId, T0), T0)).toBe(0)
    expect(s.retrievability(a.after, a.after.due)).toBeCloseTo(0.9, 1)
  })
})

describe('leeches', () => {
  function forgetRepeatedly(times: number, start: CardState | null = null) {
    const s = createScheduler()
    let state = start
    let now = T0
    let leechAt = -1
    // Learn the card, then alternate: forget (重来) in review, relearn (良好).
    state = s.rate(state, card, 4, now).after
    for (let i = 0; i < times; i++) {
      now = state.due
      const forgot = s.rate(state, card, 1, now)
      if (forgot.becameLeech) leechAt = i + 1
      state = forgot.after
      if (state.suspended) break
      now = state.due
      state = s.rate(state, card, 3, now).after
    }
    return { state, leechAt }
  }

  it(`flags and suspends a card forgotten ${LEECH_THRESHOLD} times after it was learned`, () => {
    expect(LEECH_THRESHOLD).toBe(8)
    const { state, leechAt } = forgetRepeatedly(10)
    expect(leechAt).toBe(8)
    expect(state.lapses).toBe(8)
    expect(state.leech).toBe(true)
    expect(state.suspended).toBe(true)
  })

  it('does not count 重来 on a card still being learned', () => {
    const s = createScheduler()
    let state = s.rate(null, card, 1, T0).after
    for (let i = 0; i < 12; i++) state = s.rate(state, card, 1, state.due).after
    expect(state.lapses).toBe(0)
    expect(state.leech).toBe(false)
  })

  it('restores a leech, which then needs another full count to be flagged again', () => {
    const { state } = forgetRepeatedly(LEECH_THRESHOLD)
    const restored = restoreCard(state)
    expect(restored).toMatchObject({ suspended: false, leech: false, lapsesAtRestore: LEECH_THRESHOLD })
    const s = createScheduler()
    const again = s.rate(restored, card, 1, restored.due)
    expect(again.becameLeech).toBe(false)
    expect(again.after.suspended).toBe(false)
  })
})

describe('formatInterval', () => {
  it.each([
    [30_000, '1分钟内'],
    [MINUTE, '1分钟'],
    [10 * MINUTE, '10分钟'],
    [3 * 60 * MINUTE, '3小时'],
    [DAY, '1天'],
    [3 * DAY, '3天'],
    [75 * DAY, '2.5个月'],
    [400 * DAY, '1.1年'],
  ])('%i ms → %s', (ms, label) => expect(formatInterval(ms)).toBe(label))
})
