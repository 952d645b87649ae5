import { computed, type ComputedRef } from 'vue'
import { IMPORTED_DOC_ID, IMPORTED_DOC_TITLE } from '@/lib/bank/toCard'
import { noCardsReason } from '@/lib/cards'
import { CARD_TYPE_LABELS, type CardType } from '@/lib/cards/types'
import { chapterOf } from '@/lib/schedule'
import { useLibraryStore } from '@/stores/useLibraryStore'
import { useStudyStore } from '@/stores/useStudyStore'

export interface DeckDocumentChoice {
  id: string
  title: string
  /** Cards generated from the document (0: nothing to study there yet). */
  cards: number
  /** Why a branch document gives no card, said beside its “0张”. */
  reason?: string
}

export interface UseDeckChoicesReturn {
  documents: ComputedRef<DeckDocumentChoice[]>
  /** The card types that occur in the card bank, in their canonical order. */
  types: ComputedRef<CardType[]>
  /** Chapters new cards may start from (`constitution›第一章　党员`), in text order. */
  chapters: ComputedRef<{ key: string; label: string }[]>
}

/** What the study and quiz settings offer to choose from: every document with its card count, and the card types present. */
export function useDeckChoices(): UseDeckChoicesReturn {
  const library = useLibraryStore()
  const study = useStudyStore()
  const documents = computed(() => {
    const counts = new Map<string, number>()
    for (const card of study.cards ?? []) counts.set(card.docId, (counts.get(card.docId) ?? 0) + 1)
    const reasons = new Map(library.local.map((doc) => [doc.id, noCardsReason(doc, counts.get(doc.id) ?? 0)]))
    const documents: DeckDocumentChoice[] = library.entries.map((doc) => {
      const reason = reasons.get(doc.id)
      return { id: doc.id, title: doc.shortTitle || doc.title, cards: counts.get(doc.id) ?? 0, ...(reason ? { reason } : {}) }
    })
    // Imported questions no text was found for are chosen together, as one more source.
    const imported = counts.get(IMPORTED_DOC_ID)
    return imported ? [...documents, { id: IMPORTED_DOC_ID, title: IMPORTED_DOC_TITLE, cards: imported }] : documents
  })
  const types = computed(() => {
    const present = new Set((study.cards ?? []).map((card) => card.type))
    return (Object.keys(CARD_TYPE_LABELS) as CardType[]).filter((type) => present.has(type))
  })
  const chapters = computed(() => {
    const titles = new Map([...library.entries.map((doc) => [doc.id, doc.shortTitle || doc.title] as const), [IMPORTED_DOC_ID, IMPORTED_DOC_TITLE] as const])
    const seen = new Map<string, string>()
    for (const card of study.cards ?? []) {
      const key = chapterOf(card)
      if (!seen.has(key)) seen.set(key, `${titles.get(card.docId) ?? card.docId} · ${key.split('›')[1] || '全文'}`)
    }
    return [...seen].map(([key, label]) => ({ key, label }))
  })
  return { documents, types, chapters }
}
