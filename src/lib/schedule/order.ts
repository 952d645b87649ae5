import { IMPORTED_DOC_ID } from '../bank/toCard'
import type { Card } from '../cards/types'

/** The chapter a card belongs to (`constitution›第一章　党员`), for interleaving and "from chapter X". */
export function chapterOf(card: Pick<Card, 'docId' | 'heading'>): string {
  return `${card.docId}›${card.heading.split(' › ')[0] ?? ''}`
}

/**
 * Which cards a new member meets first: hand-written questions (what printed papers ask), then
 * headline facts (a whole list: 党员的八项义务, the eight points), then the generated rest. The
 * first two are met together (a chapter's headline list after its hand-written questions).
 */
export function studyTier(card: Pick<Card, 'origin' | 'type'>): number {
  return card.origin === 'manual' ? 0 : card.type === 'enumeration' ? 1 : 2
}

/**
 * Hand-written and headline cards first, then the generated rest — except a branch's own
 * documents (本地文件, ids `local-…`), whose cards are all generated, and the questions of banks it
 * imported: the branch added them to be studied now, so they are met with the first band, not after
 * weeks of 党章.
 */
const band = (card: Pick<Card, 'origin' | 'type' | 'docId'>) => (studyTier(card) < 2 || card.docId.startsWith('local') || card.origin === 'imported' ? 0 : 1)

/**
 * Takes from each group in turn, a group's share growing with the square root of its size
 * (smooth weighted round robin, deterministic): the 党章's 200 questions come more often than
 * the 准则's 20, yet the short texts are met on day one instead of after weeks of 党章.
 */
function weightedRoundRobin<T>(groups: readonly T[][], boost: (group: readonly T[]) => number = () => 1): T[] {
  const queues = groups.filter((g) => g.length).map((items) => ({ items, at: 0, weight: Math.sqrt(items.length) * boost(items), credit: 0 }))
  const out: T[] = []
  for (;;) {
    const open = queues.filter((q) => q.at < q.items.length)
    if (!open.length) return out
    const total = open.reduce((sum, q) => sum + q.weight, 0)
    let best = open[0]!
    for (const q of open) {
      q.credit += q.weight
      if (q.credit > best.credit) best = q
    }
    best.credit -= total
    out.push(best.items[best.at++]!)
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const group = groups.get(k)
    if (group) group.push(item)
    else groups.set(k, [item])
  }
  return [...groups.values()]
}

/**
 * A branch's own document counts double, and so do the imported questions no text was found for: the
 * branch added them because its members will be asked them.
 */
const LOCAL_BOOST = 2

/** Documents in turn, and within each document its chapters in turn; each chapter in the given order. */
function interleaveDocuments<C extends Pick<Card, 'docId' | 'heading' | 'origin' | 'type'>>(cards: readonly C[]): C[] {
  const chapters = (doc: C[]) => groupBy(doc, chapterOf).map((ch) => [...ch].sort((a, b) => studyTier(a) - studyTier(b)))
  const documents = groupBy(cards, (c) => c.docId).map((doc) => weightedRoundRobin(chapters(doc)))
  return weightedRoundRobin(documents, (doc) => (doc[0]!.docId.startsWith('local') || doc[0]!.docId === IMPORTED_DOC_ID ? LOCAL_BOOST : 1))
}

/**
 * The one order in which cards are offered — new cards in 学习 and 每日一练, a quiz's and a
 * meeting's draw (after their shuffle): hand-written cards and headline facts first, documents
 * and chapters interleaved; with `first`, that chapter's cards lead. A function of the deck
 * alone, so rating a card never changes where the others stand (the queue is rebuilt after
 * every rating and must not start over from 总纲).
 */
export function studyOrder<C extends Pick<Card, 'docId' | 'heading' | 'origin' | 'type'>>(cards: readonly C[], first?: string): C[] {
  const byTier = (list: readonly C[]) =>
    groupBy(list, (c) => String(band(c)))
      .sort((a, b) => band(a[0]!) - band(b[0]!))
      .flatMap(interleaveDocuments)
  if (!first) return byTier(cards)
  return [...byTier(cards.filter((c) => chapterOf(c) === first)), ...byTier(cards.filter((c) => chapterOf(c) !== first))]
}
