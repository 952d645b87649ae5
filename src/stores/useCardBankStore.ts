import { defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef, watch } from 'vue'
import type { Card } from '@/lib/cards/types'
import { generateCardsOffThread } from '@/workers/cardWorker'
import { useImportedBankStore } from './useImportedBankStore'
import { useLibraryStore } from './useLibraryStore'
import { useOfficialTextStore } from './useOfficialTextStore'

/**
 * The one card bank of the app: generated cards of the bundled texts and the branch's own
 * documents, plus the hand-written cards shipped beside the texts, plus the questions of banks the
 * branch imported (useImportedBankStore). Study, quiz and meeting all read it, so a card has the
 * same id and wording everywhere.
 */
export const useCardBankStore = defineStore('cardBank', () => {
  const library = useLibraryStore()
  const official = useOfficialTextStore()
  const imported = useImportedBankStore()
  const generatedCards = shallowRef<readonly Card[] | null>(null)
  // The deck: generated and hand-written cards, then imported ones (their ids never collide: `imported:…`).
  const cards = computed<readonly Card[] | null>(() => generatedCards.value && markRaw([...generatedCards.value, ...imported.cards]))
  const error = ref<string | null>(null)
  let loading: Promise<void> | null = null

  // Generated in a worker, which loads the bundled texts and the hand-written cards itself (the page's copy of
  // the texts is fetched only if no worker can run); only the latest request's bank is kept.
  let asked = 0
  async function regenerate(): Promise<void> {
    const ticket = ++asked
    const generated = await generateCardsOffThread({ local: library.local, records: official.records, bundled: () => library.loadBundled() })
    if (ticket === asked) generatedCards.value = markRaw(generated)
  }

  function ensureLoaded(): Promise<void> {
    loading ??= Promise.all([library.localReady, official.ready, imported.ready])
      .then(() => regenerate())
      .catch((cause: unknown) => {
        console.error('card bank failed', cause)
        error.value = '题库加载失败，请检查网络后刷新页面。'
        loading = null
      })
    return loading
  }

  // The branch's documents changed: their cards follow.
  watch(() => library.local, () => cards.value && void regenerate().catch(report))
  // Passages filled from the branch's official copy: their cards follow.
  watch(() => official.records, () => cards.value && void regenerate().catch(report))
  function report(cause: unknown) {
    console.error('card bank failed', cause)
  }

  const cardById = computed(() => new Map((cards.value ?? []).map((card) => [card.id, card])))
  return { cards, cardById, error, ensureLoaded }
})
