import { defineStore } from 'pinia'
import { ref, shallowRef, watch } from 'vue'
import { draftFromQuiz, newDraft, type MeetingDraft } from '@/lib/meeting/draft'
import { newId } from '@/lib/meeting/ids'
import { loadDurableSession, loadSession, onSessionMerged, parseQuiz, saveSession } from '@/lib/meeting/persist'
import { createQuizStore } from '@/lib/meeting/quizStore'
import { createSession, reduce, type MeetingAction } from '@/lib/meeting/session'
import { createMeetingSync, shouldAccept, type MeetingSync } from '@/lib/meeting/sync'
import { systemClock, type Clock } from '@/lib/meeting/timer'
import type { MeetingTransport } from '@/lib/meeting/transport'
import type { MeetingRole, MeetingSession, Quiz } from '@/lib/meeting/types'
import { localSetting } from '@/lib/storage/localSetting'

const draftSetting = localSetting<MeetingDraft | null>('study-garden:meeting-draft', null, (value): value is MeetingDraft | null => value === null || parseQuiz(value) !== null)

/**
 * Meeting mode: the quiz being set up, saved quizzes, and the live session shared by the host
 * and projector windows. The rules live in src/lib/meeting; this store only keeps and sends state.
 */
export const useMeetingStore = defineStore('meeting', () => {
  /** This page load; a reloaded window is a new window. */
  const windowId = newId()
  const role = ref<MeetingRole>('host')
  let clock: Clock = systemClock
  /** Replaced, never mutated: each change is a new object from `reduce`. */
  const session = shallowRef<MeetingSession | null>(loadSession())
  const linked = ref(false)
  let sync: MeetingSync | null = null

  function dispatch(action: MeetingAction): void {
    const current = session.value
    if (!current) return
    const next = reduce(current, action, clock(), { id: windowId, role: role.value })
    if (next === current) return
    session.value = next
    saveSession(next)
    sync?.publish(next)
  }

  function startSession(quiz: Pick<Quiz, 'name' | 'teams' | 'startingScore' | 'rounds'>): MeetingSession {
    const started = createSession({ sessionId: newId(), quiz, now: clock(), by: { id: windowId, role: role.value } })
    session.value = started
    saveSession(started)
    sync?.publish(started)
    return started
  }

  /** Links this window to the others; returns the function that unlinks it. */
  function attach(transport: MeetingTransport, as: MeetingRole): () => void {
    sync?.close()
    role.value = as
    const own = createMeetingSync({
      transport,
      self: { id: windowId, role: as },
      getSession: () => session.value,
      applyRemote: (remote) => {
        session.value = remote
        saveSession(remote)
      },
    })
    sync = own
    linked.value = true
    own.requestState()
    own.announce()
    return () => {
      own.close()
      if (sync === own) {
        sync = null
        linked.value = false
      }
    }
  }

  /** Reads the saved session again (another window may have moved on while this one was closed). */
  function reload(): void {
    const saved = loadSession()
    if (saved && shouldAccept(saved, session.value)) session.value = saved
    // IndexedDB holds what was committed before a crash or by another window.
    void loadDurableSession().then((durable) => durable && shouldAccept(durable, session.value) && (session.value = durable)).catch(() => {})
  }
  // A save that merged another host window's scores: show and send the union.
  onSessionMerged((merged) => {
    session.value = merged
    sync?.publish(merged)
  })
  reload()

  // The quiz on the setup page, kept across visits.
  const draft = ref<MeetingDraft | null>(draftSetting.read())
  watch(draft, (value) => draftSetting.write(value), { deep: true })

  function resetDraft(docIds: string[]): MeetingDraft {
    draft.value = newDraft(newId(), docIds, Date.now())
    return draft.value
  }

  function loadDraft(quiz: Quiz, fallbackDocIds: string[]): void {
    draft.value = draftFromQuiz(JSON.parse(JSON.stringify(quiz)) as Quiz, fallbackDocIds)
  }

  // Saved quizzes (IndexedDB).
  const quizStore = createQuizStore()
  const quizzes = ref<Quiz[]>([])
  const storageError = ref<string | null>(null)

  async function refreshQuizzes(): Promise<void> {
    try {
      quizzes.value = await quizStore.list()
    } catch (cause) {
      console.warn('saved quizzes unavailable', cause)
      storageError.value = '本浏览器无法保存竞赛（可能处于无痕模式），本次设置仍可使用。'
    }
  }

  async function saveQuiz(quiz: Quiz): Promise<boolean> {
    try {
      await quizStore.save({ ...quiz, updatedAt: Date.now() })
      await refreshQuizzes()
      return true
    } catch (cause) {
      console.warn('could not save quiz', cause)
      storageError.value = '保存失败：浏览器拒绝了存储请求。'
      return false
    }
  }

  async function deleteQuiz(id: string): Promise<void> {
    await quizStore.remove(id).catch((cause: unknown) => console.warn('could not delete quiz', cause))
    await refreshQuizzes()
  }

  async function getQuiz(id: string): Promise<Quiz | null> {
    return quizStore.get(id).catch(() => null)
  }

  /** For tests: a fake clock. */
  function useClock(next: Clock): void {
    clock = next
  }

  return {
    windowId, role, session, linked, dispatch, startSession, attach, reload, useClock,
    draft, resetDraft, loadDraft,
    quizzes, storageError, refreshQuizzes, saveQuiz, deleteQuiz, getQuiz,
  }
})
