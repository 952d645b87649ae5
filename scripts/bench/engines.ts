import { create, insertMultiple, search as oramaSearch } from '@orama/orama'
import { createTokenizer } from '@orama/tokenizers/mandarin'
import { Charset, Document as FlexDocument } from 'flexsearch'
import MiniSearch from 'minisearch'
import type { SearchablePassage } from '../../src/lib/search/engine'
import { loadBundledCorpus } from '../build/contentFiles'
import { buildVocabulary } from '../build/searchVocabulary'
import { PassageSearch } from '../../src/lib/search/engine'
import { TextScan } from '../../src/lib/search/scan'

/** Passage-table positions, best first, and the gaps (`docId#anchor`) a notice names as holding the answer. */
export interface BenchAnswer {
  ids: number[]
  gaps?: string[]
  /** The engine says, above any list, that the texts do not answer the query (书库中没有直接回答). */
  none?: boolean
}

/** Answers a query with passage-table positions, best first, at most `limit` of them. */
export type BenchSearch = (query: string, limit: number) => number[] | BenchAnswer | Promise<number[] | BenchAnswer>

/** A search engine under test: built over the passage table. */
export interface BenchEngine {
  name: string
  build(passages: readonly SearchablePassage[]): Promise<BenchSearch>
}

export const ours: BenchEngine = {
  name: '学习园地 (ours)',
  async build(passages) {
    // The vocabulary is the bundled one (document names, synonyms, initials): built at build time like the app's.
    const engine = PassageSearch.build(passages, buildVocabulary(loadBundledCorpus()))
    const position = new Map(passages.map((passage, i) => [passage, i]))
    return (query, limit) => {
      const { hits, notice } = engine.answer(query, { limit })
      return {
        ids: hits.map((hit) => position.get(hit.passage)!),
        gaps: notice?.kind === 'gap' ? [`${notice.docId}#${notice.anchor}`] : [],
        none: notice?.kind === 'no-answer' || notice?.kind === 'no-article',
      }
    }
  },
}

/**
 * What a member typing at once sees before the index has loaded (src/workers/search.worker.ts): passages
 * holding the words as typed, read from the texts. This row says how often those first results are already the
 * right ones. Its empty answers count as misses, except for the off-topic and nonexistent kinds, where any
 * engine's empty answer counts as "nothing in the texts"; the app shows them as 正在载入检索索引… and waits for
 * the engine, which is what says 书库中没有.
 */
export const oursBeforeIndex: BenchEngine = {
  name: '学习园地, before the index (text scan)',
  async build(passages) {
    const scan = new TextScan(passages)
    const position = new Map(passages.map((passage, i) => [passage, i]))
    return (query, limit) => scan.answer(query, { limit }).hits.map((hit) => position.get(hit.passage)!)
  },
}

/** MiniSearch as VitePress's local search configures it: default tokenizer, prefix, fuzzy 0.2. */
export const vitepressMiniSearch: BenchEngine = {
  name: 'MiniSearch (VitePress config)',
  async build(passages) {
    const index = new MiniSearch<{ id: number; heading: string; text: string }>({
      fields: ['heading', 'text'],
      searchOptions: { fuzzy: 0.2, prefix: true, boost: { heading: 4, text: 2 } },
    })
    index.addAll(passages.map((p, id) => ({ id, heading: p.heading, text: p.text })))
    // MiniSearch has no limit option: it always returns every match.
    return (query, limit) => index.search(query).slice(0, limit).map((r) => r.id as number)
  },
}

export const flexSearchCjk: BenchEngine = {
  name: 'FlexSearch (Charset.CJK)',
  async build(passages) {
    const index = new FlexDocument({
      document: { id: 'id', index: ['heading', 'text'] },
      encoder: Charset.CJK,
    })
    passages.forEach((p, id) => index.add({ id, heading: p.heading, text: p.text }))
    return (query, limit) => {
      const ids = new Set<number>()
      for (const field of index.search(query, { limit })) for (const id of field.result) ids.add(Number(id))
      return [...ids]
    }
  },
}

export const oramaMandarin: BenchEngine = {
  name: 'Orama (mandarin tokenizer)',
  async build(passages) {
    const db = create({
      schema: { n: 'number', heading: 'string', text: 'string' } as const,
      components: { tokenizer: createTokenizer() },
    })
    await insertMultiple(db, passages.map((p, n) => ({ n, heading: p.heading, text: p.text })))
    return async (query, limit) => {
      const result = await oramaSearch(db, { term: query, properties: ['heading', 'text'], limit })
      return result.hits.map((hit) => Number(hit.document.n))
    }
  },
}

export const ENGINES: BenchEngine[] = [ours, oursBeforeIndex, vitepressMiniSearch, flexSearchCjk, oramaMandarin]

/**
 * The baseline to beat: textbook BM25 (k1 1.2, b 0.75) over Han unigrams + bigrams, any term may match.
 * A few lines on purpose — what one would write in an afternoon.
 */
export const plainBm25: BenchEngine = {
  name: 'BM25 baseline (uni+bigrams, OR)',
  async build(passages) {
    const grams = (text: string) => {
      const chars = [...text.toLowerCase()].filter((c) => /[\p{L}\p{N}]/u.test(c))
      return [...chars, ...chars.slice(1).map((c, i) => chars[i]! + c)]
    }
    const docs = passages.map((p) => grams(`${p.heading} ${p.text}`))
    const tf = docs.map((terms) => terms.reduce((m, t) => m.set(t, (m.get(t) ?? 0) + 1), new Map<string, number>()))
    const df = new Map<string, number>()
    for (const m of tf) for (const t of m.keys()) df.set(t, (df.get(t) ?? 0) + 1)
    const avg = docs.reduce((n, d) => n + d.length, 0) / docs.length
    const postings = new Map<string, number[]>()
    tf.forEach((m, id) => m.forEach((_, t) => (postings.get(t) ?? postings.set(t, []).get(t)!).push(id)))
    return (query, limit) => {
      const scores = new Map<number, number>()
      for (const t of new Set(grams(query))) {
        const idf = Math.log(1 + (docs.length - (df.get(t) ?? 0) + 0.5) / ((df.get(t) ?? 0) + 0.5))
        for (const id of postings.get(t) ?? []) {
          const f = tf[id]!.get(t)!
          scores.set(id, (scores.get(id) ?? 0) + (idf * f * 2.2) / (f + 1.2 * (0.25 + (0.75 * docs[id]!.length) / avg)))
        }
      }
      return [...scores].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([id]) => id)
    }
  },
}

ENGINES.push(plainBm25)
