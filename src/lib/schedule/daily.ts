import type { Card } from '../cards/types'
import { startOfDay } from './days'
import type { StudyQueue } from './queue'
import type { ReviewLogEntry } from './types'

/** How many questions the home page's 每日一练 asks. */
export const DAILY_COUNT = 5

/** Ratings given today (each counts toward the 每日一练). */
export function ratedToday(logs: Iterable<ReviewLogEntry>, now: number): number {
  const today = startOfDay(now)
  let n = 0
  for (const log of logs) if (startOfDay(log.review) === today) n++
  return n
}

/** The 每日一练: due cards first, then new ones, at most `count` (siblings are already buried by the queue). */
export function dailyPractice(queue: StudyQueue, count = DAILY_COUNT): Card[] {
  return [...queue.due, ...queue.upcoming, ...queue.fresh].slice(0, count)
}
