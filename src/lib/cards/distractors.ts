import type { PassageContext } from './context'
import { CATCHWORD_CATEGORIES, catchwordCategory, CLOSED_LISTS, TERM_FAMILIES } from './lexicon'
import { formatQuantity, neighbourValues } from './numbers'
import type { KeySpan } from './spans'
import { hash, seededShuffle } from './text'

/**
 * Up to `count` wrong answers of the same kind as `span`, none of which occurs in the passage,
 * so no distractor can accidentally be right. Empty when no plausible distractor exists.
 */
export function distractorsFor(span: KeySpan, ctx: PassageContext, count = 3): string[] {
  const seed = `${ctx.doc.id}#${ctx.passage.anchor}:${span.text}`
  const fits = (candidate: string) => candidate !== span.text && !ctx.text.includes(candidate) && !candidate.includes(span.text)
  let candidates: string[] = []
  if (span.kind === 'quantity' && span.quantity) {
    const q = span.quantity
    candidates = neighbourValues(q, parseInt(hash(seed).slice(0, 6), 36)).map((v) => formatQuantity(q, v))
    // A neighbour may occur elsewhere in the passage as another rule (三年以上 / 五年以上); still wrong here.
    return [...new Set(candidates)].filter((c) => c !== span.text).slice(0, count)
  }
  if (span.kind === 'quoted') {
    // Only catchwords of the answer's own kind (theory, requirement, system, campaign, style,
    // regulation); an uncategorised catchword gets none, so no 单选 is made for it.
    const category = catchwordCategory(span.text)
    if (!category) return []
    candidates = CATCHWORD_CATEGORIES[category].filter((t) => fits(t) && fits(t.replace(/[“”]/g, '')))
    return seededShuffle(candidates, seed).slice(0, count)
  }
  if (span.kind === 'member' && span.list) {
    // Only from a known family of the same kind (六项纪律 against other kinds of discipline).
    const members = span.list.items.map((i) => i.text)
    const family = [...CLOSED_LISTS, ...TERM_FAMILIES].find((f) => members.filter((m) => f.includes(m)).length >= 2 && f.includes(span.text))
    if (family) candidates = family.filter((m) => fits(m) && !members.includes(m))
    return seededShuffle(candidates, seed).slice(0, count)
  }
  return []
}

/** Whether a list member belongs to a known family (its list is named, so the blank is not generic). */
export function inFamily(span: KeySpan): boolean {
  if (span.kind !== 'member' || !span.list) return false
  const members = span.list.items.map((i) => i.text)
  return [...CLOSED_LISTS, ...TERM_FAMILIES].some((f) => members.filter((m) => f.includes(m)).length >= 2 && f.includes(span.text))
}

/** For a 判断: a sibling of the span in a closed list that the sentence does not already name. */
export function closedSibling(span: KeySpan, sentence: string, seed: string): string | undefined {
  const list = CLOSED_LISTS.find((l) => l.includes(span.text))
  if (!list) return undefined
  return seededShuffle(list.filter((m) => m !== span.text && !sentence.includes(m)), seed)[0]
}
