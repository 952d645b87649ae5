import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import { parseQuiz } from './persist'
import type { Quiz } from './types'

export const MEETING_DB = 'study-garden-meeting'

interface MeetingDB extends DBSchema {
  quizzes: { key: string; value: Quiz }
}

export interface QuizStore {
  list(): Promise<Quiz[]>
  get(id: string): Promise<Quiz | null>
  save(quiz: Quiz): Promise<void>
  remove(id: string): Promise<void>
}

/** Saved quizzes in IndexedDB; unreadable records are skipped, never thrown at the page. */
export function createQuizStore(open: () => Promise<IDBPDatabase<MeetingDB>> = openMeetingDB): QuizStore {
  let db: Promise<IDBPDatabase<MeetingDB>> | null = null
  const connection = () => (db ??= open())
  return {
    async list() {
      const records: unknown[] = await (await connection()).getAll('quizzes')
      return records
        .map(parseQuiz)
        .filter((quiz): quiz is Quiz => quiz !== null)
        .sort((a, b) => b.updatedAt - a.updatedAt)
    },
    async get(id) {
      const record: unknown = await (await connection()).get('quizzes', id)
      return parseQuiz(record)
    },
    async save(quiz) {
      // A plain copy: IndexedDB cannot clone reactive proxies.
      await (await connection()).put('quizzes', JSON.parse(JSON.stringify(quiz)) as Quiz)
    },
    async remove(id) {
      await (await connection()).delete('quizzes', id)
    },
  }
}

function openMeetingDB(): Promise<IDBPDatabase<MeetingDB>> {
  return openDB<MeetingDB>(MEETING_DB, 1, {
    upgrade(db) {
      if (!db.objectStoreNames.contains('quizzes')) db.createObjectStore('quizzes', { keyPath: 'id' })
    },
  })
}
