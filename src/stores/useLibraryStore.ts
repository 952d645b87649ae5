import catalog from 'virtual:study-catalog'
import { defineStore } from 'pinia'
import { computed, markRaw, shallowRef } from 'vue'
import { toCatalogEntry } from '@/lib/content/corpus'
import { collectTermLinks, type TermLink } from '@/lib/content/termLinks'
import type { CatalogEntry, StudyDocument } from '@/lib/content/types'

/** The documents: the bundled catalog (in the app shell), the bundled texts (a lazy chunk), and the branch's own. */
export const useLibraryStore = defineStore('library', () => {
  const bundled = shallowRef<StudyDocument[] | null>(null)
  const local = shallowRef<StudyDocument[]>([])
  let loading: Promise<StudyDocument[]> | null = null

  const entries = computed<CatalogEntry[]>(() => [...catalog, ...local.value.map(toCatalogEntry)])
  const termLinks = computed<TermLink[]>(() => (bundled.value ? collectTermLinks(bundled.value) : []))

  function loadBundled(): Promise<StudyDocument[]> {
    loading ??= import('virtual:study-corpus').then(({ default: documents }) => {
      bundled.value = markRaw(documents)
      return documents
    })
    return loading
  }

  async function getDocument(id: string): Promise<StudyDocument | undefined> {
    const fromLocal = local.value.find((doc) => doc.id === id)
    if (fromLocal) return fromLocal
    return (await loadBundled()).find((doc) => doc.id === id)
  }

  function setLocalDocuments(documents: StudyDocument[]) {
    local.value = markRaw([...documents])
  }

  return { entries, bundled, local, termLinks, loadBundled, getDocument, setLocalDocuments }
})
