import { defineStore } from 'pinia'
import { markRaw, ref, shallowRef, watch } from 'vue'
import type { SearchAnswer, SearchHit, SearchRequest } from '@/lib/search/engine'
import { capQueryInput, type ParsedQuery } from '@/lib/search/query'
import type { StudyDocument } from '@/lib/content/types'
import { parseRecent, rememberQuery } from '@/lib/search/recent'
import { startSearch, type SearchBackend } from '@/workers/searchWorker'
import { useLibraryStore } from './useLibraryStore'

const QUERY_KEY = 'study-garden:search-query'
const RECENT_KEY = 'study-garden:recent-searches'
/** Waited for after the first page when the browser has no idle callback (Safari). */
const IDLE_FALLBACK_MS = 1500

/**
 * The search engine (its index built lazily from the texts, in a worker so building it never holds the
 * page still; answering from the texts until then) and the query that follows the user around.
 */
export const useSearchStore = defineStore('search', () => {
  const library = useLibraryStore()
  const engine = shallowRef<SearchBackend | null>(null)
  /** The index is built: answers are the engine's, no longer provisional. */
  const indexReady = ref(false)
  const error = ref<string | null>(null)
  const query = ref(readSessionQuery())
  /** Searches the member opened a result for, newest first; kept on this device only. */
  const recent = ref<string[]>(readRecent())
  /** Bumped whenever the index changes in place, so results computed from it are recomputed. */
  const revision = ref(0)
  let loading: Promise<SearchBackend | null> | null = null
  /** The index changes in turn (changeIndex); searches wait for the one under way. */
  let indexing: Promise<void> = Promise.resolve()

  watch(query, (value) => {
    try {
      sessionStorage.setItem(QUERY_KEY, value)
    } catch {
      // Private mode may refuse storage; the query simply is not kept.
    }
  })

  function ensureEngine(): Promise<SearchBackend | null> {
    if (loading) return loading
    const search = markRaw(startSearch(() => library.loadBundled()))
    // In a worker, questions are answered from the texts while the index is built (provisional answers).
    if (search.answersEarly) engine.value = search
    loading = search.ready
      .then(() => {
        engine.value = search
        indexReady.value = true
        void syncLocal()
        // Results shown so far were provisional: ask the engine now.
        revision.value++
        return search
      })
      .catch((cause: unknown) => {
        console.warn('search index failed to load', cause)
        error.value = '检索索引加载失败，请检查网络后刷新页面。'
        engine.value = null
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

  /** Starts building the index from the texts once the browser is idle, so the first keystroke does not wait. */
  function preloadWhenIdle(): void {
    const start = () => void ensureEngine()
    if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 4000 })
    else setTimeout(start, IDLE_FALLBACK_MS)
  }

  /** Results from the engine; `revision` says when to ask again because the index changed. */
  async function search(text: string | ParsedQuery, request?: SearchRequest): Promise<SearchHit[]> {
    try {
      await indexing
      return (await engine.value?.search(text, request)) ?? []
    } catch (cause) {
      console.warn('search failed', cause)
      return []
    }
  }

  /**
   * The results and what to tell the member when the texts cannot answer as asked; `engineOnly`: the engine's,
   * once the index is built, never the texts' provisional answer.
   */
  async function answer(text: string | ParsedQuery, request?: SearchRequest, engineOnly = false): Promise<SearchAnswer> {
    try {
      // A change to the index under way (a branch document just loaded) is waited for, so the first
      // results shown already hold it rather than changing under the member's finger a moment later.
      await indexing
      return (await engine.value?.answer(text, request, engineOnly)) ?? { hits: [], notice: null }
    } catch (cause) {
      console.warn('search failed', cause)
      return { hits: [], notice: null }
    }
  }

  /** The query as the engine reads it (short forms spelled out, pinyin read back), for highlighting. */
  async function readAs(text: string): Promise<string> {
    try {
      return (await engine.value?.readAs(text)) ?? text
    } catch {
      return text
    }
  }

  /**
   * Index changes run one after another: a long document is indexed in steps (the page stays responsive),
   * and a removal never overtakes the steps of an addition still under way.
   */
  function changeIndex(change: (search: SearchBackend) => Promise<void>): Promise<void> {
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
      const gone = indexedLocal.filter((doc) => !current.has(doc)).map((doc) => doc.id)
      if (gone.length) await search.removeDocuments(gone)
      const indexed = new Set(indexedLocal)
      indexedLocal = now
      const added = now.filter((doc) => !indexed.has(doc))
      if (added.length) await search.addDocuments(added)
    })
  }

  watch(() => library.local, () => void syncLocal())

  /** Re-indexes bundled documents in place (their gaps filled from the branch's official copy). */
  function replaceDocuments(documents: readonly StudyDocument[]): Promise<void> {
    if (!documents.length) return indexing
    return changeIndex(async (search) => {
      await search.removeDocuments(documents.map((doc) => doc.id))
      await search.addDocuments(documents)
    })
  }

  return { engine, indexReady, error, query, recent, revision, ensureEngine, preloadWhenIdle, remember, forgetRecent, search, answer, readAs, replaceDocuments }
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
    return capQueryInput(sessionStorage.getItem(QUERY_KEY) ?? '')
  } catch {
    return ''
  }
}
