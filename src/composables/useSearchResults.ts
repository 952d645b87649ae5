import { computed, watch, type Ref } from 'vue'
import type { SearchHit, SearchNotice } from '@/lib/search/engine'
import { parseQuery, type ParsedQuery } from '@/lib/search/query'
import { useSearchStore } from '@/stores/useSearchStore'
import { useDebounced } from './useDebouncedRef'

export interface UseSearchResultsOptions {
  query: Ref<string>
  docIds?: Ref<string[]>
  limit?: number
  delay?: number
}

export interface UseSearchResultsReturn {
  parsed: Readonly<Ref<ParsedQuery>>
  hits: Readonly<Ref<SearchHit[]>>
  /** What to tell the member when the texts cannot answer as asked (no such article, a gap, nothing). */
  notice: Readonly<Ref<SearchNotice | null>>
  error: Readonly<Ref<string | null>>
}

/** Results as you type: a debounced query run through the lazily loaded search engine. */
export function useSearchResults({ query, docIds, limit = 20, delay = 60 }: UseSearchResultsOptions): UseSearchResultsReturn {
  const store = useSearchStore()
  const debounced = useDebounced(query, { delay })
  const parsed = computed(() => parseQuery(debounced.value))

  // The index is fetched the first time there is something to look for.
  watch(parsed, (q) => q.terms.length && void store.ensureEngine(), { immediate: true })

  const answer = computed(() =>
    store.engine && parsed.value.terms.length ? store.answer(parsed.value, { limit, docIds: docIds?.value }) : { hits: [], notice: null },
  )
  return { parsed, hits: computed(() => answer.value.hits), notice: computed(() => answer.value.notice), error: computed(() => store.error) }
}
