/** Whether a bank question asks what a card already asks: most of their character pairs are shared. */
import { BLANK, compact, type Fold, pairs, STEM_LEAD } from './statement'

const DUPLICATE_SIMILARITY = 0.75
const BLANKS = new RegExp(BLANK.source, 'g')

/** A test against the card bank, its pair index built once. */
export function duplicateFinder(cards: readonly { prompt: string }[], fold: Fold): (stem: string) => boolean {
  const withoutBlank = (text: string) => compact(text.replace(BLANKS, ''), fold)
  const cardPairs = cards.map((card) => pairs(withoutBlank(card.prompt)))
  const byPair = new Map<string, number[]>()
  cardPairs.forEach((set, i) => {
    for (const pair of set) {
      const list = byPair.get(pair)
      if (list) list.push(i)
      else byPair.set(pair, [i])
    }
  })
  return (stem) => {
    const mine = pairs(withoutBlank(stem.replace(STEM_LEAD, '')))
    if (mine.size < 4) return false
    const shared = new Map<number, number>()
    for (const pair of mine) for (const i of byPair.get(pair) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1)
    for (const [i, count] of shared) {
      const union = mine.size + cardPairs[i]!.size - count
      if (count / union >= DUPLICATE_SIMILARITY) return true
    }
    return false
  }
}
