import type { TimerState } from './types'

/** Injectable time source (ms since epoch), so tests can drive the countdown with a fake clock. */
export type Clock = () => number

export const systemClock: Clock = () => Date.now()

export function createTimer(durationMs: number): TimerState {
  return { durationMs: Math.max(0, durationMs), startedAt: null, pausedAt: null, accumulatedMs: 0 }
}

export function isRunning(timer: TimerState): boolean {
  return timer.startedAt !== null && timer.pausedAt === null
}

export function elapsedMs(timer: TimerState, now: number): number {
  const running = isRunning(timer) && timer.startedAt !== null ? Math.max(0, now - timer.startedAt) : 0
  return timer.accumulatedMs + running
}

export function remainingMs(timer: TimerState, now: number): number {
  return Math.max(0, timer.durationMs - elapsedMs(timer, now))
}

export function isExpired(timer: TimerState, now: number): boolean {
  return timer.startedAt !== null && remainingMs(timer, now) === 0
}

/** Starts or resumes; a no-op while running or once the time is up. */
export function startTimer(timer: TimerState, now: number): TimerState {
  if (isRunning(timer) || remainingMs(timer, now) === 0) return timer
  return { ...timer, startedAt: now, pausedAt: null }
}

export function pauseTimer(timer: TimerState, now: number): TimerState {
  if (!isRunning(timer)) return timer
  return { ...timer, accumulatedMs: elapsedMs(timer, now), pausedAt: now }
}

export function toggleTimer(timer: TimerState, now: number): TimerState {
  return isRunning(timer) ? pauseTimer(timer, now) : startTimer(timer, now)
}

/**
 * Adds (or with a negative delta, takes) time from what is left. Works on a finished countdown
 * too: +10 s after 时间到 gives exactly ten more seconds.
 */
export function adjustTimer(timer: TimerState, deltaMs: number, now: number): TimerState {
  const elapsed = elapsedMs(timer, now)
  const left = Math.max(0, remainingMs(timer, now) + deltaMs)
  return { ...timer, durationMs: elapsed + left }
}

/** Whole seconds to show, rounded up: 29.2 s left shows 30 until it really is 29. */
export function displaySeconds(ms: number): number {
  return Math.ceil(ms / 1000)
}

/** `0:30`, `1:05`. */
export function formatClock(ms: number): string {
  const total = displaySeconds(ms)
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`
}
