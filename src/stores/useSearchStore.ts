import { defineStore } from 'pinia'
import { markRaw, ref, shallowRef, watch } from 'vue'
import { PassageSearch, type SearchAnswer, type SearchHit, type SearchRequest } from '@/lib/search/engine'
import type { ParsedQuery } from '@/lib/search/query'
import { PINYIN_OPTIONS, readingsOf } from '@/lib/search/pinyin'
import { toSearchable } from '@/lib/search/passages'
import type { StudyDocument } from '@/lib/content/types'
import { parseRecent, rememberQuery } from '@/lib/search/recent'
import { useLibraryStore } from './useLibraryStore'

const QUERY_KEY = 'study-garden:search-query'
const RECENT_KEY = 'study-garden:recent-searches'
/** Waited for after the first page when the browser has no idle callback (Safari). */
const IDLE_FALLBACK_MS = 1500

/** The search engine (loaded lazily from the prebuilt index) and the query that follows the user around. */
export const useSearchStore = defineStore('search', () => {
  const library = useLibraryStore()
  const engine = shallowRef<PassageSearch | null>(null)
  const error = ref<string | null>(null)
  const query = ref(readSessionQuery())
  /** Searches the member opened a result for, newest first; kept on this device only. */
  const recent = ref<string[]>(readRecent())
  /** Bumped whenever the index changes in place, so results computed from it are recomputed. */
  const revision = ref(0)
  let loading: Promise<PassageSearch | null> | null = null

  watch(query, (value) => {
    try {
      sessionStorage.setItem(QUERY_KEY, value)
    } catch {
      // Private mode may refuse storage; the query simply is not kept.
    }
  })

  function ensureEngine(): Promise<PassageSearch | null> {
    loading ??= Promise.all([import('virtual:search-index'), library.loadBundled()])
      .then(([{ default: json }, documents]) => {
        const search = PassageSearch.load(json, toSearchable(documents))
        engine.value = markRaw(search)
        void syncLocal()
        return search
      })
      .catch((cause: unknown) => {
        console.warn('search index failed to load', cause)
        error.value = '检索索引加载失败，请检查网络后刷新页面。'
        loading = null
        return null
      })
    return loading
  }

  function remember(text: string): void {
    recent.value = rememberQuery(recent.value, text)
    try {
      localStorage.setItem(RECENT_KEY, JSON.stringify(recent.value))
    } catch {
      // Storage refused (private mode, quota): the list lives for this visit only.
    }
  }

  function forgetRecent(): void {
    recent.value = []
    try {
      localStorage.removeItem(RECENT_KEY)
    } catch {
      // Nothing kept, nothing to remove.
    }
  }

  /** Starts loading the index and the texts once the browser is idle, so the first keystroke does not wait. */
  function preloadWhenIdle(): void {
    const start = () => void ensureEngine()
    if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 4000 })
    else setTimeout(start, IDLE_FALLBACK_MS)
  }

  function search(text: string | ParsedQuery, request?: SearchRequest): SearchHit[] {
    return answer(text, request).hits
  }

  /** The results and what to tell the member when the texts cannot answer as asked. */
  function answer(text: string | ParsedQuery, request?: SearchRequest): SearchAnswer {
    void revision.value
    return engine.value?.answer(text, request) ?? { hits: [], notice: null }
  }

  /** The query as the engine reads it (short forms spelled out, pinyin read back), for highlighting. */
  function readAs(text: string): string {
    void revision.value
    return engine.value?.readAs(text) ?? text
  }

  /**
   * Index changes run one after another: a long document is indexed in steps (the page stays responsive),
   * and a removal never overtakes the steps of an addition still under way.
   */
  let indexing: Promise<void> = Promise.resolve()
  function changeIndex(change: (search: PassageSearch) => Promise<void>): Promise<void> {
    indexing = indexing
      .then(async () => {
        const search = engine.value
        if (!search) return
        await change(search)
        revision.value++
      })
      .catch((cause: unknown) => console.warn('search index not updated', cause))
    return indexing
  }

  /** The branch's own documents now in the index; parsed documents keep their identity until they change. */
  let indexedLocal: readonly StudyDocument[] = []
  /** Keeps the index in step with the branch's own documents: only those added, replaced or removed. */
  function syncLocal(): Promise<void> {
    return changeIndex(async (search) => {
      const now = library.local
      const current = new Set(now)
      for (const doc of indexedLocal) if (!current.has(doc)) search.removeDocument(doc.id)
      const indexed = new Set(indexedLocal)
      indexedLocal = now
      await search.addInSteps(toSearchable(now.filter((doc) => !indexed.has(doc))))
      await readNewCharacters(search)
    })
  }

  /**
   * Pinyin for characters only a branch's own document uses: the converter is fetched (a lazy chunk, never in
   * the app shell) only when such a document is added, and only their readings are computed.
   */
  async function readNewCharacters(search: PassageSearch): Promise<void> {
    const missing = search.charactersWithoutReading()
    if (!missing.length) return
    const { pinyin } = await import('pinyin-pro')
    search.addReadings(readingsOf(missing, (ch) => pinyin(ch, PINYIN_OPTIONS)))
  }
  watch(() => library.local, () => void syncLocal())

  /** Re-indexes bundled documents in place (their gaps filled from the branch's official copy). */
  function replaceDocuments(documents: readonly StudyDocument[]): Promise<void> {
    if (!documents.length) return indexing
    return changeIndex(async (search) => {
      for (const doc of documents) search.removeDocument(doc.id)
      await search.addInSteps(toSearchable(documents))
    })
  }

  return { engine, error, query, recent, ensureEngine, preloadWhenIdle, remember, forgetRecent, search, answer, readAs, replaceDocuments }
})

function readRecent(): string[] {
  try {
    return parseRecent(localStorage.getItem(RECENT_KEY))
  } catch {
    return []
  }
}

function readSessionQuery(): string {
  try {
    return sessionStorage.getItem(QUERY_KEY) ?? ''
  } catch {
    return ''
  }
}
