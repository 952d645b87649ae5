/**
 * Finds the passage that states a bank question's fact: the app's search proposes passages, and the one
 * holding most of the question (its character pairs) is kept when it holds at least LINK_COVERAGE of them.
 */
import type { SearchHit } from '../search/engine'
import { foldTraditional } from '../search/vocabulary'
import { halfWidth } from './questionParts'
import { BLANK, compact, type Fold, keyText, pairs, share, statement, stemOf } from './statement'
import type { ParsedQuestion } from './types'

/** The app's passage search (PassageSearch): only `search` is used. */
export interface PassageFinder {
  search(query: string, request?: { limit?: number }): SearchHit[]
}

/** Share of the question's character pairs a passage must hold to count as the passage that states it. */
export const LINK_COVERAGE = 0.5
/**
 * A passage holding this much of the question ends the search: the rest is the paper's own words (a lead-in,
 * a numbering, a paraphrase). At 0.8 the 22 real papers link the same and checking takes about 1.7× as long.
 */
const CERTAIN_COVERAGE = 0.7

const PLAIN = /[^\p{Script=Han}\p{L}\p{N}]+/gu
const PHRASE_CHARS = 10

export interface Linked {
  hit: SearchHit
  /** The passage's text, compacted as the question's is. */
  text: string
  coverage: number
}

/**
 * Search queries, cheapest first: quoted runs of the stem's own wording next to the blank (an exact
 * phrase costs the search a fraction of a millisecond, and most papers quote the text), then the whole
 * statement with the key in place (the search reads at most 64 characters), which finds paraphrases.
 */
function queries(q: ParsedQuestion, fold: Fold): string[] {
  const plain = (text: string) => foldTraditional(halfWidth(text), fold).replace(PLAIN, ' ').trim()
  const stem = stemOf(q)
  const blank = BLANK.exec(stem)
  const out = new Set<string>()
  const runs = (text: string) => plain(text).split(' ').filter((run) => run.length >= 4)
  if (blank) {
    const before = runs(stem.slice(0, blank.index)).pop()
    const after = runs(stem.slice(blank.index + blank[0].length))[0]
    if (before) out.add(`"${before.slice(-PHRASE_CHARS)}"`)
    if (after) out.add(`"${after.slice(0, PHRASE_CHARS)}"`)
  } else {
    const longest = runs(stem).sort((a, b) => b.length - a.length)[0]
    if (longest) out.add(`"${longest.slice(0, PHRASE_CHARS + 2)}"`)
  }
  const text = plain(statement(q))
  if (blank) {
    const at = Math.max(0, Math.round((blank.index / Math.max(1, stem.length)) * text.length) - 30)
    out.add(text.slice(at, at + 60).trim())
  }
  out.add(text.slice(0, 60).trim())
  if (text.length > 60) out.add(text.slice(-60).trim())
  if (q.type === '问答') out.add(plain(q.answer).slice(0, 60))
  return [...out].filter((query) => query && query !== '""')
}

/** The passage that states the question, or null when none holds enough of it. */
export function linkQuestion(q: ParsedQuestion, search: PassageFinder, fold: Fold): Linked | null {
  // A 问答 answer words the rule in its own way; the passage must hold most of the question or of the answer.
  const wanted = q.type === '问答' ? [pairs(compact(q.stem, fold)), pairs(compact(q.answer, fold))] : [pairs(compact(statement(q), fold))]
  let best: Linked | null = null
  for (const query of queries(q, fold)) {
    for (const hit of search.search(query, { limit: 8 })) {
      const text = compact(hit.passage.text, fold)
      const coverage = Math.max(...wanted.map((set) => share(set, text)))
      if (!best || coverage > best.coverage) best = { hit, text, coverage }
    }
    // A passage holding nearly all of the question is the one; the other queries would only cost time.
    if (best && best.coverage >= CERTAIN_COVERAGE) break
  }
  return best && best.coverage >= LINK_COVERAGE ? best : null
}

/**
 * The note of the linked passage's gap that holds what the question asks, when the passage's own text does
 * not: the fact is in wording the 20th Congress amended and the bundled text does not reproduce (第四十六条
 * 第一款 for 党内监督专责机关), so the passage does not state it and nothing can check the key.
 */
export function gapHolding(q: ParsedQuestion, linked: Linked, fold: Fold): string | null {
  const gap = linked.hit.passage.gap
  if (!gap) return null
  const note = compact(gap, fold)
  const key = compact(keyText(q), fold)
  if (key.length >= 2) return !linked.text.includes(key) && note.includes(key) ? gap : null
  // No key word (判断, 问答): the gap holds more of the question than the passage's text does.
  const wanted = pairs(compact(statement(q), fold))
  return share(wanted, note) > linked.coverage ? gap : null
}
