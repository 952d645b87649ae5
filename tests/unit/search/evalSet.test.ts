import { describe, expect, it } from 'vitest'
import { loadEvalQueries } from '../../../scripts/bench/eval/queries'
import { loadBundledCorpus } from '../../../scripts/build/contentFiles'
import { toSearchable } from '../../../src/lib/search/passages'

describe('the search evaluation set', () => {
  const queries = loadEvalQueries()
  const passages = toSearchable(loadBundledCorpus())
  const known = new Set(passages.flatMap((p) => [`${p.docId}#${p.anchor}`, `${p.docId}#*`]))
  // A gap may be a passage with no searchable text at all: any passage of the corpus.
  const gaps = new Set(loadBundledCorpus().flatMap((doc) => doc.passages.map((p) => `gap:${doc.id}#${p.anchor}`)))

  it('has at least 150 distinct queries across the kinds the issue names', () => {
    expect(new Set(queries.map((q) => q.q)).size).toBe(queries.length)
    expect(queries.length).toBeGreaterThanOrEqual(150)
    const kinds = new Set(queries.map((q) => q.kind))
    for (const kind of ['exact', 'question', 'paraphrase', 'keywords', 'unpunctuated', 'citation', 'traditional', 'pinyin', 'title',
      'everyday', 'pinyin-full', 'initials', 'definition', 'typo', 'offtopic', 'nonexistent', 'gap'])
      expect(kinds).toContain(kind)
  })

  it('names only passages that exist', () => {
    const unknown = queries.flatMap((q) => q.want.filter((w) => !known.has(w) && !gaps.has(w) && !(w === 'none' && q.want.length === 1)).map((w) => `${q.q} → ${w}`))
    expect(unknown).toEqual([])
  })
})
