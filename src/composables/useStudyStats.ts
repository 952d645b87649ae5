import { computed, ref, type ComputedRef, type Ref } from 'vue'
import {
  dueForecast,
  mastery,
  retention,
  reviewCalendar,
  startOfDay,
  studyStreak,
  type DayCount,
  type Mastery,
  type RetentionSummary,
} from '@/lib/schedule'
import { IMPORTED_DOC_ID, IMPORTED_DOC_TITLE } from '@/lib/bank/toCard'
import { useLibraryStore } from '@/stores/useLibraryStore'
import { useProgressStore } from '@/stores/useProgressStore'
import { useStudyStore } from '@/stores/useStudyStore'

export const RETENTION_DAYS = 30
const CALENDAR_DAYS = 7 * 20

export interface DocumentMastery extends Mastery {
  title: string
  chapters: Mastery[]
}

export interface UseStudyStatsReturn {
  forecastDays: Ref<14 | 30>
  calendar: ComputedRef<DayCount[]>
  forecast: ComputedRef<DayCount[]>
  retention: ComputedRef<RetentionSummary>
  documents: ComputedRef<DocumentMastery[]>
  reviewedToday: ComputedRef<number>
  streak: ComputedRef<number>
  learned: ComputedRef<number>
  total: ComputedRef<number>
}

/** The numbers of the 学习统计 page, computed from the progress store and the card bank. */
export function useStudyStats(): UseStudyStatsReturn {
  const progress = useProgressStore()
  const study = useStudyStore()
  const library = useLibraryStore()
  const forecastDays = ref<14 | 30>(14)
  const now = computed(() => study.now)

  const calendar = computed(() => reviewCalendar(progress.logs, now.value, CALENDAR_DAYS))
  // Progress of cards that no longer exist (their text changed) is kept but not forecast.
  const liveStates = computed(() => [...progress.states.values()].filter((s) => !study.cards || study.cardById.has(s.cardId)))
  const forecast = computed(() => dueForecast(liveStates.value, now.value, forecastDays.value))
  const retentionSummary = computed(() => retention(progress.logs, now.value, RETENTION_DAYS))
  const reviewedToday = computed(() => {
    const today = startOfDay(now.value)
    return progress.logs.filter((log) => log.review >= today).length
  })
  const streak = computed(() => studyStreak(progress.logs, now.value))
  const masteryRows = computed(() => mastery(study.cards ?? [], progress.states))
  const documents = computed(() => {
    const titles = new Map([...library.entries.map((doc) => [doc.id, doc.shortTitle || doc.title] as const), [IMPORTED_DOC_ID, IMPORTED_DOC_TITLE] as const])
    return masteryRows.value.documents.map((doc) => ({
      ...doc,
      title: titles.get(doc.docId) ?? doc.docId,
      chapters: masteryRows.value.chapters.filter((ch) => ch.docId === doc.docId),
    }))
  })
  const learned = computed(() => masteryRows.value.documents.reduce((sum, d) => sum + d.learned, 0))
  const total = computed(() => masteryRows.value.documents.reduce((sum, d) => sum + d.total, 0))

  return { forecastDays, calendar, forecast, retention: retentionSummary, documents, reviewedToday, streak, learned, total }
}
