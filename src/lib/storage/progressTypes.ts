import type { QuizMistake } from '../quiz/types'
import type { CardState, ReviewLogEntry, StudySettings } from '../schedule/types'

/** Everything the app remembers about the user's study, as plain data. */
export interface ProgressData {
  cardStates: CardState[]
  reviewLogs: ReviewLogEntry[]
  mistakes: QuizMistake[]
  /** null when the user never changed the defaults. */
  settings: StudySettings | null
}

/** The exported file: ProgressData with a format name and version. */
export interface ProgressFile extends ProgressData {
  format: typeof PROGRESS_FILE_FORMAT
  version: number
  exportedAt: string
}

export const PROGRESS_FILE_FORMAT = 'study-garden-progress'
/** Bump when the file layout changes; older files stay importable. v2 adds the sections of backup.ts (documents, quizzes, preferences). */
export const PROGRESS_FILE_VERSION = 2

export interface MergeSummary {
  /** Card states taken from the file (new cards, or reviewed later there). */
  cardStates: number
  /** Review logs the device did not have. */
  reviewLogs: number
  mistakes: number
}
