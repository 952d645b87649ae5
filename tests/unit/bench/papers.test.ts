import { describe, expect, it } from 'vitest'
import { loadBundledCorpus } from '../../../scripts/build/contentFiles'
import { loadPaperSet, paperLine } from '../../../scripts/bench/papers'

describe('real-paper evaluation set', () => {
  const set = loadPaperSet()
  const passages = new Map(loadBundledCorpus().flatMap((doc) => doc.passages.map((p) => [`${doc.id}#${p.anchor}`, p.text] as const)))

  it('keys every in-text question to words its passage really holds', () => {
    const wrong = set.inText.filter((q) => !passages.get(`${q.doc}#${q.anchor}`)?.includes(q.answer))
    expect(wrong.map((q) => `${q.doc}#${q.anchor} ${q.answer}`)).toEqual([])
  })

  it('draws on many distinct papers and keeps what the text cannot serve apart', () => {
    expect(Object.keys(set.papers).length).toBeGreaterThanOrEqual(40)
    expect(new Set(Object.values(set.papers)).size).toBe(Object.keys(set.papers).length)
    expect(set.inText.length + set.gap.length + set.notInTexts.length).toBeGreaterThanOrEqual(150)
    expect(set.gap.length).toBeGreaterThan(0)
  })

  it('prints the bench line in its fixed form', () => {
    expect(paperLine({ total: 117, covered: 100, byDoc: {}, misses: [] })).toBe('real papers: 100 of 117 in-text facts asked (85.5%)')
  })
})
