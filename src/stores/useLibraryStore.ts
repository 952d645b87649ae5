import catalog from 'virtual:study-catalog'
import { defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef } from 'vue'
import { toCatalogEntry } from '@/lib/content/catalog'
import { cleanImportedText, cleanTitle, ImportError, newLocalId, type LocalDocumentRecord } from '@/lib/content/localDocument'
import { collectTermLinks, type TermLink } from '@/lib/content/termLinks'
import type { CatalogEntry, StudyDocument } from '@/lib/content/types'
import { openLibraryDb, type LibraryRepository } from '@/lib/storage/libraryDb'
import { parseLocalDocumentOffThread, parseLocalDocuments } from '@/workers/contentWorker'
import { openOnce } from '@/lib/storage/openOnce'

/** The documents: the bundled catalog (in the app shell), the bundled texts (a lazy chunk), and the branch's own. */
export const useLibraryStore = defineStore('library', () => {
  const bundled = shallowRef<StudyDocument[] | null>(null)
  const records = ref<LocalDocumentRecord[]>([])
  /** Parsed forms by id: stored beside each record, so start-up reads them instead of parsing again. */
  const parsed = shallowRef<ReadonlyMap<string, StudyDocument>>(new Map())
  const storageError = ref<string | null>(null)
  let loadingBundled: Promise<StudyDocument[]> | null = null

  /** The branch's documents, parsed like bundled ones; a record that does not parse is left out, not fatal. */
  const local = computed<StudyDocument[]>(() => markRaw(records.value.flatMap((record) => parsed.value.get(record.id) ?? [])))
  const entries = computed<CatalogEntry[]>(() => [...catalog, ...local.value.map(toCatalogEntry)])
  const termLinks = computed<TermLink[]>(() => (bundled.value ? collectTermLinks(bundled.value) : []))

  const openRepository = openOnce(openLibraryDb, () => (storageError.value = '此浏览器无法保存本地文件（可能处于无痕模式）。添加的文件仅在本次打开期间可用。'))

  /**
   * Reads the stored documents; only those without a valid stored parsed form (a new version of the parser,
   * a record restored from a backup) are parsed, off the main thread, and their parsed forms kept.
   */
  async function loadLocal(): Promise<void> {
    const repo = await openRepository()
    if (!repo) return
    const stored = await repo.loadParsed().catch((error: unknown) => {
      console.warn('local documents could not be read', error)
      storageError.value = '本地文件暂时无法读取，请刷新页面后再试。'
      return null
    })
    if (!stored) return
    const missing = stored.filter((s) => !s.parsed).map((s) => s.record)
    const outcomes = await parseLocalDocuments(missing)
    const byId = new Map(stored.flatMap((s) => (s.parsed ? [[s.record.id, markRaw(s.parsed)] as const] : [])))
    const writes = missing.map((record, i) => {
      const outcome = outcomes[i]
      if (outcome && 'document' in outcome) {
        byId.set(record.id, markRaw(outcome.document))
        return repo.putParsed(record, outcome.document).catch((error: unknown) => console.warn('parsed form not stored', error))
      }
      console.warn(`local document ${record.id} could not be parsed`, outcome?.error)
      return undefined
    })
    // Kept before the list shows: a member who opens the document at once would otherwise leave the page
    // before the write commits, and the next start-up would parse it all over again.
    await Promise.all(writes)
    parsed.value = byId
    records.value = stored.map((s) => s.record)
  }
  const localReady = loadLocal()

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

  /** Parses before saving, so a text that cannot become a document never reaches the library; stores both. */
  async function save(record: LocalDocumentRecord): Promise<void> {
    const document = markRaw(await parseLocalDocumentOffThread(record))
    await (await openRepository())?.put(record, document)
    parsed.value = new Map(parsed.value).set(record.id, document)
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
    if (!record) throw new ImportError('找不到这个本地文件，可能已在其他窗口中删除。请刷新页面后再试。')
    return record
  }

  async function renameDocument(id: string, title: string): Promise<void> {
    const record = find(id)
    await save({ ...record, title: cleanTitle(title, record.title), updatedAt: new Date().toISOString() })
  }

  /** A safety net before a risky change; the progress store (and its scheduler) loads only when it is needed. */
  async function snapshotProgress(reason: string): Promise<void> {
    const { useProgressStore } = await import('./useProgressStore')
    await useProgressStore().snapshot(reason)
  }

  /** New text under the same id: the document's cards keep their progress where passages are unchanged. */
  async function replaceDocument(id: string, input: { text: string; origin: string }): Promise<void> {
    await snapshotProgress('替换文档')
    await save({ ...find(id), text: cleanImportedText(input.text), origin: input.origin, updatedAt: new Date().toISOString() })
  }

  async function deleteDocument(id: string): Promise<void> {
    // Named, so the snapshot list says which document it still holds.
    await snapshotProgress(`删除文档“${records.value.find((r) => r.id === id)?.title ?? id}”`)
    await (await openRepository())?.delete(id)
    records.value = records.value.filter((r) => r.id !== id)
    const rest = new Map(parsed.value)
    rest.delete(id)
    parsed.value = rest
  }

  return {
    entries, bundled, local, records, termLinks, storageError, localReady,
    /** Re-reads the branch's documents after something else wrote them (a restored backup). */
    reloadLocal: loadLocal,
    loadBundled, getDocument, addDocument, renameDocument, replaceDocument, deleteDocument,
  }
})
