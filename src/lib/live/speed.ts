/*
 * Speed points (全员答题 on phones, when the host turns them on): a right answer earns its stake
 * plus a bonus that falls in a straight line from half the stake, for an answer at the instant
 * the question opened, to nothing at the end of its answer window (as Kahoot does). Time is the
 * server's: both ends are event times in the journal, so a replay gives the same points.
 */

/** The bonus at time 0, as a share of the question's stake. */
export const SPEED_SHARE = 0.5

/** When a question opened to phones, how long its window is, and whether speed counted on it. */
export interface AnswerWindow {
  at: number
  ms: number
  speed: boolean
}

export function speedBonus(stake: number, elapsedMs: number, windowMs: number): number {
  if (!(windowMs > 0) || !Number.isFinite(elapsedMs)) return 0
  const left = 1 - Math.min(Math.max(elapsedMs, 0), windowMs) / windowMs
  return Math.round(stake * SPEED_SHARE * left)
}

/** What one right answer is worth: the stake, plus the bonus when the window counted speed. */
export function answerPoints(stake: number, answeredAt: number, window: AnswerWindow | undefined): number {
  return stake + (window?.speed ? speedBonus(stake, answeredAt - window.at, window.ms) : 0)
}
