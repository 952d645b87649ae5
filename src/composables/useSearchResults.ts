import { computed, ref, shallowRef, watch, type Ref } from 'vue'
import type { SearchAnswer, SearchHit, SearchNotice } from '@/lib/search/engine'
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
  /** Found in the texts while the index is built: the engine's answer will replace it. */
  provisional: Readonly<Ref<boolean>>
  /** Nothing to show yet: 'index' while the index is built (and the texts held nothing as typed), 'answer' just after asking. */
  waiting: Readonly<Ref<'index' | 'answer' | null>>
  /** A question has been answered (from the texts or by the engine) at least once. */
  answered: Readonly<Ref<boolean>>
}

/** Results as you type: a debounced query run through the lazily loaded search engine. */
export function useSearchResults({ query, docIds, limit = 20, delay = 60 }: UseSearchResultsOptions): UseSearchResultsReturn {
  const store = useSearchStore()
  const debounced = useDebounced(query, { delay })
  const parsed = computed(() => parseQuery(debounced.value))

  // The index is fetched the first time there is something to look for.
  watch(parsed, (q) => q.terms.length && void store.ensureEngine(), { immediate: true })

  // The engine answers later (it runs in a worker); only the answer to the latest question is shown.
  // Until the first answer comes, there is nothing to say (not 没有找到).
  const answer = shallowRef<SearchAnswer>({ hits: [], notice: null, provisional: true })
  /** The question `answer` answers: until the latest one is answered, an empty answer is no verdict on it. */
  const answeredFor = shallowRef<ParsedQuery | null>(null)
  let asked = 0
  const answered = ref(false)
  watch(
    [parsed, () => store.engine, () => store.revision, () => docIds?.value],
    async ([q]) => {
      const ticket = ++asked
      const request = { limit, docIds: docIds?.value }
      const found = store.engine && q.terms.length ? await store.answer(q, request) : { hits: [], notice: null }
      if (ticket !== asked) return
      answer.value = found
      answeredFor.value = q
      if (!store.engine || !q.terms.length) return
      answered.value = true
      // The texts held nothing as typed (入党誓词): the engine's answer is asked for at once, and comes as soon as
      // the index is built, rather than a round trip after the page has heard that it is (the revision below).
      if (!found.provisional || found.hits.length) return
      const engines = await store.answer(q, request, true)
      if (ticket === asked) answer.value = engines
    },
    { immediate: true },
  )
  return {
    parsed,
    hits: computed(() => answer.value.hits),
    notice: computed(() => answer.value.notice),
    error: computed(() => store.error),
    provisional: computed(() => answer.value.provisional === true),
    answered,
    waiting: computed(() => {
      if (!store.engine) return 'index'
      if (answer.value.hits.length) return null
      // Asked, and what is shown answers the question before (an empty box's): not 没有找到 meanwhile.
      if (answeredFor.value !== parsed.value) return 'answer'
      if (!answer.value.provisional) return null
      return store.indexReady ? 'answer' : 'index'
    }),
  }
}
