import type { Card } from '../cards/types'
import { endOfDay, startOfDay } from './days'
import type { CardState, ReviewLogEntry, StudySettings } from './types'

/** A card answered 重来 comes back within this window so a session can finish today. */
export const LEARN_AHEAD_MS = 20 * 60 * 1000

export type DeckSelection = Pick<StudySettings, 'docIds' | 'types'>

/** The cards of the chosen documents and types, in the order they were generated. */
export function selectDeck(cards: readonly Card[], { docIds, types }: DeckSelection): Card[] {
  const docs = new Set(docIds)
  const kinds = new Set(types)
  return cards.filter((card) => (!docs.size || docs.has(card.docId)) && (!kinds.size || kinds.has(card.type)))
}

/** Distinct cards seen for the first time on the day of `now` (they count against the daily new limit). */
export function newCardsStudiedToday(logs: Iterable<ReviewLogEntry>, now: number): number {
  const from = startOfDay(now)
  const to = endOfDay(now)
  const seen = new Set<string>()
  for (const log of logs) if (log.state === 0 && log.review >= from && log.review <= to) seen.add(log.cardId)
  return seen.size
}

function isNew(state: CardState | undefined): boolean {
  return !state || state.state === 0
}

/** Review cards are due for the whole day they fall on; (re)learning steps are due at their exact time. */
export function isDue(state: CardState, now: number): boolean {
  if (state.suspended || state.state === 0) return false
  return state.state === 2 ? state.due <= endOfDay(now) : state.due <= now
}

export interface QueueInput {
  cards: readonly Card[]
  states: ReadonlyMap<string, CardState>
  settings: StudySettings
  logs: Iterable<ReviewLogEntry>
  now: number
}

export interface StudyQueue {
  /** Learning and relearning cards due now, then review cards due today, earliest first. */
  due: Card[]
  /** New cards still allowed today, in deck order. */
  fresh: Card[]
  /** Learning cards due later within LEARN_AHEAD_MS. */
  upcoming: Card[]
  /** Learning cards due later today beyond the learn-ahead window (they are not studied now). */
  laterToday: number
  newLeftToday: number
}

/** Today's study queue for the chosen deck: due cards first, then new cards up to the daily limit. */
export function buildQueue({ cards, states, settings, logs, now }: QueueInput): StudyQueue {
  const deck = selectDeck(cards, settings)
  const newLeftToday = Math.max(0, settings.dailyNewLimit - newCardsStudiedToday(logs, now))
  const due: { card: Card; state: CardState }[] = []
  const upcoming: { card: Card; state: CardState }[] = []
  const fresh: Card[] = []
  let laterToday = 0
  for (const card of deck) {
    const state = states.get(card.id)
    if (state?.suspended) continue
    if (isNew(state)) {
      if (fresh.length < newLeftToday) fresh.push(card)
    } else if (state && isDue(state, now)) {
      due.push({ card, state })
    } else if (state && state.state !== 2 && state.due <= now + LEARN_AHEAD_MS) {
      upcoming.push({ card, state })
    } else if (state && state.state !== 2 && state.due <= endOfDay(now)) {
      laterToday++
    }
  }
  const learningFirst = (a: { state: CardState }, b: { state: CardState }) =>
    Number(a.state.state === 2) - Number(b.state.state === 2) || a.state.due - b.state.due
  due.sort(learningFirst)
  upcoming.sort((a, b) => a.state.due - b.state.due)
  return { due: due.map((d) => d.card), fresh, upcoming: upcoming.map((d) => d.card), laterToday, newLeftToday }
}

/** The card to show next: a due card, else a new one, else a learning card coming up shortly; null when done. */
export function nextCard(queue: StudyQueue): Card | null {
  return queue.due[0] ?? queue.fresh[0] ?? queue.upcoming[0] ?? null
}

/** What the 今日学习 page counts: cards left to review and new cards left today. */
export function queueCounts(queue: StudyQueue): { due: number; fresh: number; total: number } {
  const due = queue.due.length + queue.upcoming.length
  return { due, fresh: queue.fresh.length, total: due + queue.fresh.length }
}
