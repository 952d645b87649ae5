import { defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef, watch } from 'vue'
import { generateCards } from '@/lib/cards'
import type { Card } from '@/lib/cards/types'
import type { StudyDocument } from '@/lib/content/types'
import { useLibraryStore } from './useLibraryStore'
import { useOfficialTextStore } from './useOfficialTextStore'

/**
 * The one card bank of the app: generated cards of the bundled texts and the branch's own
 * documents, plus the hand-written cards shipped beside the texts. Study, quiz and meeting
 * all read it, so a card has the same id and wording everywhere.
 */
export const useCardBankStore = defineStore('cardBank', () => {
  const library = useLibraryStore()
  const official = useOfficialTextStore()
  const cards = shallowRef<readonly Card[] | null>(null)
  const error = ref<string | null>(null)
  let manual: readonly Card[] = []
  let loading: Promise<void> | null = null

  function regenerate(bundled: readonly StudyDocument[]) {
    cards.value = markRaw(generateCards([...bundled.map(official.apply), ...library.local], manual))
  }

  function ensureLoaded(): Promise<void> {
    loading ??= Promise.all([library.loadBundled(), import('virtual:manual-cards'), library.localReady, official.ready])
      .then(([bundled, { default: written }]) => {
        manual = written
        regenerate(bundled)
      })
      .catch((cause: unknown) => {
        console.error('card bank failed', cause)
        error.value = '题库加载失败，请检查网络后刷新页面。'
        loading = null
      })
    return loading
  }

  // The branch's documents changed: their cards follow.
  watch(() => library.local, () => library.bundled && cards.value && regenerate(library.bundled))
  // Passages filled from the branch's official copy: their cards follow.
  watch(() => official.records, () => library.bundled && cards.value && regenerate(library.bundled))

  const cardById = computed(() => new Map((cards.value ?? []).map((card) => [card.id, card])))
  return { cards, cardById, error, ensureLoaded }
})
