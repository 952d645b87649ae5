import type { Readings } from './pinyin'

/**
 * What the search knows beyond the passages, prepared at build time (scripts/build/searchVocabulary.ts)
 * and shipped inside the index JSON, so no converter or pinyin library ships with the app.
 */
export interface SearchVocabulary {
  /** Traditional → simplified, one character each, for the characters the texts use. */
  fold: Record<string, string>
  /** [pinyin initials, Han term] for glossary terms, document names, headings and the card lexicon's key terms; one initial per character. */
  initials: [string, string][]
  /** [short form, full wording the texts use], from content/search-terms.yaml, longest short form first. */
  synonyms: [string, string][]
  /** [name, docId]: names members use for a document (titles, short titles, reviewed aliases). */
  documents: [string, string][]
  /** Documents of the app's own prose (glossary, articles): ranked below official texts on ties. */
  prose: string[]
  /** Toneless pinyin → the characters of the texts read so: full pinyin and initials of any word of the texts. */
  readings?: Readings
}

export const EMPTY_VOCABULARY: SearchVocabulary = { fold: {}, initials: [], synonyms: [], documents: [], prose: [], readings: {} }

/** Replaces every character that has a simplified form in `fold`. */
export function foldTraditional(text: string, fold: Readonly<Record<string, string>>): string {
  let out = ''
  for (const ch of text) out += fold[ch] ?? ch
  return out
}

/**
 * The Han words a Latin query spells as initials: the start of the shortest term whose initials start
 * with it, else the part of a longer term whose initials contain it (three letters or more).
 */
export function termForInitials(query: string, initials: readonly [string, string][], { within = true }: { within?: boolean } = {}): string | null {
  if (!/^[a-z]{2,}$/.test(query)) return null
  let best: string | null = null
  for (const [spelled, term] of initials) if (spelled.startsWith(query) && (!best || term.length < best.length)) best = term
  // The characters the letters spell: fzdy → 发展党员 (of 发展党员的程序).
  if (best) return [...best].slice(0, query.length).join('')
  if (query.length < 3 || !within) return null
  for (const [spelled, term] of initials) {
    const at = spelled.indexOf(query)
    if (at >= 0) return [...term].slice(at, at + query.length).join('')
  }
  return null
}
