import { normalizeWithMap } from './normalize'
import { foundParts } from './partial'
import { parseQuery, type ParsedQuery } from './query'
import { contentWords } from './understand'

/** A run of text, marked when it matched the query; rendered as text nodes, never as HTML. */
export interface TextSegment {
  text: string
  hit: boolean
}

export type Interval = [start: number, end: number]

/**
 * Where the query matches `text`, as merged intervals of the original string. `query` may be the
 * normalised strings a search hit reports as matched (SearchHit.matched): then exactly those are marked.
 */
export function matchIntervals(text: string, query: string | ParsedQuery | readonly string[]): Interval[] {
  const { text: norm, starts, ends } = normalizeWithMap(text)
  const found: Interval[] = []
  const findAll = (needle: string) => {
    let at = norm.indexOf(needle)
    let count = 0
    while (at >= 0) {
      found.push([starts[at]!, ends[at + needle.length - 1]!])
      count++
      at = norm.indexOf(needle, at + needle.length)
    }
    return count
  }
  if (isNeedles(query)) {
    for (const needle of query) if (needle) findAll(needle)
  } else {
    const parsed = typeof query === 'string' ? parseQuery(query) : query
    for (const word of parsed.words) {
      // A word that stands whole is highlighted whole; otherwise the runs of two or more of its
      // characters that stand together in the text, question words left out (no lone 的 or 员的).
      if (findAll(word) === 0 && !parsed.phrase) for (const part of foundParts(norm, contentWords(word, new Set()), new Set())) findAll(part)
    }
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1])
  const merged: Interval[] = []
  for (const interval of found) {
    const last = merged[merged.length - 1]
    if (last && interval[0] <= last[1]) last[1] = Math.max(last[1], interval[1])
    else merged.push([...interval])
  }
  return merged
}

function isNeedles(query: string | ParsedQuery | readonly string[]): query is readonly string[] {
  return Array.isArray(query)
}

export function highlight(text: string, query: string | ParsedQuery | readonly string[]): TextSegment[] {
  return segmentsOf(text, matchIntervals(text, query), 0, text.length)
}

/**
 * A window of about `radius` characters either side of a match, with ellipses: the window that shows
 * the most different matched words (the first such), so a question's key word is in view, not only 党员.
 */
export function snippet(text: string, query: string | ParsedQuery | readonly string[], radius = 40): TextSegment[] {
  const intervals = matchIntervals(text, query)
  let first = intervals[0]?.[0] ?? 0
  let most = 0
  for (const [s] of intervals) {
    const seen = new Set(intervals.filter(([a, b]) => a >= s && b <= s + radius * 2).map(([a, b]) => text.slice(a, b)))
    if (seen.size > most) (most = seen.size), (first = s)
  }
  const start = Math.max(0, first - radius)
  const end = Math.min(text.length, first + radius * 2)
  const segments = segmentsOf(text, intervals, start, end)
  if (start > 0) segments.unshift({ text: '…', hit: false })
  if (end < text.length) segments.push({ text: '…', hit: false })
  return segments
}

function segmentsOf(text: string, intervals: Interval[], from: number, to: number): TextSegment[] {
  const segments: TextSegment[] = []
  let at = from
  for (const [s, e] of intervals) {
    if (e <= from || s >= to) continue
    const start = Math.max(s, from)
    const end = Math.min(e, to)
    if (start > at) segments.push({ text: text.slice(at, start), hit: false })
    segments.push({ text: text.slice(start, end), hit: true })
    at = end
  }
  if (at < to) segments.push({ text: text.slice(at, to), hit: false })
  return segments
}
