import { snippet, type TextSegment } from './highlight'
import { isClosest, type SearchAnswer, type SearchHit } from './hits'

/** How many results the header's search box lists: the app's box, and index.html's before the app has run. */
export const HEADER_RESULT_LIMIT = 8

/** The part of a result's text a list shows: about this many characters either side of what matched. */
const SNIPPET_RADIUS = 36

export const resultSnippet = (hit: SearchHit): TextSegment[] => snippet(hit.passage.text, hit.matched, SNIPPET_RADIUS)

/** Closest matches are introduced as such, never passed off as exact: before a list of them only… */
export const ONLY_CLOSEST = '没有找到完全一致的内容，以下是近似结果。'
/** …or where they begin, after the exact results. */
export const CLOSEST_FROM_HERE = '近似结果'

/** A line of a list of results: a result (its index in the hits) or a note on those that follow. */
export type ResultRow = { hit: number } | { note: string; leading: boolean }

/** How a list of results reads, notes included: the app's lists and index.html's box alike. */
export function resultRows(hits: readonly SearchHit[]): ResultRow[] {
  const firstClosest = hits.findIndex(isClosest)
  return hits.flatMap((_, hit): ResultRow[] =>
    hit === firstClosest ? [hit === 0 ? { note: ONLY_CLOSEST, leading: true } : { note: CLOSEST_FROM_HERE, leading: false }, { hit }] : [{ hit }],
  )
}

/**
 * The header box's answer as index.html's box shows it before the app has run (src/preShellResults.ts):
 * worked out in the search worker, so the app's first script needs no search code of its own. `rows` point
 * into `answer.hits` and carry each result's snippet.
 */
export interface ResultPreview {
  text: string
  answer: SearchAnswer
  rows: ((Extract<ResultRow, { hit: number }> & { snippet: TextSegment[] }) | Extract<ResultRow, { note: string }>)[]
}

export function previewOf(text: string, answer: SearchAnswer): ResultPreview {
  return { text, answer, rows: resultRows(answer.hits).map((row) => ('hit' in row ? { ...row, snippet: resultSnippet(answer.hits[row.hit]!) } : row)) }
}

/**
 * index.html's box asks the search worker directly (negative ids: the app's calls, on the same worker once it
 * takes it over, count up from 0). `wait`: the texts held nothing as typed, so the engine's answer is wanted.
 */
export interface PreviewRequest {
  id: number
  preview: string
  wait?: boolean
}

export interface PreviewReply {
  id: number
  /** Null when the search failed: the box then shows nothing, as before the app runs at all. */
  preview: ResultPreview | null
}
