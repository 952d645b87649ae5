import type { Card } from '../cards/types'
import { addDays } from './days'
import { createScheduler } from './fsrs'
import { buildQueue, nextCard } from './queue'
import { DEFAULT_STUDY_SETTINGS } from './settings'
import type { CardState, ReviewLogEntry, StudySettings } from './types'

/**
 * The first `count` new cards a fresh learner meets in 学习, found by studying as the app does:
 * every card offered is rated 良好, the queue rebuilt after each rating, a day over when nothing
 * is left (siblings and the daily limit carry cards to the next day). What `--new-queue` prints.
 */
export function firstNewCards(
  cards: readonly Card[],
  count: number,
  { settings = DEFAULT_STUDY_SETTINGS, start }: { settings?: StudySettings; start: number },
): Card[] {
  const scheduler = createScheduler({ retention: settings.retention })
  const states = new Map<string, CardState>()
  const logs: ReviewLogEntry[] = []
  const met: Card[] = []
  let now = start
  // Bounded: each day meets at least one new card unless none is left.
  for (let day = 0; met.length < count && day <= count; day++) {
    for (;;) {
      const card = nextCard(buildQueue({ cards, states, settings, logs, now }))
      if (!card || met.length >= count) break
      if (!states.has(card.id)) met.push(card)
      const outcome = scheduler.rate(states.get(card.id) ?? null, card, 3, now)
      states.set(card.id, outcome.after)
      logs.push(outcome.log)
      now += 60_000
    }
    now = addDays(now, 1) + 9 * 3600_000
  }
  return met
}
