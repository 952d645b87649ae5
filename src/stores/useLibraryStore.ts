import catalog from 'virtual:study-catalog'
import { defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef } from 'vue'
import { toCatalogEntry } from '@/lib/content/corpus'
import { cleanImportedText, cleanTitle, localDocument, newLocalId, type LocalDocumentRecord } from '@/lib/content/localDocument'
import { collectTermLinks, type TermLink } from '@/lib/content/termLinks'
import type { CatalogEntry, StudyDocument } from '@/lib/content/types'
import { openLibraryDb, type LibraryRepository } from '@/lib/storage/libraryDb'
import { useProgressStore } from './useProgressStore'

/** The documents: the bundled catalog (in the app shell), the bundled texts (a lazy chunk), and the branch's own. */
export const useLibraryStore = defineStore('library', () => {
  const bundled = shallowRef<StudyDocument[] | null>(null)
  const records = ref<LocalDocumentRecord[]>([])
  const storageError = ref<string | null>(null)
  let loadingBundled: Promise<StudyDocument[]> | null = null
  let repository: Promise<LibraryRepository | null> | null = null

  /** The branch's documents, parsed like bundled ones; a record that no longer parses is left out, not fatal. */
  const local = computed<StudyDocument[]>(() =>
    markRaw(
      records.value.flatMap((record) => {
        try {
          return [localDocument(record)]
        } catch (error) {
          console.warn(`local document ${record.id} could not be parsed`, error)
          return []
        }
      }),
    ),
  )
  const entries = computed<CatalogEntry[]>(() => [...catalog, ...local.value.map(toCatalogEntry)])
  const termLinks = computed<TermLink[]>(() => (bundled.value ? collectTermLinks(bundled.value) : []))

  function openRepository(): Promise<LibraryRepository | null> {
    repository ??= openLibraryDb().catch((error: unknown) => {
      console.warn('IndexedDB unavailable', error)
      storageError.value = '此浏览器无法保存本地文件（可能处于无痕模式）。添加的文件仅在本次打开期间可用。'
      return null
    })
    return repository
  }

  const localReady = openRepository().then(async (repo) => {
    if (repo) records.value = await repo.all()
  })

  function loadBundled(): Promise<StudyDocument[]> {
    loadingBundled ??= import('virtual:study-corpus').then(({ default: documents }) => {
      bundled.value = markRaw(documents)
      return documents
    })
    return loadingBundled
  }

  async function getDocument(id: string): Promise<StudyDocument | undefined> {
    if (id.startsWith('local-')) {
      await localReady
      return local.value.find((doc) => doc.id === id)
    }
    return (await loadBundled()).find((doc) => doc.id === id)
  }

  /** Parses before saving, so a text that cannot become a document never reaches the library. */
  async function save(record: LocalDocumentRecord): Promise<void> {
    localDocument(record)
    await (await openRepository())?.put(record)
    records.value = [...records.value.filter((r) => r.id !== record.id), record].sort((a, b) => a.addedAt.localeCompare(b.addedAt))
  }

  async function addDocument(input: { title: string; text: string; origin: string }): Promise<string> {
    await localReady
    const now = new Date()
    const text = cleanImportedText(input.text)
    const record: LocalDocumentRecord = {
      id: newLocalId(now),
      title: cleanTitle(input.title, text.split('\n')[0]!.slice(0, 20)),
      text,
      origin: input.origin,
      addedAt: now.toISOString(),
      updatedAt: now.toISOString(),
    }
    await save(record)
    return record.id
  }

  function find(id: string): LocalDocumentRecord {
    const record = records.value.find((r) => r.id === id)
    if (!record) throw new Error(`no local document ${id}`)
    return record
  }

  async function renameDocument(id: string, title: string): Promise<void> {
    const record = find(id)
    await save({ ...record, title: cleanTitle(title, record.title), updatedAt: new Date().toISOString() })
  }

  /** New text under the same id: the document's cards keep their progress where passages are unchanged. */
  async function replaceDocument(id: string, input: { text: string; origin: string }): Promise<void> {
    await useProgressStore().snapshot('替换文档')
    await save({ ...find(id), text: cleanImportedText(input.text), origin: input.origin, updatedAt: new Date().toISOString() })
  }

  async function deleteDocument(id: string): Promise<void> {
    await useProgressStore().snapshot('删除文档')
    await (await openRepository())?.delete(id)
    records.value = records.value.filter((r) => r.id !== id)
  }

  return {
    entries, bundled, local, records, termLinks, storageError, localReady,
    loadBundled, getDocument, addDocument, renameDocument, replaceDocument, deleteDocument,
  }
})
