import MiniSearch, { type AsPlainObject, type Options, type SearchOptions } from 'minisearch'
import { normalize } from './normalize'
import { parseQuery, type ParsedQuery } from './query'
import { isLatinTerm, tokenizeForIndex } from './tokenize'

/** What the index knows of a passage; `id` is the passage's position in the passage table. */
export interface SearchablePassage {
  docId: string
  docTitle: string
  anchor: string
  /** Heading path and label, e.g. `第一章 党员 › 第七条`. */
  heading: string
  text: string
}

export interface SearchHit {
  passage: SearchablePassage
  score: number
  /**
   * 3: every word stands whole in the heading; 2: whole in the passage's opening clause
   * (an article's lead states its subject); 1: whole anywhere; 0: only its parts matched.
   */
  tier: number
}

export interface SearchRequest {
  limit?: number
  /** Only these documents; all when empty or absent. */
  docIds?: readonly string[]
}

interface IndexedFields {
  id: number
  heading: string
  text: string
}

export const FIELD_BOOST = { heading: 3, text: 1 }

const SEARCH_OPTIONS: SearchOptions = {
  combineWith: 'AND',
  boost: FIELD_BOOST,
  // The query is passed as pre-made terms joined by spaces.
  tokenize: (text) => text.split(' '),
  processTerm: (term) => term,
  // Prefix and typo tolerance make sense for Latin words only; a Han pair either matches or not,
  // and a number is a fact (2016 is not a typo of 2019), so numbers get prefix matching only.
  prefix: (term) => isLatinTerm(term),
  fuzzy: (term) => (isLatinTerm(term) && term.length > 3 && !/\d/.test(term) ? 0.2 : false),
}

const INDEX_OPTIONS: Options<IndexedFields> = {
  fields: ['heading', 'text'],
  storeFields: [],
  tokenize: tokenizeForIndex,
  // Terms are already normalised by the tokenizer; MiniSearch's default would lowercase again.
  processTerm: (term) => term,
  // Set once here rather than per call: MiniSearch merges per-call options with these for every term.
  searchOptions: SEARCH_OPTIONS,
}

const SHORT_HAN_WORD = /^\p{Script=Han}{1,2}$/u

/** How many of a query's Han terms MiniSearch scores; the rest are checked against the passage text. */
const SCORED_TERMS = 1

/**
 * The passage search: a MiniSearch index over Han unigrams + bigrams, queried with all
 * terms required, then re-ranked so passages holding the query as typed come first.
 *
 * MiniSearch scores every posting of every query term, so a long query of common pairs
 * (中国|特色|社会|主义) costs as much as its most common pair. Only the rarest Han term goes
 * to MiniSearch (with any Latin terms, which need its prefix and fuzzy matching); the others
 * must still all be present, which is checked on the normalised text — a pair is in the index
 * exactly when it is a substring of that text. Ranking is by tier first, so scoring the rarest
 * (most telling) term only changes order within a tier.
 */
export class PassageSearch {
  private readonly haystacks: Haystack[] = []
  private readonly removed = new Set<number>()
  private readonly documentFrequency: Map<string, number>

  private constructor(
    private readonly index: MiniSearch<IndexedFields>,
    private readonly passages: SearchablePassage[],
    plain: AsPlainObject,
  ) {
    for (const passage of passages) this.haystacks.push(haystack(passage))
    this.documentFrequency = documentFrequencies(plain)
  }

  static build(passages: readonly SearchablePassage[]): PassageSearch {
    const index = new MiniSearch<IndexedFields>(INDEX_OPTIONS)
    index.addAll(passages.map((p, id) => ({ id, heading: p.heading, text: p.text })))
    return new PassageSearch(index, [...passages], index.toJSON())
  }

  /** Loads an index made by `toJSON` at build time; `passages` must be the same table, in order. */
  static load(json: string, passages: readonly SearchablePassage[]): PassageSearch {
    const plain = JSON.parse(json) as AsPlainObject
    return new PassageSearch(MiniSearch.loadJS<IndexedFields>(plain, INDEX_OPTIONS), [...passages], plain)
  }

  toJSON(): string {
    return JSON.stringify(this.index)
  }

  /** Adds passages of a document added at run time (the branch's own files). */
  add(passages: readonly SearchablePassage[]): void {
    const docs = passages.map((passage) => {
      const id = this.passages.push(passage) - 1
      this.haystacks.push(haystack(passage))
      return { id, heading: passage.heading, text: passage.text }
    })
    this.index.addAll(docs)
    this.countTerms(passages, 1)
  }

  removeDocument(docId: string): void {
    const gone: SearchablePassage[] = []
    this.passages.forEach((passage, id) => {
      if (passage.docId !== docId || this.removed.has(id)) return
      this.index.discard(id)
      this.removed.add(id)
      gone.push(passage)
    })
    this.countTerms(gone, -1)
  }

  /** Keeps document frequencies in step with added and removed passages, without re-reading the index. */
  private countTerms(passages: readonly SearchablePassage[], change: 1 | -1): void {
    for (const passage of passages) {
      for (const term of new Set([...tokenizeForIndex(passage.heading), ...tokenizeForIndex(passage.text)]))
        this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + change)
    }
  }

  search(raw: string | ParsedQuery, { limit = 20, docIds }: SearchRequest = {}): SearchHit[] {
    const query = typeof raw === 'string' ? parseQuery(raw) : raw
    if (!query.terms.length) return []
    const han = query.terms.filter((term) => !isLatinTerm(term))
    const frequency = (term: string) => this.documentFrequency.get(term) ?? 0
    if (han.some((term) => frequency(term) === 0)) return []
    han.sort((a, b) => frequency(a) - frequency(b))
    const scored = [...han.slice(0, SCORED_TERMS), ...query.terms.filter(isLatinTerm)]
    const checked = han.slice(SCORED_TERMS)
    const only = docIds?.length ? new Set(docIds) : null
    const results = this.index.search(
      scored.join(' '),
      only ? { filter: (result) => only.has(this.passages[result.id as number]!.docId) } : undefined,
    )
    // A word of one or two Han characters is a single required term, so every result holds it
    // whole: only longer words need looking for in the text.
    const unsure = query.words.filter((word) => !SHORT_HAN_WORD.test(word))
    // Results come best first; bucketing by tier keeps that order inside each tier.
    const tiers: SearchHit[][] = [[], [], [], []]
    for (const result of results) {
      const id = result.id as number
      const { heading, text, lead } = this.haystacks[id]!
      if (!checked.every((term) => heading.includes(term) || text.includes(term))) continue
      const inHeading = query.words.every((word) => heading.includes(word))
      const whole = inHeading || unsure.every((word) => heading.includes(word) || text.includes(word))
      if (query.phrase && !whole) continue
      const tier = inHeading ? 3 : !whole ? 0 : query.words.every((word) => heading.includes(word) || lead.includes(word)) ? 2 : 1
      tiers[tier]!.push({ passage: this.passages[id]!, score: result.score, tier })
      if (tier === 3 && tiers[3]!.length >= limit) break
    }
    return tiers.reverse().flat().slice(0, limit)
  }
}

/** In how many passages each term occurs (any field), read from MiniSearch's serialised index. */
function documentFrequencies(plain: AsPlainObject): Map<string, number> {
  const frequency = new Map<string, number>()
  for (const [term, fields] of plain.index) {
    const postings = Object.values(fields)
    if (postings.length === 1) frequency.set(term, Object.keys(postings[0]!).length)
    else frequency.set(term, new Set(postings.flatMap((docs) => Object.keys(docs))).size)
  }
  return frequency
}

interface Haystack {
  heading: string
  text: string
  /** The opening clause (to the first 。，；： or line end): where an article states its subject. */
  lead: string
}

function haystack(passage: SearchablePassage): Haystack {
  const text = normalize(passage.text)
  return { heading: normalize(passage.heading), text, lead: LEAD.exec(text)![0] }
}

const LEAD = /^[^。，,；;：:\n]*/u
