import type { QuizMistake } from '../quiz/types'
import type { CardState, ReviewLogEntry } from '../schedule/types'

/**
 * Plausibility of stored and imported records, beyond their shape (progressTransfer checks
 * the shape). One impossible value must not break the app: FSRS throws "Invalid memory state"
 * for a reviewed card with stability below 0.001 or difficulty outside 1–10, on every reveal,
 * for ever. Fixable values are repaired; a record whose meaning is lost is set aside.
 */

/** FSRS's own bounds (ts-fsrs S_MIN and its difficulty clamp); 100 years is the longest interval it schedules. */
export const STABILITY_MIN = 0.001
export const STABILITY_MAX = 36_500
export const DIFFICULTY_RANGE = { min: 1, max: 10 } as const
/** Dates before the app existed or far in the future are damage, not study. */
export const EARLIEST = Date.UTC(2000, 0, 1)
const DAY = 86_400_000
export const latestPlausible = (now: number) => now + 100 * 365 * DAY

export type Verdict<T> =
  | { kind: 'ok'; record: T }
  /** Usable after the listed fixes. */
  | { kind: 'repaired'; record: T; fixes: string[] }
  /** Kept aside, not used. */
  | { kind: 'aside'; reason: string }

const finite = (v: number) => Number.isFinite(v)
const inDateRange = (v: number, now: number) => finite(v) && v >= EARLIEST && v <= latestPlausible(now)

export function checkCardState(state: CardState, now: number): Verdict<CardState> {
  const fixes: string[] = []
  const fixed: CardState = { ...state }
  for (const key of ['reps', 'lapses', 'elapsedDays', 'scheduledDays', 'learningSteps', 'lapsesAtRestore'] as const) {
    if (!finite(fixed[key]) || fixed[key] < 0) {
      fixes.push(`${key} 为负数或无效，已改为 0`)
      fixed[key] = 0
    }
  }
  if (fixed.lastReview !== null && !(fixed.lastReview >= EARLIEST && fixed.lastReview <= now + DAY)) {
    fixes.push('上次复习时间不合理，已改为现在')
    fixed.lastReview = now
  }
  if (!inDateRange(fixed.due, now)) {
    fixes.push('到期时间不合理，已改为现在到期')
    fixed.due = now
  }
  // A reviewed card needs a memory FSRS can compute with; without one it starts again as new.
  const memoryOk =
    finite(fixed.stability) && fixed.stability >= STABILITY_MIN && fixed.stability <= STABILITY_MAX &&
    finite(fixed.difficulty) && fixed.difficulty >= DIFFICULTY_RANGE.min && fixed.difficulty <= DIFFICULTY_RANGE.max
  if (fixed.state !== 0 && !memoryOk) {
    fixes.push(`记忆状态无效（稳定性 ${state.stability}，难度 ${state.difficulty}），已重置为新卡片`)
    Object.assign(fixed, { state: 0, stability: 0, difficulty: 0, due: now, elapsedDays: 0, scheduledDays: 0, learningSteps: 0 })
  } else if (fixed.state === 0 && (!finite(fixed.stability) || !finite(fixed.difficulty) || fixed.stability < 0 || fixed.difficulty < 0)) {
    fixes.push('新卡片的记忆数值无效，已清零')
    fixed.stability = 0
    fixed.difficulty = 0
  }
  if (fixed.leech && !fixed.suspended) {
    fixes.push('难记卡片未暂停，已暂停')
    fixed.suspended = true
  }
  return fixes.length ? { kind: 'repaired', record: fixed, fixes } : { kind: 'ok', record: state }
}

export function checkReviewLog(log: ReviewLogEntry, now: number): Verdict<ReviewLogEntry> {
  if (!(log.review >= EARLIEST && log.review <= now + DAY)) return { kind: 'aside', reason: '复习时间不合理' }
  if (!finite(log.stability) || log.stability < 0 || !finite(log.difficulty) || log.difficulty < 0 || log.difficulty > DIFFICULTY_RANGE.max) {
    // The log is history, not a schedule: its numbers only feed statistics, so it is kept with them zeroed.
    return { kind: 'repaired', record: { ...log, stability: 0, difficulty: 0 }, fixes: ['复习记录中的记忆数值无效，已清零'] }
  }
  return { kind: 'ok', record: log }
}

export function checkMistake(mistake: QuizMistake, now: number): Verdict<QuizMistake> {
  if (mistake.card.id !== mistake.id) return { kind: 'aside', reason: '错题编号与卡片不一致' }
  const fixes: string[] = []
  const fixed = { ...mistake }
  if (!Number.isInteger(fixed.wrongCount) || fixed.wrongCount < 1) {
    fixes.push('答错次数无效，已改为 1')
    fixed.wrongCount = Math.max(1, Math.floor(finite(fixed.wrongCount) ? fixed.wrongCount : 1))
  }
  if (!inDateRange(fixed.lastWrongAt, now) || fixed.lastWrongAt > now + DAY) {
    fixes.push('答错时间不合理，已改为现在')
    fixed.lastWrongAt = now
  }
  if (!inDateRange(fixed.firstWrongAt, now) || fixed.firstWrongAt > fixed.lastWrongAt) {
    fixes.push('首次答错时间不合理，已改为最近一次')
    fixed.firstWrongAt = fixed.lastWrongAt
  }
  return fixes.length ? { kind: 'repaired', record: fixed, fixes } : { kind: 'ok', record: mistake }
}

/** Result of checking a list: what to use, what was repaired, what was kept aside (never silently dropped). */
export interface Screened<T> {
  use: T[]
  repaired: { id: string; fixes: string[] }[]
  aside: { id: string; reason: string; record: unknown }[]
}

export function screen<T>(records: readonly T[], check: (record: T) => Verdict<T>, id: (record: T) => string, known?: (record: T) => boolean): Screened<T> {
  const out: Screened<T> = { use: [], repaired: [], aside: [] }
  for (const record of records) {
    if (known && !known(record)) {
      out.aside.push({ id: id(record), reason: '所属文档在本机不存在', record })
      continue
    }
    const verdict = check(record)
    if (verdict.kind === 'aside') out.aside.push({ id: id(record), reason: verdict.reason, record })
    else {
      out.use.push(verdict.record)
      if (verdict.kind === 'repaired') out.repaired.push({ id: id(record), fixes: verdict.fixes })
    }
  }
  return out
}
