import type { StudyDocument } from '../content/types'
import type { SearchablePassage, SearchAnswer, SearchHit, SearchRequest } from './hits'
import { normalize } from './normalize'
import { toSearchable } from './passages'
import { parseQuery, type ParsedQuery } from './query'

/** A heading holding every word: the same tier the engine gives it (hits.ts). */
const HEADING_TIER = 3
const ANYWHERE_TIER = 1

interface ScannedPassage {
  passage: SearchablePassage
  heading: string
  full: string
}

/**
 * Results while the index is still being built: the passages that hold every word of the query as typed,
 * found by reading the texts themselves (they come with the search worker's script; the engine's code and
 * vocabulary follow, and indexing takes a while). Headings first, then the texts' own order. Nothing here
 * reads a query the way the engine does (short forms, pinyin, cited articles, closest matches): an empty
 * answer means "not yet", never "nothing", and the engine's ranked answer replaces this one as soon as the
 * index is built.
 */
export class TextScan {
  private readonly scanned: ScannedPassage[]

  constructor(passages: readonly SearchablePassage[]) {
    // A passage that is only a gap has no words to find (its heading alone would list it with an empty snippet);
    // the engine tells a member about gaps with its notice.
    this.scanned = passages.flatMap((passage) => {
      if (!passage.text) return []
      const heading = normalize(passage.heading)
      return [{ passage, heading, full: `${heading}\n${normalize(passage.text)}` }]
    })
  }

  static of(documents: readonly StudyDocument[]): TextScan {
    return new TextScan(toSearchable(documents))
  }

  answer(raw: string | ParsedQuery, { limit = 20, docIds }: SearchRequest = {}): SearchAnswer {
    const { words } = typeof raw === 'string' ? parseQuery(raw) : raw
    if (!words.length) return { hits: [], notice: null, provisional: true }
    // As in the engine: no documents named (or an empty list) means all of them.
    const inDocs = docIds?.length ? new Set(docIds) : null
    const hits: SearchHit[] = []
    for (const { passage, heading, full } of this.scanned) {
      if (inDocs && !inDocs.has(passage.docId)) continue
      if (!words.every((word) => full.includes(word))) continue
      const tier = words.every((word) => heading.includes(word)) ? HEADING_TIER : ANYWHERE_TIER
      hits.push({ passage, score: tier, tier, matched: [...words] })
    }
    // A stable sort: within a tier, the order of the texts.
    hits.sort((a, b) => b.tier - a.tier)
    return { hits: hits.slice(0, limit), notice: null, provisional: true }
  }
}
