import { normalize } from '../../src/lib/search/normalize'
import { parseQuery } from '../../src/lib/search/query'
import type { SearchablePassage } from '../../src/lib/search/engine'

/** Passages (by position in the table) that hold every word of the query as typed. */
export function groundTruth(passages: readonly SearchablePassage[], query: string): Set<number> {
  const { words } = parseQuery(query)
  const expected = new Set<number>()
  if (!words.length) return expected
  passages.forEach((passage, id) => {
    const haystack = normalize(`${passage.heading}\n${passage.text}`)
    if (words.every((word) => haystack.includes(word))) expected.add(id)
  })
  return expected
}

export interface RecallTally {
  expected: number
  found: number
  returned: number
}

export function tally(expected: Set<number>, returned: readonly number[], into: RecallTally): void {
  into.expected += expected.size
  into.returned += returned.length
  for (const id of new Set(returned)) if (expected.has(id)) into.found++
}
