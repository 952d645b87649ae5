import { normalize } from './normalize'
import { tokenizeQueryWord } from './tokenize'

/** Longer queries are cut here: nobody types more, and pasted pages should not stall the search. */
export const MAX_QUERY_LENGTH = 64
/**
 * What a search box holds at most (its maxlength, and the cut for a ?q= in an address): enough to
 * say the query was cut, while a pasted page no longer travels through the address, the
 * session store and the reader's highlighting (10,000 characters held the page for a second).
 */
export const MAX_QUERY_INPUT = 4 * MAX_QUERY_LENGTH

export function capQueryInput(raw: string): string {
  return raw.length <= MAX_QUERY_INPUT ? raw : [...raw].slice(0, MAX_QUERY_INPUT).join('')
}

export interface ParsedQuery {
  /** Normalised words as typed (space-separated parts), each with at least one term. */
  words: string[]
  /** Index terms every result must contain. */
  terms: string[]
  /** The query was quoted: only passages containing it exactly are wanted. */
  phrase: boolean
  /** The query was cut to MAX_QUERY_LENGTH. */
  trimmed: boolean
}

const QUOTED = /^["“”「『'‘](.+?)["“”」』'’]$/u

export function parseQuery(raw: string): ParsedQuery {
  const chars = [...raw.trim()]
  const trimmed = chars.length > MAX_QUERY_LENGTH
  let query = chars.slice(0, MAX_QUERY_LENGTH).join('').trim()
  const quoted = QUOTED.exec(query)
  if (quoted) query = quoted[1]!.trim()
  const words: string[] = []
  const terms: string[] = []
  const seen = new Set<string>()
  for (const word of normalize(query).split(/\s+/u)) {
    const wordTerms = tokenizeQueryWord(word)
    if (!wordTerms.length) continue
    words.push(word)
    for (const term of wordTerms) if (!seen.has(term)) terms.push(term), seen.add(term)
  }
  // A quoted phrase is matched as one string, spaces included.
  if (quoted && words.length > 1) words.splice(0, words.length, normalize(query).replace(/\s+/gu, ' '))
  return { words, terms, phrase: Boolean(quoted), trimmed }
}
