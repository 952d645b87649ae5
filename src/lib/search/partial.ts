/**
 * How much of a query a passage holds, measured on the normalised text: the parts of each query word
 * (two characters or more, as long as they run) found in the passage. A part that is only a fragment of
 * a known term in the query counts half and is never shown as a match: no 会一 of 三会一课 lit up
 * inside 大会一般.
 */
export interface Coverage {
  /** Share of the query's characters inside a found part. */
  share: number
  /** The longest found part, as a share of the query: how much of it stands together (proximity). */
  longest: number
  /** The found parts: what to highlight. */
  parts: string[]
}

export function coverage(haystack: string, words: readonly string[], atoms: ReadonlySet<string>): Coverage {
  let total = 0
  let covered = 0
  let longest = 0
  const parts: string[] = []
  for (const word of words) {
    const chars = [...word]
    total += chars.length
    const spans = atomSpans(chars, atoms)
    for (const [i, j] of partsOf(haystack, chars)) {
      const fragment = spans.some(([a, b]) => a <= i && j <= b && (a !== i || b !== j))
      covered += fragment ? (j - i) / 2 : j - i
      longest = Math.max(longest, j - i)
      if (!fragment) parts.push(chars.slice(i, j).join(''))
    }
  }
  return { share: total ? covered / total : 0, longest: total ? longest / total : 0, parts }
}

/** The found parts of `words` in `haystack`, for highlighting. */
export function foundParts(haystack: string, words: readonly string[], atoms: ReadonlySet<string>): string[] {
  return coverage(haystack, words, atoms).parts
}

/** Where known terms stand in the word, as character ranges. */
function atomSpans(chars: string[], atoms: ReadonlySet<string>): [number, number][] {
  const spans: [number, number][] = []
  for (const atom of atoms) {
    const length = [...atom].length
    for (let i = 0; i + length <= chars.length; i++) if (chars.slice(i, i + length).join('') === atom) spans.push([i, i + length])
  }
  return spans
}

/** Maximal runs of the word (two characters or more) that occur in the haystack, left to right. */
function partsOf(haystack: string, chars: string[]): [number, number][] {
  const word = chars.join('')
  if (haystack.includes(word)) return [[0, chars.length]]
  // Code-unit offsets of each character, so runs are cut from the word without re-joining arrays.
  const at: number[] = [0]
  for (const ch of chars) at.push(at[at.length - 1]! + ch.length)
  const run = (i: number, j: number) => word.slice(at[i], at[j])
  const parts: [number, number][] = []
  let i = 0
  while (i < chars.length - 1) {
    let j = i + 2
    if (!haystack.includes(run(i, j))) {
      i++
      continue
    }
    while (j < chars.length && haystack.includes(run(i, j + 1))) j++
    parts.push([i, j])
    i = j
  }
  return parts
}
