import type { SearchablePassage } from '../../src/lib/search/engine'
import type { BenchAnswer, BenchSearch } from './engines'
import { isWanted, isWantedGap, wantsNone, type EvalQuery } from './eval/queries'

export interface KindScore {
  kind: string
  queries: number
  at1: number
  at5: number
  mrr: number
}

/**
 * recall@1 / recall@5: share of queries with a wanted passage first / in the first five;
 * MRR: mean of 1 / rank of the first wanted passage (0 when not in the first 20).
 * A query that wants `none` counts as found first when no passage is returned or the engine says first that the
 * texts do not answer it (closest matches may follow, marked); one that wants a gap, when
 * the search names that gap (its notice stands above the list).
 */
export async function evaluate(search: BenchSearch, passages: readonly SearchablePassage[], queries: readonly EvalQuery[]): Promise<{ kinds: KindScore[]; all: KindScore; misses: string[] }> {
  const byKind = new Map<string, KindScore>()
  const all: KindScore = { kind: 'all', queries: 0, at1: 0, at5: 0, mrr: 0 }
  const misses: string[] = []
  for (const query of queries) {
    const answer = asAnswer(await search(query.q, 20))
    const rank = wantsNone(query)
      ? Number(answer.ids.length === 0 || answer.none === true)
      : answer.gaps?.some((gap) => isWantedGap(query, gap))
        ? 1
        : answer.ids.findIndex((id) => isWanted(query, passages[id]!.docId, passages[id]!.anchor)) + 1
    if (!rank || rank > 5) misses.push(`${query.kind}: ${query.q} → ${rank || '-'}`)
    for (const score of [all, byKind.get(query.kind) ?? byKind.set(query.kind, { kind: query.kind, queries: 0, at1: 0, at5: 0, mrr: 0 }).get(query.kind)!]) {
      score.queries++
      if (rank === 1) score.at1++
      if (rank >= 1 && rank <= 5) score.at5++
      if (rank) score.mrr += 1 / rank
    }
  }
  const finish = (s: KindScore): KindScore => ({ ...s, at1: s.at1 / s.queries, at5: s.at5 / s.queries, mrr: s.mrr / s.queries })
  return { kinds: [...byKind.values()].map(finish), all: finish(all), misses }
}

function asAnswer(result: number[] | BenchAnswer): BenchAnswer {
  return Array.isArray(result) ? { ids: result } : result
}
