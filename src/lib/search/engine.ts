import MiniSearch, { type Options, type SearchOptions } from 'minisearch'
import { parseNumeral } from '../content/numerals'
import { normalize } from './normalize'
import { parseQuery, type ParsedQuery } from './query'
import { isLatinTerm, tokenizeForIndex, tokenizeQueryWord } from './tokenize'
import { understand, type UnderstoodQuery } from './understand'
import { EMPTY_VOCABULARY, type SearchVocabulary } from './vocabulary'
import { coverage, foundParts } from './partial'
import { decodeLetters, pairTable, PASSAGE_COUNT_KEY, tripleSet, type PairTable, type Readings } from './pinyin'
import { CLOSEST_TIER, isClosest, type SearchablePassage, type SearchAnswer, type SearchHit, type SearchNotice, type SearchRequest } from './hits'

// What a search returns lives apart (hits.ts), so a page that shows results does not carry the engine.
export { CLOSEST_TIER, isClosest, type SearchablePassage, type SearchAnswer, type SearchHit, type SearchNotice, type SearchRequest }

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
  // MiniSearch's background clean-up walks the term tree across timer ticks; a document re-indexed with new
  // wording meanwhile (a branch filling the 党章's gaps) reshapes that tree and the walk throws. Discarded
  // passages are skipped by their ids here and pruned by MiniSearch as searches meet them, so nothing is lost.
  autoVacuum: false,
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/** How indexing is cut into steps: about this many characters each, and how to wait between them. */
export interface IndexSteps {
  charsPerStep?: number
  pause?: () => Promise<void>
}

const SHORT_HAN_WORD = /^\p{Script=Han}{1,2}$/u

/** How many of a query's Han terms MiniSearch scores; the rest are checked against the passage text. */
const SCORED_TERMS = 1
/** Closest matches must cover this share of the query's content (minimum should match)… */
const MIN_COVERAGE = 0.5
/** …or, when none does, this share. */
const FALLBACK_COVERAGE = 0.34
/** …and when none does, this many candidates holding at least a piece of it are still shown. */
const LAST_RESORT = 5
/** Only the best candidates of the OR query are checked for coverage and proximity. */
const PARTIAL_CANDIDATES = 120
const MIN_CANDIDATES = 30
/** A heading match whose passage opens with the words (after a quotation mark at most) outranks its siblings. */
const LEAD_FACTOR = 2
/** A match in a section title only weighs this much of its score. */
const SECTION_FACTOR = 0.5
/** How many postings the OR query for closest matches may read (see `closest`). */
const CANDIDATE_POSTINGS = 2000
/** Up to this many characters of text, pinyin read back must stand in the texts three characters at a time. */
const TRIPLES_UP_TO = 2_000_000
/** Below this share of the query's weight (rare characters weigh more), closest matches are not an answer. */
const NO_ANSWER_EVIDENCE = 0.35
/** …and below this, not even shown as closest matches. */
const WEAK_EVIDENCE = 0.2
/** A closest match holding this share of the query's weight is kept even when its pairs cover little. */
const MIN_EVIDENCE = 0.5
const EVIDENCE_WEIGHT = 1
/** What a likely typo weighs in the share of a query a passage holds. */
const TYPO_WEIGHT = 0.5
/** A character in fewer than one passage in twenty is rare enough to highlight on its own. */
const RARE_WEIGHT = Math.log(20)
/** A character in at most one passage in this many brings closest-match candidates of its own. */
const RARE_SHARE = 10
/** How many of the best closest candidates are weighed for 书库中没有直接回答. */
const STRENGTH_CANDIDATES = 12
/** Words longer than this are phrases, not a subject an article's opening clause names. */
const SUBJECT_MAX = 8
/** Score of a passage whose opening clause names the subject, before its position and length discount it. */
const SUBJECT_SCORE = 50
/** A gap's note is matched only by queries of this many characters or more. */
const GAP_MIN_CHARS = 3
const EMPTY_ATOMS: ReadonlySet<string> = new Set()
/** The app’s own prose yields to an official text unless it matches clearly (25 %) better. */
const PROSE_FACTOR = 0.8
/** Passages of a document the query names come first within their tier. */
const NAMED_DOC_FACTOR = 3

interface Found {
  tier: number
  score: number
  /** What matched, or the words whose found parts did (worked out for the hits shown only). */
  matched: string[] | { partsOf: readonly string[] }
}

/**
 * The passage search: a MiniSearch index over Han unigrams + bigrams. The query is first read as a
 * member means it (./understand.ts); passages holding it as asked come first, by tier, then closest
 * matches: an OR query over the same index, kept when they cover enough of the query and ranked by
 * BM25, coverage and how much of the query stands together in the passage.
 *
 * MiniSearch scores every posting of every query term, so for the exact tiers only the rarest Han term
 * goes to MiniSearch; the other terms must still all be present, which is checked on the normalised
 * text — a pair is in the index exactly when it is a substring of that text.
 */
export class PassageSearch {
  private readonly haystacks: Haystack[] = []
  private readonly removed = new Set<number>()
  private readonly index: MiniSearch<IndexedFields>
  private readonly passages: SearchablePassage[] = []
  /** In how many passages each term occurs (any field), kept in step as passages come and go. */
  private readonly documentFrequency = new Map<string, number>()
  private readonly prose: Set<string>
  /** Passage ids of each document, in order: a named document's passages without scanning the table. */
  private readonly byDoc = new Map<string, number[]>()
  /** Passages with gaps, whose notes a query may match. */
  private readonly gapIds: number[] = []
  /** Passage ids by each Han pair of their opening clause. */
  private readonly byLeadPair = new Map<string, number[]>()

  private constructor(private vocabulary: SearchVocabulary) {
    this.index = new MiniSearch<IndexedFields>(INDEX_OPTIONS)
    this.prose = new Set(vocabulary.prose)
  }

  static build(passages: readonly SearchablePassage[], vocabulary: SearchVocabulary = EMPTY_VOCABULARY): PassageSearch {
    const search = new PassageSearch(vocabulary)
    search.add(passages)
    return search
  }

  /**
   * `build` a slice of the texts at a time, waiting between slices: the search worker builds the index from the
   * texts it carries (indexing them costs about what loading a prebuilt index did, without its 70 KB on the
   * line), and answers from the texts meanwhile (./scan.ts), between two slices rather than after the whole.
   */
  static async buildInSteps(passages: readonly SearchablePassage[], vocabulary: SearchVocabulary, steps: IndexSteps = {}): Promise<PassageSearch> {
    const search = new PassageSearch(vocabulary)
    await search.addInSteps(passages, steps)
    return search
  }

  /** Adds passages: the bundled texts as the index is built, a document added at run time (the branch's own files). */
  add(passages: readonly SearchablePassage[]): void {
    const docs = passages.flatMap((passage) => {
      const id = this.passages.push(passage) - 1
      this.track(passage, id)
      // A passage that is only a gap has no text to index; its note is matched apart (see `gapFor`).
      return passage.text ? [{ id, heading: passage.heading, text: passage.text }] : []
    })
    this.index.addAll(docs)
    this.countTerms(passages, 1)
  }

  /**
   * Adds many passages a slice at a time and waits between slices, so indexing a long document the branch
   * added (hundreds of thousands of characters) never holds the page still for seconds.
   */
  async addInSteps(passages: readonly SearchablePassage[], { charsPerStep = 20_000, pause = nextTask }: IndexSteps = {}): Promise<void> {
    let start = 0
    while (start < passages.length) {
      let end = start
      for (let size = 0; end < passages.length && (end === start || size < charsPerStep); end++) size += passages[end]!.text.length
      this.add(passages.slice(start, end))
      start = end
      if (start < passages.length) await pause()
    }
  }

  private track(passage: SearchablePassage, id: number): void {
    const hay = haystack(passage)
    this.haystacks.push(hay)
    if (hay.gap) this.gapIds.push(id)
    // Passages by the first pair of their opening clause's words: where an article states its subject.
    for (const pair of new Set(hanPairs(hay.lead))) {
      const ids = this.byLeadPair.get(pair)
      if (ids) ids.push(id)
      else this.byLeadPair.set(pair, [id])
    }
    const ids = this.byDoc.get(passage.docId)
    if (ids) ids.push(id)
    else this.byDoc.set(passage.docId, [id])
  }

  removeDocument(docId: string): void {
    const gone: SearchablePassage[] = []
    this.passages.forEach((passage, id) => {
      if (passage.docId !== docId || this.removed.has(id)) return
      if (passage.text) this.index.discard(id)
      this.removed.add(id)
      gone.push(passage)
    })
    this.countTerms(gone, -1)
  }

  /** Keeps document frequencies in step with added and removed passages, without re-reading the index. */
  private countTerms(passages: readonly SearchablePassage[], change: 1 | -1): void {
    this.pairTable = null
    for (const passage of passages) {
      if (!passage.text) continue
      for (const term of new Set([...tokenizeForIndex(passage.heading), ...tokenizeForIndex(passage.text)]))
        this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + change)
    }
  }

  search(raw: string | ParsedQuery, request: SearchRequest = {}): SearchHit[] {
    return this.answer(raw, request).hits
  }

  /** The results, and what to tell the member when the texts cannot answer as asked (see `SearchNotice`). */
  answer(raw: string | ParsedQuery, { limit = 20, docIds }: SearchRequest = {}): SearchAnswer {
    const query = typeof raw === 'string' ? parseQuery(raw) : raw
    if (!query.terms.length) return { hits: [], notice: null }
    const only = docIds?.length ? new Set(docIds) : null
    const inScope = (id: number) => !this.removed.has(id) && (!only || only.has(this.passages[id]!.docId))
    // A passage that is only a gap has no text to match; its note is matched apart (see `gapFor`).
    const allowed = (id: number) => inScope(id) && Boolean(this.passages[id]!.text)
    const found = new Map<number, Found>()
    const keep = (id: number, hit: Found) => {
      const before = found.get(id)
      if (!before || hit.tier > before.tier || (hit.tier === before.tier && hit.score > before.score)) found.set(id, hit)
    }

    if (query.phrase) {
      this.allTerms(query.words, allowed, true, keep)
      return { hits: this.ranked(found, null, limit), notice: null }
    }
    const understood = this.understand(query)
    const direct = this.direct(understood, allowed)
    for (const [id, hit] of direct) found.set(id, hit)
    const missing = this.missingArticle(understood, direct)
    if (missing) return { hits: [], notice: missing }
    for (const words of understood.variants) this.allTerms(words, allowed, false, keep)
    // What follows a document's name is looked for in that document (党章 党员义务 → the Constitution).
    const named = understood.docId
    const scoped = named ? (id: number) => allowed(id) && this.passages[id]!.docId === named : allowed
    // Relaxed phrasings matter when the query as typed does not fill the page with whole matches.
    let whole = 0
    for (const hit of found.values()) if (hit.tier >= 1) whole++
    if (named || whole < limit) for (const words of understood.scoped) this.allTerms(words, scoped, false, keep)
    if (!understood.titleOnly && understood.citation === null) this.subjects(understood.pieces, scoped, keep)
    const gapScope = named ? (id: number) => inScope(id) && this.passages[id]!.docId === named : inScope
    const gap = understood.titleOnly || understood.citation !== null ? null : this.gapFor(understood, gapScope, keep)
    let evidence = 1
    if (found.size < limit) evidence = this.closest(understood, scoped, found, limit)
    const hits = this.ranked(found, understood.docId, limit)
    if (gap) return { hits, notice: gap }
    if (!hits.length) return { hits: [], notice: { kind: 'no-answer' } }
    // Only closest matches, and they hold too little of what was asked: say so first. The few that hold a
    // rare piece of it (首长视察时不要铺地毯 → 不铺设迎宾地毯) still follow, marked; mere common words (党员) do not.
    if (hits.every(isClosest) && evidence < NO_ANSWER_EVIDENCE)
      return { hits: evidence >= WEAK_EVIDENCE ? hits.slice(0, LAST_RESORT) : [], notice: { kind: 'no-answer' } }
    return { hits, notice: null }
  }

  /**
   * The query as this engine reads it, words separated by spaces: as typed (traditional folded, pinyin read
   * back) and with short forms and everyday words spelled out — what a reader should highlight.
   */
  readAs(raw: string): string {
    const query = parseQuery(raw)
    if (query.phrase || !query.terms.length) return raw
    const understood = this.understand(query)
    return [...new Set([...understood.variants.flat(), ...understood.pieces])].join(' ')
  }

  private understand(query: ParsedQuery): UnderstoodQuery {
    return understand(query.words.join(' '), this.vocabulary, (term) => this.frequency(term) > 0, (letters, initials) =>
      decodeLetters(letters, initials, this.vocabulary.readings ?? {}, this.termFrequency, this.pairs()))
  }

  /** A cited article or point the named document does not have (党章第六十条): the notice, else null. */
  private missingArticle(query: UnderstoodQuery, direct: Map<number, Found>): SearchNotice | null {
    if (!query.docId || query.citation === null || [...direct.values()].some((hit) => hit.tier === 4)) return null
    let last = 0
    let unit = '条'
    for (const id of this.byDoc.get(query.docId) ?? []) {
      const { label, unit: own } = this.haystacks[id]!
      if (this.removed.has(id) || label === null) continue
      if (label > last) (last = label), (unit = own)
    }
    if (!last) return null
    const docTitle = this.passages[this.byDoc.get(query.docId)![0]!]!.docTitle
    return { kind: 'no-article', docId: query.docId, docTitle, number: query.citation, last, unit }
  }

  /**
   * Passages whose opening clause holds every content word, if only in pieces (第三条 党员必须履行下列义务
   * for 党员义务): an article states its subject there, so it outranks passages that merely mention the words.
   */
  private subjects(pieces: readonly string[], allowed: (id: number) => boolean, keep: (id: number, hit: Found) => void): void {
    const words = pieces.filter((piece) => [...piece].length >= 2 && [...piece].length <= SUBJECT_MAX && !/[^\p{Script=Han}]/u.test(piece))
    if (!words.length || words.length !== pieces.length) return
    // A clause covering a word in runs of two or more holds its first and last pairs.
    const needed = [...new Set(words.flatMap((word) => { const chars = [...word]; return [chars.slice(0, 2).join(''), chars.slice(-2).join('')] }))]
    const lists = needed.map((pair) => this.byLeadPair.get(pair) ?? [])
    lists.sort((a, b) => a.length - b.length)
    const [first, ...rest] = lists
    if (!first?.length) return
    const others = rest.map((ids) => new Set(ids))
    for (const id of first) {
      if (!allowed(id) || !others.every((ids) => ids.has(id))) continue
      const lead = this.haystacks[id]!.lead.replace(LEAD_LABEL, '')
      if (!words.every((word) => coverage(lead, [word], EMPTY_ATOMS).share === 1)) continue
      // Earlier in the clause, and in a shorter clause, is more surely the subject.
      const at = Math.min(...words.map((word) => lead.indexOf([...word].slice(0, 2).join(''))))
      keep(id, { tier: 2, score: SUBJECT_SCORE / (1 + at / 8) / (1 + lead.length / 40), matched: { partsOf: words } })
    }
  }

  /**
   * A passage whose official wording is missing and whose note holds every content word (社会主要矛盾 → 总纲
   * 第十一自然段): the notice; the passage itself is kept as a match when the rest of it is text.
   */
  private gapFor(query: UnderstoodQuery, allowed: (id: number) => boolean, keep: (id: number, hit: Found) => void): SearchNotice | null {
    const words = query.pieces
    if ([...words.join('')].length < GAP_MIN_CHARS) return null
    let best: { id: number; longest: number } | null = null
    // Notes repeat (every 总纲 gap shares its opening words; a large corpus repeats whole notes): measure each once.
    const measured = new Map<string, ReturnType<typeof coverage>>()
    for (const id of this.gapIds) {
      if (!allowed(id)) continue
      const note = this.haystacks[id]!.gap
      let measure = measured.get(note)
      if (!measure) measured.set(note, (measure = coverage(note, words, query.atoms)))
      if (measure.share < 1) continue
      if (!best || measure.longest > best.longest) best = { id, longest: measure.longest }
    }
    if (!best) return null
    const passage = this.passages[best.id]!
    if (passage.text) keep(best.id, { tier: 2, score: SUBJECT_SCORE, matched: [] })
    return { kind: 'gap', docId: passage.docId, docTitle: passage.docTitle, anchor: passage.anchor, heading: passage.heading, note: gapTopic(passage.gap!) }
  }

  private frequency(term: string): number {
    return this.documentFrequency.get(term) ?? 0
  }

  /** Han characters of the indexed texts with no pinyin reading yet (a branch's own document may bring new ones). */
  charactersWithoutReading(): string[] {
    const known = new Set(Object.values(this.vocabulary.readings ?? {}).join(''))
    const missing = new Set<string>()
    this.haystacks.forEach((h, id) => {
      if (this.removed.has(id)) return
      for (const [run] of `${h.heading}${h.text}`.matchAll(HAN_RUN)) for (const ch of run) if (!known.has(ch)) missing.add(ch)
    })
    return [...missing]
  }

  /** Adds readings (from ./pinyin.ts `readingsOf`) for characters the build did not know. */
  addReadings(readings: Readings): void {
    const merged: Readings = { ...this.vocabulary.readings }
    for (const [syllable, chars] of Object.entries(readings)) for (const ch of chars) if (!(merged[syllable] ?? '').includes(ch)) merged[syllable] = (merged[syllable] ?? '') + ch
    this.vocabulary = { ...this.vocabulary, readings: merged }
  }

  private readonly termFrequency = (term: string) =>
    term === PASSAGE_COUNT_KEY ? this.passages.length - this.removed.size : this.frequency(term)

  /** Which characters follow which in the texts: built when pinyin is first typed, renewed when passages change. */
  private pairTable: PairTable | null = null
  private pairs(): PairTable {
    if (this.pairTable) return this.pairTable
    const pairs = [...this.documentFrequency].filter(([term, n]) => n > 0 && term.length === 2).map(([term]) => term)
    const live = this.haystacks.filter((_, id) => !this.removed.has(id))
    const size = live.reduce((n, h) => n + h.text.length, 0)
    const triples = size <= TRIPLES_UP_TO ? tripleSet(live.flatMap((h) => [h.heading, h.text])) : undefined
    return (this.pairTable = pairTable(pairs, triples))
  }

  /** The document a query names (its first passage stands for it) and the article it cites. */
  private direct(query: UnderstoodQuery, allowed: (id: number) => boolean): Map<number, Found> {
    const hits = new Map<number, Found>()
    if (!query.docId) return hits
    const ids = (this.byDoc.get(query.docId) ?? []).filter(allowed)
    if (query.titleOnly && ids.length) hits.set(ids[0]!, { tier: 5, score: 1, matched: [] })
    if (query.citation !== null) {
      const cited = ids.find((id) => this.haystacks[id]!.label === query.citation)
      if (cited !== undefined) hits.set(cited, { tier: 4, score: 1, matched: [] })
    }
    return hits
  }

  /** Passages holding every word (tiers 3…0); with `phrase`, only those holding the words whole. */
  private allTerms(words: readonly string[], allowed: (id: number) => boolean, phrase: boolean, keep: (id: number, hit: Found) => void): void {
    const terms = [...new Set(words.flatMap(tokenizeQueryWord))]
    const han = terms.filter((term) => !isLatinTerm(term))
    if (!terms.length || han.some((term) => this.frequency(term) === 0)) return
    han.sort((a, b) => this.frequency(a) - this.frequency(b))
    const scored = [...han.slice(0, SCORED_TERMS), ...terms.filter(isLatinTerm)]
    const checked = han.slice(SCORED_TERMS)
    const results = this.index.search(scored.join(' '), { filter: (result) => allowed(result.id as number) })
    // A word of one or two Han characters is a single required term, so every result holds it
    // whole: only longer words need looking for in the text.
    const unsure = words.filter((word) => !SHORT_HAN_WORD.test(word))
    for (const result of results) {
      const id = result.id as number
      const { heading, text, lead } = this.haystacks[id]!
      if (!checked.every((term) => heading.includes(term) || text.includes(term))) continue
      const inHeading = words.every((word) => heading.includes(word))
      const whole = inHeading || unsure.every((word) => heading.includes(word) || text.includes(word))
      if (phrase && !whole) continue
      const inLead = whole && words.every((word) => heading.includes(word) || lead.includes(word))
      // Words only in the title of a section above a numbered article (党员领导干部廉洁自律规范 › 第五条) say
      // what the section is about, not the article: such a match ranks with the articles that name the
      // subject in their opening clause, below it on ties.
      const inSection = inHeading && Boolean(this.haystacks[id]!.label !== null) && !words.every((word) => ownHeading(heading).includes(word) || lead.includes(word))
      const tier = inHeading && !inSection ? 3 : !whole ? 0 : inLead || inSection ? 2 : 1
      // Under one heading (a glossary term's entries), the entry that opens with the term — its
      // definition — comes first.
      const opens = tier === 3 && words.every((word) => { const at = text.indexOf(word); return at >= 0 && at <= 1 })
      const score = opens ? result.score * LEAD_FACTOR : inSection ? result.score * SECTION_FACTOR : result.score
      keep(id, { tier, score, matched: whole ? [...words] : { partsOf: words } })
    }
  }

  /**
   * Closest matches: any query pair or character may match (OR), BM25 picks the candidates, and a candidate
   * is kept when it covers enough of the query's content — in runs of two characters or more, or in its
   * rare, deciding characters (出国访问不要带随从 → 出访, 随行人员); ranked by coverage, proximity, that weight and
   * BM25. Returns the largest share of a phrasing's weight (rare characters weigh more) that a candidate holds
   * in runs of two or more:党员可以炒股吗 holds 党员, a small share, so it is not answered.
   */
  private closest(query: UnderstoodQuery, allowed: (id: number) => boolean, found: Map<number, Found>, limit: number): number {
    const chars = [...new Set(query.pieces.flatMap((piece) => [...piece].filter((ch) => HAN_CHAR.test(ch))))]
    const live = this.passages.length - this.removed.size
    // Single characters bring candidates only when rare (出访's 访, 随行's 随): common ones would bring everything.
    const rareChars = chars.filter((ch) => this.frequency(ch) > 0 && this.frequency(ch) * RARE_SHARE <= live)
    const all = [...new Set([...query.pieces.flatMap(tokenizeQueryWord), ...rareChars])].filter((term) => this.frequency(term) > 0 || isLatinTerm(term))
    if (!all.length) return 0
    // Candidates come from the rarer terms (they carry BM25's weight anyway), within a budget of
    // postings, so a question full of common pairs costs little on a large corpus; coverage below
    // is measured on the passage text against the whole query.
    all.sort((a, b) => this.frequency(a) - this.frequency(b))
    const terms: string[] = []
    let postings = 0
    for (const term of all) {
      if (terms.length && postings + this.frequency(term) > CANDIDATE_POSTINGS) break
      terms.push(term)
      postings += this.frequency(term)
    }
    const results = this.index.search(terms.join(' '), {
      combineWith: 'OR',
      filter: (result) => allowed(result.id as number) && !found.has(result.id as number),
    })
    // Each character weighs by its rarity (inverse document frequency); one the texts never use weighs most,
    // so an off-topic word (炒股, 天气) keeps a question about it from looking answered.
    const weightOf = (ch: string) => Math.log((live + 1) / (this.frequency(ch) + 0.5))
    const weights = chars.map(weightOf)
    const total = weights.reduce((a, b) => a + b, 0) || 1
    // Enough candidates to fill the page several times over: coverage re-ranks them.
    const candidates = results.slice(0, Math.min(PARTIAL_CANDIDATES, Math.max(MIN_CANDIDATES, 3 * (limit - found.size))))
    const best = candidates[0]?.score ?? 1
    // How much of a phrasing's weight stands in a passage in runs of two characters or more.
    const weightOfRun = (run: string) => [...run].reduce((sum, ch) => sum + (HAN_CHAR.test(ch) ? weightOf(ch) : 0), 0)
    // A character the texts never use between two they do is most likely a typo (党员义勿, 三会一棵): it weighs
    // little; two or more unknown in a row are a word the texts do not have (炒股, 铁饭碗) and weigh most.
    const known = (ch: string | undefined) => ch !== undefined && this.frequency(ch) > 0
    const weightOfWord = (word: string) => {
      const chars = [...word]
      return chars.reduce((sum, ch, i) => {
        if (!HAN_CHAR.test(ch)) return sum
        const typo = !known(ch) && chars.length >= 3 && (i === 0 || known(chars[i - 1])) && (i === chars.length - 1 || known(chars[i + 1]))
        return sum + (typo ? TYPO_WEIGHT : weightOf(ch))
      }, 0)
    }
    const phrasingWeights = query.phrasings.map((words) => words.reduce((sum, word) => sum + weightOfWord(word), 0) || 1)
    let strongest = 0
    const scored = candidates.map((result) => {
      const id = result.id as number
      const haystack = this.haystacks[id]!.full
      const measure = coverage(haystack, query.pieces, query.atoms)
      let held = 0
      chars.forEach((ch, i) => haystack.includes(ch) && (held += weights[i]!))
      const evidence = held / total
      return { id, haystack, measure, evidence, score: measure.share + 0.5 * measure.longest + 0.3 * (result.score / best) + EVIDENCE_WEIGHT * evidence }
    })
    // How much of the query's weight the best few hold, in runs of two or more: tells an answer from noise.
    for (const candidate of [...scored].sort((a, b) => b.score - a.score).slice(0, STRENGTH_CANDIDATES)) {
      query.phrasings.forEach((words, i) => {
        // Fragments of a known term count here too (谁主管 of 谁主管谁负责): this weighs the words, not the highlight.
        const parts = coverage(candidate.haystack, words, EMPTY_ATOMS).parts
        strongest = Math.max(strongest, parts.reduce((sum, part) => sum + weightOfRun(part), 0) / phrasingWeights[i]!)
      })
    }
    // Rare characters alone vouch for a passage only when nothing holds the query's words as asked.
    const asAsked = [...found.values()].some((hit) => hit.tier >= 0)
    const enough = scored.filter((s) => s.measure.share >= MIN_COVERAGE || (!asAsked && s.evidence >= MIN_EVIDENCE))
    const fallback = enough.length ? enough : scored.filter((s) => s.measure.share >= FALLBACK_COVERAGE)
    // A member who asked in other words than the text's still sees the few passages holding a piece of it,
    // labelled as closest matches, rather than an empty page (only when nothing else was found).
    const kept = fallback.length || found.size ? fallback : scored.filter((s) => s.measure.parts.length).slice(0, LAST_RESORT)
    kept.sort((a, b) => b.score - a.score)
    // What to highlight when no pair matched: the rare characters that decided it.
    const rare = chars.filter((_, i) => weights[i]! >= RARE_WEIGHT)
    for (const s of kept.slice(0, limit)) found.set(s.id, { tier: CLOSEST_TIER, score: s.score, matched: s.measure.parts.length ? s.measure.parts : rare.filter((ch) => this.haystacks[s.id]!.text.includes(ch)) })
    return strongest
  }

  private ranked(found: Map<number, Found>, namedDoc: string | null, limit: number): SearchHit[] {
    const weight = (id: number, hit: Found) => {
      const docId = this.passages[id]!.docId
      return hit.score * (this.prose.has(docId) ? PROSE_FACTOR : 1) * (docId === namedDoc ? NAMED_DOC_FACTOR : 1)
    }
    const hits = [...found].map(([id, hit]) => ({ id, hit, weight: weight(id, hit) }))
    hits.sort((a, b) => b.hit.tier - a.hit.tier || b.weight - a.weight)
    // Spread within each kind of match — words whole, only their parts, closest — so a weaker kind
    // never jumps a stronger one.
    const docOf = (h: (typeof hits)[number]) => this.passages[h.id]!.docId
    const kinds = [hits.filter((h) => h.hit.tier >= 1), hits.filter((h) => h.hit.tier === 0), hits.filter((h) => h.hit.tier < 0)]
    return kinds.flatMap((kind) => firstScreenSpread(kind, docOf)).slice(0, limit).map(({ id, hit, weight }) => ({
      passage: this.passages[id]!,
      score: weight,
      tier: hit.tier,
      matched: Array.isArray(hit.matched)
        ? hit.matched
        : foundParts(`${this.haystacks[id]!.heading}\n${this.haystacks[id]!.text}`, hit.matched.partsOf, new Set()),
      ...(hit.tier === 5 ? { document: true } : {}),
    }))
  }
}

/** Results a reader sees before scrolling, and how many of them one document may take. */
const FIRST_SCREEN = 8
const PER_DOCUMENT = 3

/**
 * At most PER_DOCUMENT passages of one document on the first screen, so one text (often the glossary,
 * which repeats a term in every entry) does not crowd out the others; the rest follow in rank order.
 */
function firstScreenSpread<T>(ranked: T[], docOf: (hit: T) => string): T[] {
  const screen: T[] = []
  const later: T[] = []
  const count = new Map<string, number>()
  for (const hit of ranked) {
    const doc = docOf(hit)
    if (screen.length >= FIRST_SCREEN || (count.get(doc) ?? 0) >= PER_DOCUMENT) later.push(hit)
    else screen.push(hit), count.set(doc, (count.get(doc) ?? 0) + 1)
  }
  return [...screen, ...later]
}

interface Haystack {
  heading: string
  text: string
  /** Heading and text, as closest matches measure them. */
  full: string
  /** The normalised notes of the passage's gaps ('' when it has none). */
  gap: string
  /** What the document counts by: 条 for articles, 项 for points. */
  unit: string
  /** The opening clause (to the first 。，；： or line end): where an article states its subject. */
  lead: string
  /** The number of the article or point (第十条 → 10, 二 → 2), from the heading's last part. */
  label: number | null
}

function haystack(passage: SearchablePassage): Haystack {
  const text = normalize(passage.text)
  const heading = normalize(passage.heading)
  const last = heading.split('›').pop()!.trim()
  const number = LABEL.exec(last)
  const label = number ? parseNumeral(number[1]!) : NaN
  const gap = passage.gap ? normalize(gapTopic(passage.gap)) : ''
  return { heading, text, full: `${heading}\n${text}`, gap, unit: number?.[2] === '项' || number?.[2] === '点' ? '项' : '条', lead: LEAD.exec(text)![0], label: Number.isNaN(label) ? null : label }
}

/** The passage's own part of its heading path (第五条 of 第二部分 … › 第五条). */
function ownHeading(heading: string): string {
  return heading.slice(heading.lastIndexOf('›') + 1)
}

/** What a gap's note says the passage is about, without the words every note repeats (…尚待核对补入). */
function gapTopic(note: string): string {
  return note.replace(/[^，。]*尚待核对补入。?/gu, '').replace(/本[^，。]*经党的二十大修改，?/gu, '').trim()
}

/** The overlapping Han pairs of a text. */
function hanPairs(text: string): string[] {
  const pairs: string[] = []
  for (const [run] of text.matchAll(HAN_RUN)) {
    const chars = [...run]
    for (let i = 0; i + 1 < chars.length; i++) pairs.push(chars[i]! + chars[i + 1]!)
  }
  return pairs
}

const HAN_RUN = /\p{Script=Han}+/gu
const HAN_CHAR = /\p{Script=Han}/u
const LEAD = /^[^。，,；;：:\n]*/u
const LABEL = /^第?([零〇一二三四五六七八九十百两]+)([条项点款])?$/u
/** An article's number at the start of its text (第三条　…). */
const LEAD_LABEL = /^第[零〇一二三四五六七八九十百两]+[条项]\s*/u
