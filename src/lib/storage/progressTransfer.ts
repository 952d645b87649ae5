import { CARD_TYPE_LABELS } from '../cards/types'
import type { QuizMistake } from '../quiz/types'
import { sanitizeSettings } from '../schedule/settings'
import type { CardState, ReviewLogEntry } from '../schedule/types'
import {
  PROGRESS_FILE_FORMAT,
  PROGRESS_FILE_VERSION,
  type MergeSummary,
  type ProgressData,
  type ProgressFile,
} from './progressTypes'

export function createProgressFile(data: ProgressData, now: number): ProgressFile {
  return { format: PROGRESS_FILE_FORMAT, version: PROGRESS_FILE_VERSION, exportedAt: new Date(now).toISOString(), ...data }
}

/** `学习园地进度-2025-01-10.json` */
export function progressFileName(now: number): string {
  const d = new Date(now)
  return `学习园地进度-${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}.json`
}

export type ParseResult = { ok: true; file: ProgressFile } | { ok: false; error: string }

type Check = (value: unknown) => boolean
const isNumber: Check = (v) => typeof v === 'number' && Number.isFinite(v)
const isString: Check = (v) => typeof v === 'string'
const isBoolean: Check = (v) => typeof v === 'boolean'
const isNullableNumber: Check = (v) => v === null || isNumber(v)
const isOneOf = (...values: unknown[]): Check => (v) => values.includes(v)
const isStringOrList: Check = (v) => isString(v) || (Array.isArray(v) && v.every(isString))
const isCardSnapshot: Check = (v) =>
  hasShape(v, { id: isString, docId: isString, anchor: isString, prompt: isString, answer: isStringOrList, type: (t) => isString(t) && Object.hasOwn(CARD_TYPE_LABELS, t as string) }) === null

const CARD_STATE_SHAPE: Record<keyof CardState, Check> = {
  cardId: isString, docId: isString, due: isNumber, stability: isNumber, difficulty: isNumber, elapsedDays: isNumber,
  scheduledDays: isNumber, learningSteps: isNumber, reps: isNumber, lapses: isNumber, state: isOneOf(0, 1, 2, 3),
  lastReview: isNullableNumber, suspended: isBoolean, leech: isBoolean, lapsesAtRestore: isNumber,
}
const REVIEW_LOG_SHAPE: Record<keyof ReviewLogEntry, Check> = {
  id: isString, cardId: isString, docId: isString, grade: isOneOf(1, 2, 3, 4), state: isOneOf(0, 1, 2, 3), due: isNumber,
  stability: isNumber, difficulty: isNumber, elapsedDays: isNumber, scheduledDays: isNumber, review: isNumber,
}
const MISTAKE_SHAPE: Record<keyof QuizMistake, Check> = {
  id: isString, docId: isString, card: isCardSnapshot, lastResponse: isStringOrList, wrongCount: isNumber,
  firstWrongAt: isNumber, lastWrongAt: isNumber,
}

export const isCardState = (value: unknown): value is CardState => hasShape(value, CARD_STATE_SHAPE) === null
export const isReviewLog = (value: unknown): value is ReviewLogEntry => hasShape(value, REVIEW_LOG_SHAPE) === null
export const isQuizMistake = (value: unknown): value is QuizMistake => hasShape(value, MISTAKE_SHAPE) === null

/** The name of the first field that fails its check, or null when the record is well-formed. */
function hasShape(value: unknown, shape: Record<string, Check>): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return '(整条记录)'
  const record = value as Record<string, unknown>
  for (const key in shape) if (!shape[key]!(record[key])) return key
  return null
}

function checkList(value: unknown, shape: Record<string, Check>, what: string): string | null {
  if (!Array.isArray(value)) return `缺少${what}列表`
  for (let i = 0; i < value.length; i++) {
    const field = hasShape(value[i], shape)
    if (field) return `第 ${i + 1} 条${what}记录格式有误（字段 ${field}）`
  }
  return null
}

/** Checks an exported file, read from JSON (backupFile.restoreBackup reads it); anything wrong is reported in Chinese. */
export function parseProgressValue(value: unknown): ParseResult {
  const fail = (reason: string): ParseResult => ({ ok: false, error: `${reason}，未导入任何内容。` })
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== PROGRESS_FILE_FORMAT) {
    return fail('这不是学习园地导出的进度文件')
  }
  const raw = value as Record<string, unknown>
  if (!isNumber(raw.version) || !Number.isInteger(raw.version) || (raw.version as number) < 1) return fail('进度文件缺少格式版本号')
  if ((raw.version as number) > PROGRESS_FILE_VERSION) {
    return fail(`该文件由较新版本的学习园地导出（格式版本 ${raw.version}），请先更新本应用后再导入`)
  }
  const problem =
    checkList(raw.cardStates, CARD_STATE_SHAPE, '卡片进度') ??
    checkList(raw.reviewLogs, REVIEW_LOG_SHAPE, '复习记录') ??
    checkList(raw.mistakes ?? [], MISTAKE_SHAPE, '错题')
  if (problem) return fail(`进度文件内容有误：${problem}`)
  return {
    ok: true,
    file: {
      format: PROGRESS_FILE_FORMAT,
      version: raw.version as number,
      exportedAt: isString(raw.exportedAt) ? (raw.exportedAt as string) : '',
      cardStates: raw.cardStates as CardState[],
      reviewLogs: raw.reviewLogs as ReviewLogEntry[],
      mistakes: (raw.mistakes ?? []) as QuizMistake[],
      settings: raw.settings == null ? null : sanitizeSettings(raw.settings),
    },
  }
}

export interface MergeResult {
  /** Only the records to write (new or newer than the device's). */
  changes: ProgressData
  summary: MergeSummary
}

/**
 * Merges an imported file into the device's progress without losing either side:
 * per card the state with the latest review wins (the device's on a tie), review logs are
 * united by id, mistakes keep the latest wrong answer and the larger count, and the device's
 * own settings stay unless it never had any.
 */
export function mergeProgress(local: ProgressData, incoming: ProgressData): MergeResult {
  const states = new Map(local.cardStates.map((s) => [s.cardId, s]))
  const cardStates = incoming.cardStates.filter((theirs) => {
    const ours = states.get(theirs.cardId)
    return !ours || (theirs.lastReview ?? -Infinity) > (ours.lastReview ?? -Infinity)
  })
  const logIds = new Set(local.reviewLogs.map((l) => l.id))
  const reviewLogs = dedupe(incoming.reviewLogs.filter((l) => !logIds.has(l.id)), (l) => l.id)
  const mistakesById = new Map(local.mistakes.map((m) => [m.id, m]))
  const mistakes: QuizMistake[] = []
  for (const theirs of incoming.mistakes) {
    const ours = mistakesById.get(theirs.id)
    if (!ours) mistakes.push(theirs)
    else if (theirs.lastWrongAt > ours.lastWrongAt || theirs.wrongCount > ours.wrongCount) {
      const latest = theirs.lastWrongAt > ours.lastWrongAt ? theirs : ours
      mistakes.push({
        ...latest,
        wrongCount: Math.max(ours.wrongCount, theirs.wrongCount),
        firstWrongAt: Math.min(ours.firstWrongAt, theirs.firstWrongAt),
      })
    }
  }
  return {
    changes: { cardStates: dedupe(cardStates, (s) => s.cardId), reviewLogs, mistakes, settings: local.settings ? null : incoming.settings },
    summary: { cardStates: cardStates.length, reviewLogs: reviewLogs.length, mistakes: mistakes.length },
  }
}

function dedupe<T>(items: T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()]
}
