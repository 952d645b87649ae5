import type { PassageContext } from './context'
import { QUOTED_TERMS, TERM_FAMILIES } from './lexicon'
import { formatQuantity, neighbourValues } from './numbers'
import type { KeySpan } from './spans'
import { hash, seededShuffle } from './text'

/** Terms of one document that distractors can be drawn from. */
export interface DistractorPool {
  quoted: string[]
  /** List members keyed by their list's shared suffix (纪律, 建设, 意识); lists without one are left out. */
  members: Map<string, string[]>
}

/** The suffix (two characters or more) shared by every member of a list, or ''. */
export function listSuffix(items: readonly { text: string }[]): string {
  let suffix = items[0]?.text ?? ''
  for (const { text } of items) while (suffix && !text.endsWith(suffix)) suffix = suffix.slice(1)
  return suffix.length >= 2 ? suffix : ''
}

export function buildPool(contexts: readonly PassageContext[]): DistractorPool {
  const quoted = new Set<string>()
  const members = new Map<string, string[]>()
  for (const ctx of contexts) {
    for (const spans of ctx.spans) {
      for (const span of spans) {
        if (span.kind === 'quoted') quoted.add(span.text)
        const suffix = span.kind === 'member' && span.list ? listSuffix(span.list.items) : ''
        if (suffix) members.set(suffix, [...new Set([...(members.get(suffix) ?? []), span.text])])
      }
    }
  }
  return { quoted: [...quoted], members }
}

/**
 * Up to `count` wrong answers of the same kind as `span`, none of which occurs in the passage,
 * so no distractor can accidentally be right. Empty when no plausible distractor exists.
 */
export function distractorsFor(span: KeySpan, ctx: PassageContext, pool: DistractorPool, count = 3): string[] {
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
    // Same shape: a numbered catchword (“四个意识”) against numbered ones, about the same length.
    const numbered = (t: string) => /^[“《][一二三四五六七八九十两]/.test(t)
    const sameShape = (t: string) => numbered(t) === numbered(span.text) && Math.abs(t.length - span.text.length) <= 1
    candidates = [...new Set([...QUOTED_TERMS, ...pool.quoted])].filter((t) => fits(t) && sameShape(t))
    return seededShuffle(candidates.slice(0, count + 2), seed).slice(0, count)
  }
  if (span.kind === 'member' && span.list) {
    const members = span.list.items.map((i) => i.text)
    const family = TERM_FAMILIES.find((f) => members.filter((m) => f.includes(m)).length >= 2 && f.includes(span.text))
    if (family) candidates = family.filter(fits)
    if (candidates.length < count) {
      const suffix = listSuffix(span.list.items)
      const similar = (pool.members.get(suffix) ?? []).filter(
        (m) => fits(m) && Math.abs(m.length - span.text.length) <= 2 && !members.includes(m),
      )
      candidates = [...new Set([...candidates, ...similar])]
    }
    return seededShuffle(candidates, seed).slice(0, count)
  }
  return []
}
