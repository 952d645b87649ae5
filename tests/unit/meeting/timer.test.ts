import { describe, expect, it } from 'vitest'
import { adjustTimer, createTimer, displaySeconds, formatClock, isExpired, isRunning, pauseTimer, remainingMs, startTimer, toggleTimer } from '@/lib/meeting/timer'

/** A fake clock the test moves by hand. */
function fakeClock(start = 10_000) {
  let now = start
  return { now: () => now, advance: (ms: number) => (now += ms) }
}

describe('timer arithmetic', () => {
  it('counts down from timestamps, not ticks', () => {
    const clock = fakeClock()
    let timer = startTimer(createTimer(30_000), clock.now())
    expect(isRunning(timer)).toBe(true)
    clock.advance(12_300)
    expect(remainingMs(timer, clock.now())).toBe(17_700)
    expect(displaySeconds(remainingMs(timer, clock.now()))).toBe(18)
    timer = pauseTimer(timer, clock.now())
    clock.advance(60_000)
    expect(remainingMs(timer, clock.now())).toBe(17_700)
    expect(timer.accumulatedMs).toBe(12_300)
    expect(timer.pausedAt).toBe(clock.now() - 60_000)
    timer = toggleTimer(timer, clock.now())
    clock.advance(7_700)
    expect(remainingMs(timer, clock.now())).toBe(10_000)
  })

  it('an idle timer shows the whole duration and does not move', () => {
    const timer = createTimer(30_000)
    expect(remainingMs(timer, 1e12)).toBe(30_000)
    expect(isExpired(timer, 1e12)).toBe(false)
  })

  it('stops at zero, cannot restart an expired countdown, and +10 s gives ten more seconds', () => {
    const clock = fakeClock()
    let timer = startTimer(createTimer(5_000), clock.now())
    clock.advance(9_000)
    expect(remainingMs(timer, clock.now())).toBe(0)
    expect(isExpired(timer, clock.now())).toBe(true)
    timer = pauseTimer(timer, clock.now())
    expect(startTimer(timer, clock.now())).toBe(timer)
    timer = adjustTimer(timer, 10_000, clock.now())
    expect(remainingMs(timer, clock.now())).toBe(10_000)
    timer = startTimer(timer, clock.now())
    clock.advance(4_000)
    expect(remainingMs(timer, clock.now())).toBe(6_000)
  })

  it('adjusts a running countdown without a jump, and never below zero', () => {
    const clock = fakeClock()
    let timer = startTimer(createTimer(30_000), clock.now())
    clock.advance(10_000)
    timer = adjustTimer(timer, 10_000, clock.now())
    expect(remainingMs(timer, clock.now())).toBe(30_000)
    timer = adjustTimer(timer, -45_000, clock.now())
    expect(remainingMs(timer, clock.now())).toBe(0)
    expect(isRunning(timer)).toBe(true)
  })

  it('formats minutes and seconds, rounding up', () => {
    expect(formatClock(30_000)).toBe('0:30')
    expect(formatClock(29_001)).toBe('0:30')
    expect(formatClock(65_000)).toBe('1:05')
    expect(formatClock(0)).toBe('0:00')
  })
})
