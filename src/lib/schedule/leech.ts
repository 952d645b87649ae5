import type { CardState } from './types'

/** A card forgotten this many times after it had been learned is flagged and suspended. */
export const LEECH_THRESHOLD = 8

/** Times the card was forgotten since it was last restored (what the leech rule counts). */
export function forgetCount(state: CardState): number {
  return state.lapses - state.lapsesAtRestore
}

/** Takes a leech (or any suspended card) back into study; it becomes a leech again after LEECH_THRESHOLD more lapses. */
export function restoreCard(state: CardState): CardState {
  return { ...state, suspended: false, leech: false, lapsesAtRestore: state.lapses }
}

export function suspendCard(state: CardState): CardState {
  return { ...state, suspended: true }
}
