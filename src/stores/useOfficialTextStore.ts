import { defineStore } from 'pinia'
import { computed, markRaw, ref } from 'vue'
import { applyOfficialText, recordsInForce, type OfficialTextRecord } from '@/lib/content/officialRecords'
import type { StudyDocument } from '@/lib/content/types'
import { openOfficialTextDb, type OfficialTextRepository } from '@/lib/storage/officialTextDb'
import { useLibraryStore } from './useLibraryStore'
import { openOnce } from '@/lib/storage/openOnce'

/**
 * Passages this branch filled (or, by choice, replaced) from its own official copy of a bundled text.
 * Reader, search and card bank read bundled documents through `apply`, so a filled gap is read,
 * found and quizzed like the rest.
 */
export const useOfficialTextStore = defineStore('officialText', () => {
  const library = useLibraryStore()
  const records = ref<OfficialTextRecord[]>([])
  const storageError = ref<string | null>(null)

  const openRepository = openOnce(openOfficialTextDb, () => (storageError.value = '此浏览器无法长期保存补入的正文（可能处于无痕模式），补入的内容仅在本次打开期间有效。'))

  /** Reads the records again, e.g. after a backup file restored them (officialTextDb#importOfficialText). */
  async function reload(): Promise<void> {
    const repo = await openRepository()
    if (repo) records.value = await repo.all()
  }
  const ready = reload()

  function apply(doc: StudyDocument): StudyDocument {
    return applyOfficialText(doc, records.value)
  }

  /** Bundled documents that read differently in this browser, with their records applied. */
  const changedDocuments = computed<StudyDocument[]>(() =>
    markRaw((library.bundled ?? []).filter((doc) => recordsInForce(doc, records.value).size).map(apply)),
  )

  function recordsFor(docId: string): OfficialTextRecord[] {
    return records.value.filter((r) => r.docId === docId)
  }

  /** Takes over the confirmed passages of one document; earlier records of other passages stay. */
  async function confirm(docId: string, confirmed: readonly OfficialTextRecord[]): Promise<void> {
    await ready
    const anchors = new Set(confirmed.map((r) => r.anchor))
    const next = [...recordsFor(docId).filter((r) => !anchors.has(r.anchor)), ...confirmed]
    await (await openRepository())?.replaceDocument(docId, next)
    records.value = [...records.value.filter((r) => r.docId !== docId), ...next]
  }

  /** Back to the bundled text for one document. */
  async function clear(docId: string): Promise<void> {
    await ready
    await (await openRepository())?.replaceDocument(docId, [])
    records.value = records.value.filter((r) => r.docId !== docId)
  }

  return { records, storageError, ready, changedDocuments, apply, recordsFor, confirm, clear, reload }
})
