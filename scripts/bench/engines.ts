import { create, insertMultiple, search as oramaSearch } from '@orama/orama'
import { createTokenizer } from '@orama/tokenizers/mandarin'
import { Charset, Document as FlexDocument } from 'flexsearch'
import MiniSearch from 'minisearch'
import { PassageSearch, type SearchablePassage } from '../../src/lib/search/engine'

/** Answers a query with passage-table positions, best first, at most `limit` of them. */
export type BenchSearch = (query: string, limit: number) => number[] | Promise<number[]>

/** A search engine under test: built over the passage table. */
export interface BenchEngine {
  name: string
  build(passages: readonly SearchablePassage[]): Promise<BenchSearch>
}

export const ours: BenchEngine = {
  name: '学习园地 (bigram MiniSearch)',
  async build(passages) {
    const engine = PassageSearch.build(passages)
    const position = new Map(passages.map((passage, i) => [passage, i]))
    return (query, limit) => engine.search(query, { limit }).map((hit) => position.get(hit.passage)!)
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

export const ENGINES: BenchEngine[] = [ours, vitepressMiniSearch, flexSearchCjk, oramaMandarin]
