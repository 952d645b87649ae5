import { computed, markRaw, ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import { generateCards } from '@/lib/cards'
import type { Card } from '@/lib/cards/types'
import { useLibraryStore } from '@/stores/useLibraryStore'

export interface UseCardBankReturn {
  cards: ShallowRef<readonly Card[]>
  loading: Ref<boolean>
  error: Ref<string | null>
  /** Card counts per document, for the setup page. */
  countByDoc: Readonly<Ref<Map<string, number>>>
}

/** Every card of the bundled and the branch's own documents, generated once the texts have loaded. */
export function useCardBank(): UseCardBankReturn {
  const library = useLibraryStore()
  const cards = shallowRef<readonly Card[]>([])
  const loading = ref(true)
  const error = ref<string | null>(null)
  library
    .loadBundled()
    .then((bundled) => {
      cards.value = markRaw(generateCards([...bundled, ...library.local]))
    })
    .catch((cause: unknown) => {
      console.warn('card bank failed to load', cause)
      error.value = '题库加载失败，请刷新页面后重试。'
    })
    .finally(() => (loading.value = false))
  const countByDoc = computed(() => {
    const counts = new Map<string, number>()
    for (const card of cards.value) counts.set(card.docId, (counts.get(card.docId) ?? 0) + 1)
    return counts
  })
  return { cards, loading, error, countByDoc }
}
