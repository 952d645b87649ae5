import { factOf, type Card } from '../cards/types'
import { endOfDay, startOfDay } from './days'
import { studyOrder } from './order'
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
  /** New cards still allowed today, in study order (src/lib/schedule/order.ts). */
  fresh: Card[]
  /** Learning cards due later within LEARN_AHEAD_MS. */
  upcoming: Card[]
  /** Learning cards due later today beyond the learn-ahead window (they are not studied now). */
  laterToday: number
  newLeftToday: number
}


/** Facts studied today (any card of theirs rated today): their siblings are buried until tomorrow. */
export function factsStudiedToday(cards: readonly Card[], logs: Iterable<ReviewLogEntry>, now: number): Set<string> {
  const from = startOfDay(now)
  const to = endOfDay(now)
  const ids = new Set<string>()
  for (const log of logs) if (log.review >= from && log.review <= to) ids.add(log.cardId)
  const facts = new Set<string>()
  for (const card of cards) if (ids.has(card.id)) facts.add(factOf(card))
  return facts
}

/**
 * Today's study queue for the chosen deck: due cards first, then new cards up to the daily limit.
 * Siblings are buried as Anki does: one card per fact per day — a card whose fact was already
 * studied today by another card, or is already in today's queue, waits until tomorrow.
 */
export function buildQueue({ cards, states, settings, logs, now }: QueueInput): StudyQueue {
  const deck = selectDeck(cards, settings)
  const logList = [...logs]
  const newLeftToday = Math.max(0, settings.dailyNewLimit - newCardsStudiedToday(logList, now))
  const studied = factsStudiedToday(deck, logList, now)
  const today = startOfDay(now)
  const ratedToday = new Set(logList.filter((l) => l.review >= today).map((l) => l.cardId))
  const taken = new Map<string, string>()
  /** Whether the card may be shown today: its fact is not taken by another card. */
  const claim = (card: Card): boolean => {
    const fact = factOf(card)
    const owner = taken.get(fact)
    if (owner !== undefined) return owner === card.id
    if (studied.has(fact) && !ratedToday.has(card.id)) return false
    taken.set(fact, card.id)
    return true
  }
  const due: { card: Card; state: CardState }[] = []
  const upcoming: { card: Card; state: CardState }[] = []
  const newCards: Card[] = []
  let laterToday = 0
  // Cards already under way come first, so a new sibling never takes their fact.
  const started = deck.filter((card) => !isNew(states.get(card.id)))
  for (const card of started) {
    const state = states.get(card.id)!
    if (state.suspended) continue
    if (isDue(state, now)) {
      if (claim(card)) due.push({ card, state })
    } else if (state.state !== 2 && state.due <= now + LEARN_AHEAD_MS) {
      if (claim(card)) upcoming.push({ card, state })
    } else if (state.state !== 2 && state.due <= endOfDay(now)) {
      if (claim(card)) laterToday++
    }
  }
  const fresh: Card[] = []
  // Ordered over the whole deck, not just the cards still new: a rating then takes one card out
  // and leaves the others where they stood.
  for (const card of studyOrder(deck, settings.chapter)) if (isNew(states.get(card.id)) && !states.get(card.id)?.suspended) newCards.push(card)
  for (const card of newCards) {
    if (fresh.length >= newLeftToday) break
    if (claim(card)) fresh.push(card)
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
