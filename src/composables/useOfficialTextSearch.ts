import { watch } from 'vue'
import type { StudyDocument } from '@/lib/content/types'
import { useLibraryStore } from '@/stores/useLibraryStore'
import { useOfficialTextStore } from '@/stores/useOfficialTextStore'
import { useSearchStore } from '@/stores/useSearchStore'

/**
 * Keeps the search index in step with passages filled from the branch's official copy: a changed bundled
 * document is re-indexed through the same add/remove route as the branch's own documents.
 * Call once, from the app shell.
 */
export function useOfficialTextSearch(): void {
  const search = useSearchStore()
  const official = useOfficialTextStore()
  const library = useLibraryStore()
  let indexed = new Set<string>()
  watch(
    [() => search.engine, () => official.changedDocuments],
    ([engine, changed]) => {
      if (!engine) return
      const now = new Set(changed.map((doc) => doc.id))
      // A document whose records were cleared goes back to its bundled text.
      const restored: StudyDocument[] = (library.bundled ?? []).filter((doc) => indexed.has(doc.id) && !now.has(doc.id))
      void search.replaceDocuments([...changed, ...restored])
      indexed = now
    },
    { immediate: true },
  )
}
