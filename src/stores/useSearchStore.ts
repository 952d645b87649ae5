import { defineStore } from 'pinia'
import { markRaw, ref, shallowRef, watch } from 'vue'
import { PassageSearch, type SearchHit, type SearchRequest } from '@/lib/search/engine'
import type { ParsedQuery } from '@/lib/search/query'
import { toSearchable } from '@/lib/search/passages'
import type { StudyDocument } from '@/lib/content/types'
import { useLibraryStore } from './useLibraryStore'

const QUERY_KEY = 'study-garden:search-query'

/** The search engine (loaded lazily from the prebuilt index) and the query that follows the user around. */
export const useSearchStore = defineStore('search', () => {
  const library = useLibraryStore()
  const engine = shallowRef<PassageSearch | null>(null)
  const error = ref<string | null>(null)
  const query = ref(readSessionQuery())
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
        search.add(toSearchable(library.local))
        engine.value = markRaw(search)
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

  function search(text: string | ParsedQuery, request?: SearchRequest): SearchHit[] {
    void revision.value
    return engine.value?.search(text, request) ?? []
  }

  /** Keeps the index in step with the branch's own documents. */
  watch(
    () => library.local,
    (now, before) => {
      const search = engine.value
      if (!search) return
      for (const doc of before ?? []) search.removeDocument(doc.id)
      search.add(toSearchable(now))
      revision.value++
    },
  )

  /** Re-indexes bundled documents in place (their gaps filled from the branch's official copy). */
  function replaceDocuments(documents: readonly StudyDocument[]): void {
    const search = engine.value
    if (!search || !documents.length) return
    for (const doc of documents) search.removeDocument(doc.id)
    search.add(toSearchable(documents))
    revision.value++
  }

  return { engine, error, query, ensureEngine, search, replaceDocuments }
})

function readSessionQuery(): string {
  try {
    return sessionStorage.getItem(QUERY_KEY) ?? ''
  } catch {
    return ''
  }
}
