import { checkBankInSteps } from '@/lib/bank/check'
import type { CheckedQuestion, ParsedQuestion } from '@/lib/bank/types'
import { PassageSearch, type SearchAnswer as EngineAnswer, type SearchHit, type SearchRequest } from '@/lib/search/engine'
import { PINYIN_OPTIONS, readingsOf } from '@/lib/search/pinyin'
import { toSearchable } from '@/lib/search/passages'
import type { ParsedQuery } from '@/lib/search/query'
import type { SearchVocabulary } from '@/lib/search/vocabulary'
import type { StudyDocument } from '@/lib/content/types'

/** What the page asks of the search engine; plain values both ways (structured-clonable). */
export type SearchJob =
  | { kind: 'load' }
  | { kind: 'search'; query: string | ParsedQuery; request: SearchRequest }
  /** `engineOnly`: not the texts' provisional answer while the index is built (src/workers/search.worker.ts). */
  | { kind: 'answer'; query: string | ParsedQuery; request: SearchRequest; engineOnly?: boolean }
  | { kind: 'read-as'; text: string }
  | { kind: 'remove'; docIds: string[] }
  | { kind: 'add'; documents: StudyDocument[] }
  /** An imported bank checked against the texts where the engine lives (the prompts are for duplicates). */
  | { kind: 'check-bank'; questions: ParsedQuestion[]; cardPrompts: string[] }

export type SearchAnswer =
  | { kind: 'done' }
  | { kind: 'hits'; hits: SearchHit[] }
  | { kind: 'answer'; answer: EngineAnswer }
  | { kind: 'text'; text: string }
  | { kind: 'checked'; questions: CheckedQuestion[] }
  | { kind: 'failed'; error: string }

/**
 * How much of the texts is indexed between two turns for other work: a question is answered from the texts
 * (lib/search/scan.ts) between two steps, and on the page (no worker) a step stays a short task.
 */
const INDEX_STEP_CHARS = 4_000

/**
 * One engine and the jobs it runs, in the search worker or, where no worker can start, on the page.
 * The index is built here from the texts, so in a worker the page never pays for it.
 */
export function searchRunner(loadTexts: () => Promise<[vocabulary: SearchVocabulary, documents: readonly StudyDocument[]]>): (job: SearchJob) => Promise<SearchAnswer> {
  let engine: Promise<PassageSearch> | null = null
  return async (job) => {
    try {
      if (job.kind === 'load') {
        engine ??= loadTexts().then(([vocabulary, documents]) => PassageSearch.buildInSteps(toSearchable(documents), vocabulary, { charsPerStep: INDEX_STEP_CHARS }))
        await engine
        return { kind: 'done' }
      }
      if (!engine) return { kind: 'failed', error: 'search engine not loaded' }
      const search = await engine
      switch (job.kind) {
        case 'search':
          return { kind: 'hits', hits: search.search(job.query, job.request) }
        case 'answer':
          return { kind: 'answer', answer: search.answer(job.query, job.request) }
        case 'read-as':
          return { kind: 'text', text: search.readAs(job.text) }
        case 'remove':
          for (const id of job.docIds) search.removeDocument(id)
          return { kind: 'done' }
        case 'add':
          await search.addInSteps(toSearchable(job.documents))
          await readNewCharacters(search)
          return { kind: 'done' }
        case 'check-bank':
          // In steps even here: where no worker starts, this runner is on the page.
          return { kind: 'checked', questions: await checkBankInSteps(job.questions, { search, cards: job.cardPrompts.map((prompt) => ({ prompt })) }) }
      }
    } catch (cause) {
      return { kind: 'failed', error: cause instanceof Error ? cause.message : String(cause) }
    }
  }
}

/**
 * Pinyin for characters only a branch's own document uses: the converter (a lazy chunk, never in the app
 * shell) is fetched only when such a document is added, and only their readings are computed.
 */
async function readNewCharacters(search: PassageSearch): Promise<void> {
  const missing = search.charactersWithoutReading()
  if (!missing.length) return
  const { pinyin } = await import('pinyin-pro')
  search.addReadings(readingsOf(missing, (ch) => pinyin(ch, PINYIN_OPTIONS)))
}
