import type { Card } from '../cards/types'
import { addDays, dayKey, daysBetween, startOfDay } from './days'
import type { CardState, ReviewLogEntry } from './types'

/** A card counts as mastered once its review interval reaches three weeks. */
export const MASTERED_DAYS = 21

/** Reviews per local day, keyed by dayKey (2025-01-10). */
export function reviewsPerDay(logs: Iterable<ReviewLogEntry>): Map<string, number> {
  const counts = new Map<string, number>()
  // Logs come in review order, so the day is worked out once per day, not once per log (210 000 logs: a long task).
  let from = Infinity
  let to = -Infinity
  let key = ''
  for (const log of logs) {
    if (!(log.review >= from && log.review < to)) {
      from = startOfDay(log.review)
      to = addDays(from, 1)
      key = dayKey(from)
    }
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}

export interface DayCount {
  day: string
  /** Local midnight of the day. */
  start: number
  count: number
}

/** Cards falling due on each of the next `days` days (today first; overdue cards count for today). */
export function dueForecast(states: Iterable<CardState>, now: number, days: number): DayCount[] {
  const out: DayCount[] = Array.from({ length: days }, (_, i) => {
    const start = addDays(startOfDay(now), i)
    return { day: dayKey(start), start, count: 0 }
  })
  for (const state of states) {
    if (state.suspended || state.state === 0) continue
    const index = Math.max(0, daysBetween(now, state.due))
    const slot = out[index]
    if (slot) slot.count++
  }
  return out
}

/** The last `days` days up to today with their review counts (for the calendar heatmap). */
export function reviewCalendar(logs: Iterable<ReviewLogEntry>, now: number, days: number): DayCount[] {
  const counts = reviewsPerDay(logs)
  return Array.from({ length: days }, (_, i) => {
    const start = addDays(startOfDay(now), i - days + 1)
    const day = dayKey(start)
    return { day, start, count: counts.get(day) ?? 0 }
  })
}

export interface RetentionSummary {
  /** Reviews of learned cards (state Review) in the period. */
  reviews: number
  /** Of those, answered anything but 重来. */
  remembered: number
  /** remembered / reviews, or null without reviews. */
  rate: number | null
}

/** True retention: how often learned cards were remembered over the last `days` days. */
export function retention(logs: Iterable<ReviewLogEntry>, now: number, days = 30): RetentionSummary {
  const from = addDays(startOfDay(now), -days + 1)
  let reviews = 0
  let remembered = 0
  for (const log of logs) {
    if (log.state !== 2 || log.review < from || log.review > now) continue
    reviews++
    if (log.grade > 1) remembered++
  }
  return { reviews, remembered, rate: reviews ? remembered / reviews : null }
}

export interface Mastery {
  key: string
  docId: string
  /** Chapter heading, '' for a whole document. */
  chapter: string
  total: number
  /** Reviewed at least once. */
  learned: number
  mastered: number
}

function chapterOf(card: Card): string {
  return card.heading.split('›')[0]?.trim() || '（正文）'
}

/** Learned and mastered cards per document and per chapter (first heading of the card's path), in deck order. */
export function mastery(cards: readonly Card[], states: ReadonlyMap<string, CardState>): { documents: Mastery[]; chapters: Mastery[] } {
  const documents = new Map<string, Mastery>()
  const chapters = new Map<string, Mastery>()
  const bump = (map: Map<string, Mastery>, key: string, docId: string, chapter: string, state: CardState | undefined) => {
    let row = map.get(key)
    if (!row) map.set(key, (row = { key, docId, chapter, total: 0, learned: 0, mastered: 0 }))
    row.total++
    if (state && state.reps > 0) row.learned++
    if (state && state.state === 2 && state.scheduledDays >= MASTERED_DAYS) row.mastered++
  }
  for (const card of cards) {
    const state = states.get(card.id)
    const chapter = chapterOf(card)
    bump(documents, card.docId, card.docId, '', state)
    bump(chapters, `${card.docId}\u0000${chapter}`, card.docId, chapter, state)
  }
  return { documents: [...documents.values()], chapters: [...chapters.values()] }
}

/** Consecutive days with at least one review, ending today (or yesterday if nothing yet today). */
export function studyStreak(logs: Iterable<ReviewLogEntry>, now: number): number {
  const counts = reviewsPerDay(logs)
  let day = startOfDay(now)
  if (!counts.has(dayKey(day))) day = addDays(day, -1)
  let streak = 0
  while (counts.has(dayKey(day))) {
    streak++
    day = addDays(day, -1)
  }
  return streak
}
