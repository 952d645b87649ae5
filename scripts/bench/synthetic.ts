import type { SearchablePassage } from '../../src/lib/search/engine'

/**
 * A corpus `factor`× the real one, built from the real passages: copy k of passage i joins its
 * sentences with those of passage i+k, so term statistics stay Chinese and realistic, not repeated.
 */
export function syntheticCorpus(passages: readonly SearchablePassage[], factor: number): SearchablePassage[] {
  const sentences = passages.map((p) => p.text.split(/(?<=[。；！？])/u).filter(Boolean))
  const out: SearchablePassage[] = []
  for (let k = 0; k < factor; k++) {
    passages.forEach((passage, i) => {
      const mine = sentences[i]!
      const other = sentences[(i + k) % passages.length]!
      const text = k === 0 ? passage.text : [...mine.slice(k % mine.length), ...other.slice(0, 2)].join('')
      out.push({ ...passage, docId: `${passage.docId}-${k}`, text })
    })
  }
  return out
}
