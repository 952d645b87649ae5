import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb'
import type { QuizMistake } from '../quiz/types'
import { sanitizeSettings } from '../schedule/settings'
import type { CardState, ReviewLogEntry, StudySettings } from '../schedule/types'
import { createProgressFile, isCardState, isQuizMistake, isReviewLog, mergeProgress, parseProgressFile } from './progressTransfer'
import type { MergeSummary, ProgressData, ProgressFile } from './progressTypes'

export const PROGRESS_DB_NAME = 'study-garden-progress'
export const PROGRESS_DB_VERSION = 2
const SETTINGS_KEY = 'study'

export interface ProgressSchema extends DBSchema {
  cardStates: { key: string; value: CardState; indexes: { byDoc: string } }
  reviewLogs: { key: string; value: ReviewLogEntry; indexes: { byCard: string; byReview: number } }
  mistakes: { key: string; value: QuizMistake; indexes: { byDoc: string } }
  settings: { key: string; value: StudySettings }
}

type UpgradeTransaction = IDBPTransaction<ProgressSchema, StoreNames<ProgressSchema>[], 'versionchange'>
type Migration = (db: IDBPDatabase<ProgressSchema>, tx: UpgradeTransaction) => Promise<void> | void

/**
 * Schema history; each step upgrades from the version before it.
 * v1: card states, review logs (with `review` as an ISO date string), settings.
 * v2: the 错题本 store; review times as epoch milliseconds with an index for statistics.
 */
export const MIGRATIONS: Record<number, Migration> = {
  1(db) {
    db.createObjectStore('cardStates', { keyPath: 'cardId' }).createIndex('byDoc', 'docId')
    db.createObjectStore('reviewLogs', { keyPath: 'id' }).createIndex('byCard', 'cardId')
    db.createObjectStore('settings')
  },
  async 2(db, tx) {
    db.createObjectStore('mistakes', { keyPath: 'id' }).createIndex('byDoc', 'docId')
    const logs = tx.objectStore('reviewLogs')
    logs.createIndex('byReview', 'review')
    for (let cursor = await logs.openCursor(); cursor; cursor = await cursor.continue()) {
      const review: unknown = cursor.value.review
      if (typeof review === 'string') {
        const ms = Date.parse(review)
        if (Number.isFinite(ms)) await cursor.update({ ...cursor.value, review: ms })
        else await cursor.delete()
      }
    }
  },
}

export interface OpenProgressOptions {
  name?: string
  /** Only for tests of the migrations: open an older schema. */
  version?: number
}

export async function openProgressDb({ name = PROGRESS_DB_NAME, version = PROGRESS_DB_VERSION }: OpenProgressOptions = {}): Promise<ProgressRepository> {
  const db = await openDB<ProgressSchema>(name, version, {
    async upgrade(database, oldVersion, newVersion, tx) {
      for (let v = oldVersion + 1; v <= (newVersion ?? version); v++) await MIGRATIONS[v]?.(database, tx)
    },
    blocking() {
      // Another tab wants a newer schema: step aside so it can upgrade.
      db.close()
    },
  })
  return new ProgressRepository(db)
}

export type ImportOutcome = { ok: true; summary: MergeSummary } | { ok: false; error: string }

/** Reads and writes the study progress; every multi-record change is one transaction. */
export class ProgressRepository {
  constructor(readonly db: IDBPDatabase<ProgressSchema>) {}

  async loadAll(): Promise<ProgressData> {
    const tx = this.db.transaction(['cardStates', 'reviewLogs', 'mistakes', 'settings'])
    const [cardStates, reviewLogs, mistakes, settings] = await Promise.all([
      tx.objectStore('cardStates').getAll(),
      tx.objectStore('reviewLogs').index('byReview').getAll(),
      tx.objectStore('mistakes').getAll(),
      tx.objectStore('settings').get(SETTINGS_KEY),
    ])
    await tx.done
    // Records damaged by hand or by another version are skipped rather than breaking the page.
    return {
      cardStates: cardStates.filter(isCardState),
      reviewLogs: reviewLogs.filter(isReviewLog),
      mistakes: mistakes.filter(isQuizMistake),
      settings: settings ? sanitizeSettings(settings) : null,
    }
  }

  /** Stores a rating: the card's new state and its log, together. */
  async saveReview(state: CardState, log: ReviewLogEntry): Promise<void> {
    const tx = this.db.transaction(['cardStates', 'reviewLogs'], 'readwrite')
    const writes = [tx.objectStore('cardStates').put(state), tx.objectStore('reviewLogs').put(log)]
    // Commit at once rather than when the event loop idles: a tab closed right after a rating keeps it.
    tx.commit?.()
    await Promise.all([...writes, tx.done])
  }

  /** Takes a rating back: the state before it (none for a card that was new) and without its log. */
  async undoReview(before: CardState | null, cardId: string, logId: string): Promise<void> {
    const tx = this.db.transaction(['cardStates', 'reviewLogs'], 'readwrite')
    const states = tx.objectStore('cardStates')
    await Promise.all([before ? states.put(before) : states.delete(cardId), tx.objectStore('reviewLogs').delete(logId), tx.done])
  }

  async putCardState(state: CardState): Promise<void> {
    await this.db.put('cardStates', state)
  }

  async saveSettings(settings: StudySettings): Promise<void> {
    await this.db.put('settings', settings, SETTINGS_KEY)
  }

  async putMistakes(mistakes: QuizMistake[]): Promise<void> {
    const tx = this.db.transaction('mistakes', 'readwrite')
    await Promise.all([...mistakes.map((m) => tx.store.put(m)), tx.done])
  }

  async deleteMistakes(ids: string[]): Promise<void> {
    const tx = this.db.transaction('mistakes', 'readwrite')
    await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done])
  }

  async exportFile(now: number): Promise<ProgressFile> {
    return createProgressFile(await this.loadAll(), now)
  }

  /** Merges an exported file into this device's progress; a bad file changes nothing. */
  async importFile(text: string): Promise<ImportOutcome> {
    const parsed = parseProgressFile(text)
    if (!parsed.ok) return parsed
    const { changes, summary } = mergeProgress(await this.loadAll(), parsed.file)
    const tx = this.db.transaction(['cardStates', 'reviewLogs', 'mistakes', 'settings'], 'readwrite')
    try {
      await Promise.all([
        ...changes.cardStates.map((s) => tx.objectStore('cardStates').put(s)),
        ...changes.reviewLogs.map((l) => tx.objectStore('reviewLogs').put(l)),
        ...changes.mistakes.map((m) => tx.objectStore('mistakes').put(m)),
        ...(changes.settings ? [tx.objectStore('settings').put(changes.settings, SETTINGS_KEY)] : []),
        tx.done,
      ])
    } catch (cause) {
      try {
        tx.abort()
      } catch {
        // Already aborted by the failed request: nothing was written.
      }
      return { ok: false, error: `写入本机存储失败（${cause instanceof Error ? cause.message : String(cause)}），未导入任何内容。` }
    }
    return { ok: true, summary }
  }

  /** Forgets all progress on this device (the 清除 button, after the user confirmed). */
  async clearAll(): Promise<void> {
    const tx = this.db.transaction(['cardStates', 'reviewLogs', 'mistakes', 'settings'], 'readwrite')
    await Promise.all([
      tx.objectStore('cardStates').clear(),
      tx.objectStore('reviewLogs').clear(),
      tx.objectStore('mistakes').clear(),
      tx.objectStore('settings').clear(),
      tx.done,
    ])
  }

  close(): void {
    this.db.close()
  }
}
