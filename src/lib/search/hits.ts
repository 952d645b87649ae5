/** What the index knows of a passage; `id` is the passage's position in the passage table. */
export interface SearchablePassage {
  docId: string
  docTitle: string
  anchor: string
  /** Heading path and label, e.g. `第一章 党员 › 第七条`. */
  heading: string
  text: string
  /** Notes of the passage's gaps (official wording not reproduced; what the passage is about), if any. */
  gap?: string
}

/** Said above the results when the texts cannot answer as asked. */
export type SearchNotice =
  /** The query cites an article or point the document does not have (党章第六十条). */
  | { kind: 'no-article'; docId: string; docTitle: string; number: number; last: number; unit: string }
  /** The answer would stand in a passage whose official wording is not reproduced: say which, offer to fill it. */
  | { kind: 'gap'; docId: string; docTitle: string; anchor: string; heading: string; note: string }
  /** Nothing in the texts answers the query directly (书库中没有直接回答). */
  | { kind: 'no-answer' }

export interface SearchAnswer {
  hits: SearchHit[]
  notice: SearchNotice | null
  /** Found by reading the texts while the index is built (scan.ts); the engine's answer replaces it. */
  provisional?: boolean
}

export interface SearchHit {
  passage: SearchablePassage
  score: number
  /**
   * 5: the document the query names (passage = its first passage); 4: the article or point the query cites;
   * 3: every word stands whole in the heading; 2: whole in the passage's opening clause (an article's lead
   * states its subject); 1: whole anywhere; 0: only its parts matched; -1: a closest match, holding part
   * of what was asked (the UI says so).
   */
  tier: number
  /** Normalised strings that really matched in this passage: what to highlight. */
  matched: string[]
  /** The hit stands for the whole document. */
  document?: boolean
}

/** Hits of tier ≥ 0 match the query as asked; below, they are closest matches. */
export const CLOSEST_TIER = -1

/** A closest match (近似结果): it holds part of what was asked, not all of it. */
export function isClosest(hit: SearchHit): boolean {
  return hit.tier < 0
}

export interface SearchRequest {
  limit?: number
  /** Only these documents; all when empty or absent. */
  docIds?: readonly string[]
}
