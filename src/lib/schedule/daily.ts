import type { Card } from '../cards/types'
import { addDays, startOfDay } from './days'
import type { StudyQueue } from './queue'
import type { Grade, ReviewLogEntry } from './types'

/** How many questions the home page's 每日一练 asks. */
export const DAILY_COUNT = 5

/** Ratings given today (each counts toward the 每日一练). */
export function ratedToday(logs: Iterable<ReviewLogEntry>, now: number): number {
  const today = startOfDay(now)
  const tomorrow = addDays(today, 1)
  let n = 0
  for (const log of logs) if (log.review >= today && log.review < tomorrow) n++
  return n
}

/** The 每日一练: due cards first, then new ones, at most `count` (siblings are already buried by the queue). */
export function dailyPractice(queue: StudyQueue, count = DAILY_COUNT): Card[] {
  return [...queue.due, ...queue.upcoming, ...queue.fresh].slice(0, count)
}

/**
 * How a 每日一练 answer rates its card, as daily-answer apps do: a wrong answer is 重来; a right
 * choice (单选、多选、判断) is 良好 — recognising is not recalling, so there is nothing for the
 * member to add; a right answer with the hint is 困难. A right typed answer (填空、列举) returns
 * null: only the member knows whether it came easily, so they rate it (良好 when they go on).
 */
export function dailyGrade(card: Pick<Card, 'type' | 'options'>, correct: boolean, hinted = false): Grade | null {
  if (!correct) return 1
  if (hinted) return 2
  const chosen = card.type === 'choice' || card.type === 'multi' || card.type === 'truefalse' || Boolean(card.options?.length)
  return chosen ? 3 : null
}

/** The ratings a member may give a right typed answer (重来 is for wrong answers, given automatically). */
export const SELF_GRADES: readonly Grade[] = [2, 3, 4]
