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
  // The documents indexed with filled text, by id, with the passages they were indexed from: a reload of
  // the records that changes nothing (after a backup import) re-indexes nothing.
  let indexed = new Map<string, StudyDocument['passages']>()
  let forEngine: unknown = null
  watch(
    [() => search.engine, () => official.changedDocuments, () => official.records.length],
    ([engine, changed]) => {
      if (!engine) return
      // The page's copy of the texts is fetched only when this browser holds records to re-index them with;
      // once it arrives, changedDocuments changes and this runs again.
      if (official.records.length && !library.bundled) void library.loadBundled().catch(() => undefined)
      if (engine !== forEngine) (forEngine = engine), (indexed = new Map())
      const now = new Map(changed.map((doc) => [doc.id, doc.passages]))
      const fresh = changed.filter((doc) => !samePassages(indexed.get(doc.id), doc.passages))
      // A document whose records were cleared goes back to its bundled text.
      const restored: StudyDocument[] = (library.bundled ?? []).filter((doc) => indexed.has(doc.id) && !now.has(doc.id))
      void search.replaceDocuments([...fresh, ...restored])
      indexed = now
    },
    { immediate: true },
  )
}

/** Same passages, the same texts in the same places (applying records makes new objects each time). */
function samePassages(a: StudyDocument['passages'] | undefined, b: StudyDocument['passages']): boolean {
  return !!a && a.length === b.length && a.every((p, i) => p.anchor === b[i]!.anchor && p.text === b[i]!.text)
}
