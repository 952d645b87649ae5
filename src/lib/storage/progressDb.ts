import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb'
import type { QuizMistake } from '../quiz/types'
import { sanitizeSettings } from '../schedule/settings'
import type { CardState, ReviewLogEntry, StudySettings } from '../schedule/types'
import { isCardState, isQuizMistake, isReviewLog } from './progressTransfer'
import { emptyReport, type IntegrityReport } from './integrity'
import { checkCardState, checkMistake, checkReviewLog, type Verdict } from './plausible'
import type { ProgressData } from './progressTypes'

export const PROGRESS_DB_NAME = 'study-garden-progress'
export const PROGRESS_DB_VERSION = 3
const SETTINGS_KEY = 'study'
/** The stores that make up a member's progress (what 清除 forgets and a snapshot restores). */
const PROGRESS_STORES = ['cardStates', 'reviewLogs', 'mistakes', 'settings'] as const

/** A record kept aside instead of being used or dropped: impossible values, or a card no document here has. */
export interface QuarantineRecord {
  id: string
  /** The store it came from or was meant for. */
  /** The store, or the backup section's key. */
  kind: string
  reason: string
  record: unknown
  at: number
}

/** A copy of everything taken before a risky operation, restorable from the 数据安全 panel. */
export interface SnapshotRecord {
  id: string
  at: number
  /** What was about to happen, in Chinese: 导入备份, 清除本机进度… */
  reason: string
  /** Counts for the list, so it need not open the data. */
  summary: { cardStates: number; reviewLogs: number; mistakes: number; documents: number }
  /** The backup file's text. */
  data: string
}

export interface ProgressSchema extends DBSchema {
  cardStates: { key: string; value: CardState; indexes: { byDoc: string } }
  reviewLogs: { key: string; value: ReviewLogEntry; indexes: { byCard: string; byReview: number } }
  mistakes: { key: string; value: QuizMistake; indexes: { byDoc: string } }
  settings: { key: string; value: StudySettings }
  quarantine: { key: string; value: QuarantineRecord }
  snapshots: { key: string; value: SnapshotRecord; indexes: { byAt: number } }
}

type UpgradeTransaction = IDBPTransaction<ProgressSchema, StoreNames<ProgressSchema>[], 'versionchange'>
type Migration = (db: IDBPDatabase<ProgressSchema>, tx: UpgradeTransaction) => Promise<void> | void

/**
 * Schema history; each step upgrades from the version before it.
 * v1: card states, review logs (with `review` as an ISO date string), settings.
 * v2: the 错题本 store; review times as epoch milliseconds with an index for statistics.
 * v3: records kept aside (quarantine) and automatic snapshots before risky operations.
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
  3(db) {
    db.createObjectStore('quarantine', { keyPath: 'id' })
    db.createObjectStore('snapshots', { keyPath: 'id' }).createIndex('byAt', 'at')
  },
}

export interface OpenProgressOptions {
  name?: string
  /** Only for tests of the migrations: open an older schema. */
  version?: number
  /**
   * The connection was closed under us: another tab opened a newer version ('versionchange'),
   * or the browser dropped the database ('terminated'). Nothing more can be saved until a reload.
   */
  onClosed?(reason: 'versionchange' | 'terminated'): void
  /** This tab wants a newer version while an older tab still holds the database open. */
  onBlocked?(): void
}

/** Chinese words for the member when the database cannot be used; null for "unavailable here" (private mode). */
export function describeOpenError(cause: unknown): string | null {
  const name = (cause as { name?: unknown } | null)?.name
  if (name === 'VersionError') return '本机数据已被较新版本的学习园地升级，请刷新页面以使用新版本（数据完好）。'
  return null
}

export async function openProgressDb({ name = PROGRESS_DB_NAME, version = PROGRESS_DB_VERSION, onClosed, onBlocked }: OpenProgressOptions = {}): Promise<ProgressRepository> {
  let repo: ProgressRepository | null = null
  const db = await openDB<ProgressSchema>(name, version, {
    async upgrade(database, oldVersion, newVersion, tx) {
      for (let v = oldVersion + 1; v <= (newVersion ?? version); v++) await MIGRATIONS[v]?.(database, tx)
    },
    blocking() {
      // Another tab wants a newer schema: step aside so it can upgrade, and stop accepting writes.
      db.close()
      if (repo) repo.closed = true
      onClosed?.('versionchange')
    },
    blocked() {
      onBlocked?.()
    },
    terminated() {
      if (repo) repo.closed = true
      onClosed?.('terminated')
    },
  })
  repo = new ProgressRepository(db)
  return repo
}

/** Thrown by a write after the connection was closed for a newer version: the change was not saved. */
export class DatabaseClosedError extends Error {
  constructor() {
    super('database closed for a newer version')
    this.name = 'DatabaseClosedError'
  }
}

/** Records read per request: a long history (210 000 review logs) read in one request was one task of seconds on the page. */
export const READ_PAGE = 5000

/**
 * Reads a store in key order, a page per request (each answered in its own task), keeping the
 * well-formed records; one transaction, so the pages agree with each other.
 */
async function readInPages<T>(store: { getAll(query?: IDBKeyRange | null, count?: number): Promise<unknown[]> }, accept: (value: unknown) => value is T): Promise<T[]> {
  const kept: T[] = []
  let after: IDBValidKey | undefined
  for (;;) {
    const page = await store.getAll(after === undefined ? null : IDBKeyRange.lowerBound(after, true), READ_PAGE)
    for (const value of page) if (accept(value)) kept.push(value)
    if (page.length < READ_PAGE) return kept
    after = (page[page.length - 1] as { id: IDBValidKey }).id
  }
}

/** Same review history: the state this tab rated from is still the stored one. */
const sameReview = (a: CardState | null | undefined, b: CardState | null | undefined) =>
  (a ?? null) === null ? (b ?? null) === null : !!b && a!.reps === b.reps && a!.lastReview === b.lastReview

/** Which of two states of one card holds the later review (then the more reviews). */
const reviewedLater = (a: CardState, b: CardState) => (a.lastReview ?? 0) !== (b.lastReview ?? 0) ? (a.lastReview ?? 0) > (b.lastReview ?? 0) : a.reps >= b.reps

/** Reads and writes the study progress; every multi-record change is one transaction. */
export class ProgressRepository {
  /** Set when another tab upgraded the database: every later write throws DatabaseClosedError. */
  closed = false
  constructor(readonly db: IDBPDatabase<ProgressSchema>) {}

  private guard(): void {
    if (this.closed) throw new DatabaseClosedError()
  }

  async loadAll(): Promise<ProgressData> {
    const tx = this.db.transaction(['cardStates', 'reviewLogs', 'mistakes', 'settings'])
    const [cardStates, reviewLogs, mistakes, settings] = await Promise.all([
      tx.objectStore('cardStates').getAll(),
      readInPages(tx.objectStore('reviewLogs'), isReviewLog),
      tx.objectStore('mistakes').getAll(),
      tx.objectStore('settings').get(SETTINGS_KEY),
    ])
    await tx.done
    // Records damaged by hand or by another version are skipped rather than breaking the page.
    return {
      cardStates: cardStates.filter(isCardState),
      reviewLogs: reviewLogs.sort((a, b) => a.review - b.review),
      mistakes: mistakes.filter(isQuizMistake),
      settings: settings ? sanitizeSettings(settings) : null,
    }
  }

  /**
   * Stores a rating: the card's new state and its log, together. With `before` (the state the
   * rating was made from), a card another tab has rated meanwhile is left alone and false comes
   * back: the database, not a tab's memory, decides, so no review is counted twice or overwritten.
   */
  async saveReview(state: CardState, log: ReviewLogEntry, before?: CardState | null): Promise<boolean> {
    this.guard()
    const tx = this.db.transaction(['cardStates', 'reviewLogs'], 'readwrite')
    const states = tx.objectStore('cardStates')
    if (before !== undefined && !sameReview(before, await states.get(state.cardId))) {
      tx.abort()
      await tx.done.catch(() => {})
      return false
    }
    const writes = [states.put(state), tx.objectStore('reviewLogs').put(log)]
    // Commit at once rather than when the event loop idles: a tab closed right after a rating keeps it.
    tx.commit?.()
    await Promise.all([...writes, tx.done])
    return true
  }

  /** Takes a rating back: the state before it (none for a card that was new) and without its log; with `after`, only if no other tab rated it since. */
  async undoReview(before: CardState | null, cardId: string, logId: string, after?: CardState): Promise<boolean> {
    this.guard()
    const tx = this.db.transaction(['cardStates', 'reviewLogs'], 'readwrite')
    const states = tx.objectStore('cardStates')
    if (after && !sameReview(after, await states.get(cardId))) {
      tx.abort()
      await tx.done.catch(() => {})
      return false
    }
    await Promise.all([before ? states.put(before) : states.delete(cardId), tx.objectStore('reviewLogs').delete(logId), tx.done])
    return true
  }

  async putCardState(state: CardState): Promise<void> {
    this.guard()
    await this.db.put('cardStates', state)
  }

  async saveSettings(settings: StudySettings): Promise<void> {
    this.guard()
    await this.db.put('settings', settings, SETTINGS_KEY)
  }

  async putMistakes(mistakes: QuizMistake[]): Promise<void> {
    this.guard()
    const tx = this.db.transaction('mistakes', 'readwrite')
    await Promise.all([...mistakes.map((m) => tx.store.put(m)), tx.done])
  }

  async deleteMistakes(ids: string[]): Promise<void> {
    this.guard()
    const tx = this.db.transaction('mistakes', 'readwrite')
    await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done])
  }

  /** Forgets all progress on this device (the 清除 button, after the user confirmed). */
  async clearAll(): Promise<void> {
    this.guard()
    const tx = this.db.transaction(PROGRESS_STORES, 'readwrite')
    await Promise.all([...PROGRESS_STORES.map((store) => tx.objectStore(store).clear()), tx.done])
  }

  /**
   * Anki's 检查数据库: stored records are checked; impossible values are repaired, records whose
   * meaning is lost (or whose shape is broken) are moved to the quarantine, never deleted.
   * At start-up only card states and mistakes are checked (they are what breaks a page, and few);
   * on demand the review logs too. Reads in one pass; writes only when something is wrong.
   */
  async checkIntegrity(now: number, { reviewLogs = true }: { reviewLogs?: boolean } = {}): Promise<IntegrityReport> {
    this.guard()
    const report = emptyReport()
    type Kind = 'cardStates' | 'reviewLogs' | 'mistakes'
    const kinds: Kind[] = reviewLogs ? ['cardStates', 'reviewLogs', 'mistakes'] : ['cardStates', 'mistakes']
    const checks: Record<Kind, [(v: unknown) => boolean, (v: never, now: number) => Verdict<unknown>]> = {
      cardStates: [isCardState, checkCardState as (v: never, now: number) => Verdict<unknown>],
      reviewLogs: [isReviewLog, checkReviewLog as (v: never, now: number) => Verdict<unknown>],
      mistakes: [isQuizMistake, checkMistake as (v: never, now: number) => Verdict<unknown>],
    }
    const read = this.db.transaction(kinds)
    const contents = await Promise.all(kinds.map(async (kind) => ({ kind, keys: await read.objectStore(kind).getAllKeys(), values: await read.objectStore(kind).getAll() })))
    await read.done
    const fixes: { kind: Kind; key: string; verdict: Exclude<Verdict<unknown>, { kind: 'ok' }>; raw: unknown }[] = []
    for (const { kind, keys, values } of contents) {
      const [shape, check] = checks[kind]
      values.forEach((raw: unknown, i) => {
        report.checked++
        const verdict = shape(raw) ? check(raw as never, now) : ({ kind: 'aside', reason: '记录格式损坏' } as const)
        if (verdict.kind !== 'ok') fixes.push({ kind, key: String(keys[i]), verdict, raw })
      })
    }
    if (!fixes.length) return report
    const tx = this.db.transaction([...kinds, 'quarantine'], 'readwrite')
    for (const { kind, key, verdict, raw } of fixes) {
      if (verdict.kind === 'repaired') {
        report.repaired.push({ kind, id: key, fixes: verdict.fixes })
        void tx.objectStore(kind).put(verdict.record as never)
      } else {
        report.quarantined.push({ kind, id: key, reason: verdict.reason })
        void tx.objectStore('quarantine').put({ id: `${kind}:${key}:${now}`, kind, reason: verdict.reason, record: raw, at: now })
        void tx.objectStore(kind).delete(key)
      }
    }
    await tx.done
    return report
  }

  /**
   * Moves the progress recorded under card ids the bank no longer has to the cards that now ask
   * the same (`moves`: old id → current id, see src/lib/cards/identity.ts), in one transaction.
   * Logs follow their card (ids stay `${review}:${cardId}`, as any device moving them computes);
   * when the new card already has a state, the more recently reviewed one is kept. The 错题本
   * keeps its own copy of each question, so it stays as it is. Returns the states moved.
   */
  async moveCards(moves: ReadonlyMap<string, string>): Promise<number> {
    this.guard()
    const tx = this.db.transaction(['cardStates', 'reviewLogs'], 'readwrite')
    const states = tx.objectStore('cardStates')
    const logs = tx.objectStore('reviewLogs')
    let moved = 0
    // Reads are awaited (a merge needs both states); writes are queued and complete with the transaction.
    const writes: Promise<unknown>[] = []
    for (const [from, to] of moves) {
      const old = await states.get(from)
      if (old) {
        const there = await states.get(to)
        if (!there || !reviewedLater(there, old)) writes.push(states.put({ ...old, cardId: to }))
        writes.push(states.delete(from))
        moved++
      }
      for (const log of await logs.index('byCard').getAll(from)) {
        writes.push(logs.delete(log.id), logs.put({ ...log, cardId: to, id: `${log.review}:${to}` }))
      }
    }
    await Promise.all([...writes, tx.done])
    return moved
  }

  /** Keeps records aside (import: impossible values, cards of documents this device lacks). */
  async putQuarantine(records: QuarantineRecord[]): Promise<void> {
    if (!records.length) return
    this.guard()
    const tx = this.db.transaction('quarantine', 'readwrite')
    await Promise.all([...records.map((r) => tx.store.put(r)), tx.done])
  }

  async quarantineCount(): Promise<number> {
    return this.db.count('quarantine')
  }

  async listQuarantine(): Promise<QuarantineRecord[]> {
    return this.db.getAll('quarantine')
  }

  /** Saves a snapshot and keeps only the newest `keep`. */
  async addSnapshot(snapshot: SnapshotRecord, keep = SNAPSHOTS_KEPT): Promise<void> {
    this.guard()
    const tx = this.db.transaction('snapshots', 'readwrite')
    await tx.store.put(snapshot)
    const keys = await tx.store.index('byAt').getAllKeys()
    for (const key of keys.slice(0, Math.max(0, keys.length - keep))) await tx.store.delete(key)
    await tx.done
  }

  /** Newest first, without their data. */
  async listSnapshots(): Promise<Omit<SnapshotRecord, 'data'>[]> {
    const all = await this.db.getAllFromIndex('snapshots', 'byAt')
    return all.reverse().map(({ data: _data, ...meta }) => meta)
  }

  async getSnapshot(id: string): Promise<SnapshotRecord | undefined> {
    return this.db.get('snapshots', id)
  }

  /** Replaces all progress with `data` (restoring a snapshot: exactly that state, not a merge). */
  async replaceAll(data: ProgressData): Promise<void> {
    this.guard()
    const tx = this.db.transaction(PROGRESS_STORES, 'readwrite')
    await Promise.all(PROGRESS_STORES.map((store) => tx.objectStore(store).clear()))
    await Promise.all([
      ...data.cardStates.map((s) => tx.objectStore('cardStates').put(s)),
      ...data.reviewLogs.map((l) => tx.objectStore('reviewLogs').put(l)),
      ...data.mistakes.map((m) => tx.objectStore('mistakes').put(m)),
      ...(data.settings ? [tx.objectStore('settings').put(data.settings, SETTINGS_KEY)] : []),
      tx.done,
    ])
  }

  /** Writes merge changes (new or newer records) in one transaction; a failure writes nothing. */
  async writeChanges(changes: ProgressData, onWritten?: (done: number, total: number) => void): Promise<void> {
    this.guard()
    const tx = this.db.transaction(['cardStates', 'reviewLogs', 'mistakes', 'settings'], 'readwrite')
    const total = changes.cardStates.length + changes.reviewLogs.length + changes.mistakes.length
    const step = Math.max(1, Math.floor(total / 20))
    let done = 0
    const counted = <T>(request: Promise<T>) =>
      onWritten ? request.then((v) => (++done % step === 0 && onWritten(done, total), v)) : request
    try {
      await Promise.all([
        ...changes.cardStates.map((s) => counted(tx.objectStore('cardStates').put(s))),
        ...changes.reviewLogs.map((l) => counted(tx.objectStore('reviewLogs').put(l))),
        ...changes.mistakes.map((m) => counted(tx.objectStore('mistakes').put(m))),
        ...(changes.settings ? [tx.objectStore('settings').put(changes.settings, SETTINGS_KEY)] : []),
        tx.done,
      ])
    } catch (cause) {
      try {
        tx.abort()
      } catch {
        // Already aborted by the failed request: nothing was written.
      }
      throw cause
    }
  }

  close(): void {
    this.db.close()
  }
}

export const SNAPSHOTS_KEPT = 3
