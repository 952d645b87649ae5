/**
 * How much of a query a passage holds, measured on the normalised text: the parts of each query word
 * (two characters or more, as long as they run) found in the passage. Known terms count half when only in
 * pieces, and their pieces are never shown as matches: no 会一 of 三会一课 lit up inside 大会一般.
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
    const atom = atoms.has(word)
    for (const part of partsOf(haystack, chars)) {
      const length = [...part].length
      // A known term found only in pieces counts half, and its pieces are not shown as matches.
      const whole = part === word
      covered += atom && !whole ? length / 2 : length
      longest = Math.max(longest, length)
      if (!atom || whole) parts.push(part)
    }
  }
  return { share: total ? covered / total : 0, longest: total ? longest / total : 0, parts }
}

/** The found parts of `words` in `haystack`, for highlighting. */
export function foundParts(haystack: string, words: readonly string[], atoms: ReadonlySet<string>): string[] {
  return coverage(haystack, words, atoms).parts
}

function partsOf(haystack: string, chars: string[]): string[] {
  const word = chars.join('')
  if (haystack.includes(word)) return [word]
  if (chars.length === 1) return []
  const parts: string[] = []
  let i = 0
  while (i < chars.length - 1) {
    let j = i + 2
    if (!haystack.includes(chars.slice(i, j).join(''))) {
      i++
      continue
    }
    while (j < chars.length && haystack.includes(chars.slice(i, j + 1).join(''))) j++
    parts.push(chars.slice(i, j).join(''))
    i = j
  }
  return parts
}
