import { cardResolver, planCardMigration, type AnchorOrder, type LegacyBank } from '../identity'
import type { Card } from '../types'
import nov26 from './2026-11-26.json'
import nov27 from './2026-11-27.json'

/** The released banks, oldest first (one table per release: scripts/legacy-bank.ts). */
export const LEGACY_BANKS: readonly LegacyBank[] = [nov26, nov27]

/**
 * For card ids the current bank does not have (progress from an older version or an older
 * backup): old id → the current card that takes its progress. Ids nothing fits (a document
 * that is gone or has no cards now) are left out and their progress stays where it is.
 */
export function cardMoves(stranded: Iterable<string>, cards: readonly Card[], documents: readonly AnchorOrder[]): Map<string, string> {
  const resolve = cardResolver(planCardMigration(LEGACY_BANKS, cards, documents), cards)
  const moves = new Map<string, string>()
  for (const id of stranded) {
    const to = resolve(id)
    if (to && to !== id) moves.set(id, to)
  }
  return moves
}
