import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

/**
 * One query of the evaluation set: what a member types and the passages they want (`docId#anchor`, `docId#*`);
 * `none` when the texts do not answer it (the member should be told so, not shown a list);
 * `gap:docId#anchor` when the answer lies in a passage not reproduced (the member should be told which).
 */
export interface EvalQuery {
  kind: string
  q: string
  want: string[]
}

const FILE = fileURLToPath(new URL('./queries.yaml', import.meta.url))

export function loadEvalQueries(file = FILE): EvalQuery[] {
  const data = parse(readFileSync(file, 'utf8')) as unknown
  if (!Array.isArray(data)) throw new Error(`${file}: expected a list of queries`)
  return data.map((entry: Partial<EvalQuery>, i) => {
    if (typeof entry.q !== 'string' || typeof entry.kind !== 'string' || !Array.isArray(entry.want) || !entry.want.length)
      throw new Error(`${file}: entry ${i + 1} needs kind, q and a non-empty want list`)
    return { kind: entry.kind, q: String(entry.q), want: entry.want.map(String) }
  })
}

export const NONE = 'none'
export const GAP_PREFIX = 'gap:'

/** The query wants to hear that the texts do not answer it. */
export function wantsNone(query: EvalQuery): boolean {
  return query.want.includes(NONE)
}

/** Whether a gap the search pointed to (`docId#anchor`) is one the query wants. */
export function isWantedGap(query: EvalQuery, gap: string): boolean {
  return query.want.includes(`${GAP_PREFIX}${gap}`)
}

/** Whether a returned passage is one the query wants. */
export function isWanted(query: EvalQuery, docId: string, anchor: string): boolean {
  return query.want.some((w) => w === `${docId}#${anchor}` || w === `${docId}#*`)
}
