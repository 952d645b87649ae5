import { newLocalId, type LocalDocumentRecord } from '../content/localDocument'
import type { StudyDocument } from '../content/types'
import { parseQuiz } from '../meeting/persist'
import { createQuizStore } from '../meeting/quizStore'
import type { Quiz } from '../meeting/types'
import { isOfficialTextRecord, screenOfficialRecords, type OfficialTextRecord } from '../content/alignFills'
import { earlierRevisionOfPassage } from '../content/alignRevision'
import { mergeSets, screenImportedSet, setCardIds, type ImportedBankSet } from '../bank/importedSet'
import { openBankDb } from './bankDb'
import { isLocalDocumentRecord, openLibraryDb } from './libraryDb'
import { importOfficialText, openOfficialTextDb } from './officialTextDb'
import type { KeyValueStore } from './localSetting'
import { openProgressDb, type QuarantineRecord } from './progressDb'

/**
 * The backup holds everything a member would miss. Study progress (card states, review logs,
 * 错题本, study settings) is the core of the file (progressTransfer); everything else is a
 * section here. Adding a kind of record is one entry in `defaultSections`.
 */
export interface BackupSection<T = unknown> {
  /** The field in the file. */
  key: string
  /** In messages: 已恢复 3 份{label}. */
  label: string
  /** False where the data cannot be reached (localStorage in a worker): the page restores it instead. */
  available(): boolean
  /** A well-formed record; anything else is kept aside, not written. */
  accept(value: unknown): value is T
  idOf(record: T): string
  read(): Promise<T[]>
  /**
   * Merges: writes what the device lacks or has older, never deletes; returns how many were written.
   * 'overwrite' (restoring a snapshot) writes every record as it was then. An import from a file
   * passes `checks`: what the file brings is checked against the app's own texts, and what was
   * refused or changed is said in `checks.notes`.
   */
  restore(records: T[], mode?: 'merge' | 'overwrite', checks?: ImportChecks): Promise<number>
  /**
   * The card ids a record brings (an imported bank's questions): progress on such ids is kept on
   * import only when a set that holds them is on the device or in the file, as progress on a
   * document's cards is kept only when the document is.
   */
  cardIds?(record: T): string[]
}

/** What an import from a file is checked against, and where it says what it did. */
export interface ImportChecks {
  /** The bundled documents: their ids are reserved, and filled passages are checked against their text. */
  bundled: readonly StudyDocument[]
  now: number
  /** Lines for the import summary, in Chinese. */
  notes: string[]
}

const hasIndexedDb = () => typeof (globalThis as { indexedDB?: unknown }).indexedDB !== 'undefined'

/** Opens a repository for one piece of work and always closes it: a backup never holds a connection open. */
async function withRepository<R extends { close(): void }, T>(open: () => Promise<R>, work: (repo: R) => Promise<T>): Promise<T> {
  const repo = await open()
  try {
    return await work(repo)
  } finally {
    repo.close()
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isString = (v: unknown): v is string => typeof v === 'string'

export function isDocumentRecord(value: unknown): value is LocalDocumentRecord {
  return isLocalDocumentRecord(value) && value.id.length > 0 && value.id.length <= 200
}

/** The branch's own documents, with their ids: their cards' progress points at those ids. */
export function documentsSection(open = () => openLibraryDb()): BackupSection<LocalDocumentRecord> {
  return {
    key: 'documents',
    label: '本支部文档',
    available: hasIndexedDb,
    accept: isDocumentRecord,
    idOf: (d) => d.id,
    read: () => withRepository(open, (repo) => repo.all()),
    restore: (records, mode = 'merge', checks) =>
      withRepository(open, async (repo) => {
        const mine = new Map((await repo.all()).map((d) => [d.id, d]))
        const reserved = new Set(checks?.bundled.map((d) => d.id))
        const texts = new Set([...mine.values()].map((d) => d.text))
        let written = 0
        for (const record of records) {
          // A plain record in exactly the library's shape: no stray fields from the file.
          const { id, title, text, origin, addedAt, updatedAt } = record
          if (checks && (reserved.has(id) || !id.startsWith('local-'))) {
            checks.notes.push(`备份中的文档“${title}”使用了${reserved.has(id) ? '内置文本' : '非本支部文档'}的编号“${id}”，未导入（内置文本不会被备份替换）`)
            continue
          }
          const ours = mine.get(id)
          if (mode === 'merge' && ours && ours.text !== text && checks) {
            // The same id with other words: both are kept, the backup's as a second document.
            if (texts.has(text)) continue
            const copy = { id: newLocalId(new Date(checks.now)), title: `${title}（备份中的版本）`, text, origin, addedAt, updatedAt }
            await repo.put(copy)
            texts.add(text)
            checks.notes.push(`备份中的“${title}”与本机同一文档的内容不同，本机文档保持不变，备份中的版本另存为“${copy.title}”`)
            written++
            continue
          }
          if (mode === 'merge' && ours && ours.updatedAt >= updatedAt) continue
          await repo.put({ id, title, text, origin, addedAt, updatedAt })
          texts.add(text)
          written++
        }
        return written
      }),
  }
}

/**
 * The question banks the branch imported and kept. Checked as they come in: a set whose name and id
 * disagree or that is too large is refused, an implausible question (a key naming an option it lacks,
 * a 判断 not 正确/错误, oversized text) is left out and said in the summary; a set the device has
 * already is merged, question by question, never shrunk.
 */
export function importedBanksSection(open = () => openBankDb()): BackupSection<ImportedBankSet> {
  return {
    key: 'importedBanks',
    label: '导入的题库',
    available: hasIndexedDb,
    accept: (v): v is ImportedBankSet => screenImportedSet(v) !== null,
    idOf: (s) => s.id,
    cardIds: setCardIds,
    read: () => withRepository(open, (repo) => repo.all()),
    restore: (records, mode = 'merge', checks) =>
      withRepository(open, async (repo) => {
        const mine = new Map((await repo.all()).map((s) => [s.id, s]))
        let written = 0
        for (const record of records) {
          const screened = screenImportedSet(record)
          if (!screened) continue
          if (checks && screened.dropped) checks.notes.push(`导入的题库“${screened.set.fileName}”中有 ${screened.dropped} 道题内容不完整或答案与选项不符，未导入`)
          const ours = mine.get(screened.set.id)
          const next = mode === 'merge' && ours ? mergeSets(ours, screened.set) : screened.set
          if (next === ours) continue
          await repo.put(next)
          if (checks) checks.notes.push(`导入的题库“${next.fileName}”：${ours ? `新增 ${next.questions.length - ours.questions.length} 道题` : `${next.questions.length} 道题`}`)
          written++
        }
        return written
      }),
  }
}

export function quizzesSection(store = createQuizStore()): BackupSection<Quiz> {
  return {
    key: 'quizzes',
    label: '竞赛题目',
    available: hasIndexedDb,
    accept: (v): v is Quiz => parseQuiz(v) !== null,
    idOf: (q) => q.id,
    read: () => store.list(),
    async restore(records, mode = 'merge') {
      const mine = new Map((await store.list()).map((q) => [q.id, q]))
      let written = 0
      for (const quiz of records) {
        const ours = mine.get(quiz.id)
        if (mode === 'merge' && ours && ours.updatedAt >= quiz.updatedAt) continue
        await store.save(quiz)
        written++
      }
      return written
    },
  }
}

/** Reading and meeting preferences kept in localStorage (font size, the quiz being set up). */
export const PREFERENCE_KEYS = ['study-garden:reader-font-size', 'study-garden:meeting-draft'] as const
export interface Preference {
  key: string
  /** The stored JSON text, as localStorage holds it. */
  value: string
}

export function preferencesSection(storage: () => KeyValueStore | undefined = () => (globalThis as { localStorage?: KeyValueStore }).localStorage): BackupSection<Preference> {
  return {
    key: 'preferences',
    label: '阅读与竞赛设置',
    available: () => storage() !== undefined,
    accept: (v): v is Preference =>
      isObject(v) && isString(v.key) && (PREFERENCE_KEYS as readonly string[]).includes(v.key) && isString(v.value) && v.value.length < 1_000_000,
    idOf: (p) => p.key,
    async read() {
      const s = storage()
      return PREFERENCE_KEYS.flatMap((key) => {
        const value = s?.getItem(key)
        return value == null ? [] : [{ key, value }]
      })
    },
    async restore(records, mode = 'merge') {
      const s = storage()
      let written = 0
      // The device's own choices stay; a backup fills in only what this device never set.
      for (const { key, value } of records) {
        if (s && (mode === 'overwrite' || s.getItem(key) == null)) {
          s.setItem(key, value)
          written++
        }
      }
      return written
    },
  }
}

/** Records kept aside by an import or the integrity check travel with the backup: nothing is left behind. */
export function quarantineSection(open = () => openProgressDb()): BackupSection<QuarantineRecord> {
  return {
    key: 'quarantine',
    label: '隔离区记录',
    available: hasIndexedDb,
    accept: (v): v is QuarantineRecord => isObject(v) && isString(v.id) && isString(v.kind) && isString(v.reason) && typeof v.at === 'number' && 'record' in v,
    idOf: (q) => q.id,
    read: () => withRepository(open, (repo) => repo.listQuarantine()),
    restore: (records) =>
      withRepository(open, async (repo) => {
        const known = new Set((await repo.listQuarantine()).map((q) => q.id))
        const fresh = records.filter((q) => !known.has(q.id))
        await repo.putQuarantine(fresh)
        return fresh.length
      }),
  }
}

/** Passages the branch filled or replaced from its own official copy of a bundled text. */
export function officialTextSection(open = () => openOfficialTextDb()): BackupSection<OfficialTextRecord> {
  return {
    key: 'officialText',
    label: '据正式文本补入的段落',
    available: hasIndexedDb,
    accept: isOfficialTextRecord,
    idOf: (r) => r.id,
    read: () => withRepository(open, (repo) => repo.all()),
    // The later confirmation of a passage wins, in both modes: a snapshot never undoes a newer check.
    // From a file, each passage is checked as a pasted official copy would be, and named in the summary.
    restore: (records, _mode, checks) => {
      if (!checks) return withRepository(open, (repo) => importOfficialText(repo, records))
      const screened = screenOfficialRecords(records, checks.bundled, earlierRevisionOfPassage)
      return withRepository(open, async (repo) => {
        const taken = await importOfficialText(repo, screened.use)
        if (taken) checks.notes.push(`据正式文本补入或替换 ${taken} 段：${screened.taken.join('、')}`)
        if (screened.refused.length) checks.notes.push(`未采用 ${screened.refused.length} 段补入文字：${screened.refused.join('；')}`)
        return taken
      })
    },
  }
}

/** Every section, in restore order (documents and imported banks first: card progress is checked against them). */
export function defaultSections(): BackupSection[] {
  return [documentsSection(), importedBanksSection(), officialTextSection(), quizzesSection(), preferencesSection(), quarantineSection()] as BackupSection[]
}
