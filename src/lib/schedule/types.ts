import type { CardType } from '../cards/types'

/** The four answers to a review, as FSRS numbers them: 重来 1, 困难 2, 良好 3, 简单 4. */
export type Grade = 1 | 2 | 3 | 4
export const GRADES: readonly Grade[] = [1, 2, 3, 4]

export const GRADE_LABELS: Record<Grade, string> = { 1: '重来', 2: '困难', 3: '良好', 4: '简单' }

/** FSRS memory states: 0 new, 1 learning, 2 review, 3 relearning. */
export type MemoryState = 0 | 1 | 2 | 3

/**
 * What the app remembers about one card: the FSRS card (times as epoch milliseconds so it
 * stores and exports as plain JSON), plus suspension and leech flags.
 */
export interface CardState {
  cardId: string
  docId: string
  due: number
  stability: number
  difficulty: number
  elapsedDays: number
  scheduledDays: number
  learningSteps: number
  reps: number
  /** Times the card was forgotten (重来) after it had been learned. */
  lapses: number
  state: MemoryState
  lastReview: number | null
  /** Suspended cards never enter the due queue. */
  suspended: boolean
  /** Flagged as hard to remember (forgotten LEECH_THRESHOLD times); set together with `suspended`. */
  leech: boolean
  /** `lapses` when the user last restored the card; the leech count starts again from here. */
  lapsesAtRestore: number
}

/** One rating, kept for statistics, merging between devices and undo. */
export interface ReviewLogEntry {
  /** Deterministic: `${review}:${cardId}`, so the same review imported twice is one review. */
  id: string
  cardId: string
  docId: string
  grade: Grade
  /** Memory state before the rating. */
  state: MemoryState
  /** When the card was due before this rating. */
  due: number
  stability: number
  difficulty: number
  elapsedDays: number
  scheduledDays: number
  review: number
}

/**
 * A review log that may record that the member looked at the 查看提示 hint before answering.
 * Kept out of ReviewLogEntry's required shape so stored and exported logs stay valid as they
 * are; the storage layer keeps the extra field as it keeps the whole record.
 */
export interface HintedReviewLog extends ReviewLogEntry {
  hinted?: true
}

/** Which cards to study and how. */
export interface StudySettings {
  /** Desired retention for FSRS, 0.7–0.99. */
  retention: number
  /** New cards introduced per day. */
  dailyNewLimit: number
  /** Documents to study; empty means all. */
  docIds: string[]
  /** Card types to study; empty means all. */
  types: CardType[]
  /** New cards from this chapter first (`constitution›第一章　党员`); otherwise documents and chapters interleave. */
  chapter?: string
}
