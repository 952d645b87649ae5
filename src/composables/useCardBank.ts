import { computed, type Ref } from 'vue'
import type { Card } from '@/lib/cards/types'
import { useCardBankStore } from '@/stores/useCardBankStore'

export interface UseCardBankReturn {
  cards: Readonly<Ref<readonly Card[]>>
  loading: Readonly<Ref<boolean>>
  error: Readonly<Ref<string | null>>
  /** Card counts per document, for the setup page. */
  countByDoc: Readonly<Ref<Map<string, number>>>
}

/** The app's card bank (useCardBankStore), loaded on first use, with counts per document. */
export function useCardBank(): UseCardBankReturn {
  const bank = useCardBankStore()
  void bank.ensureLoaded()
  const cards = computed(() => bank.cards ?? [])
  const countByDoc = computed(() => {
    const counts = new Map<string, number>()
    for (const card of cards.value) counts.set(card.docId, (counts.get(card.docId) ?? 0) + 1)
    return counts
  })
  return { cards, loading: computed(() => bank.cards === null && !bank.error), error: computed(() => bank.error), countByDoc }
}
