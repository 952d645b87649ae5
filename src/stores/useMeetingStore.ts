import { defineStore } from 'pinia'
import { ref, shallowRef, watch } from 'vue'
import { draftFromQuiz, newDraft, type MeetingDraft } from '@/lib/meeting/draft'
import { newId } from '@/lib/meeting/ids'
import { loadDurableSession, loadSession, onSessionMerged, parseQuiz, saveServerSession, saveSession } from '@/lib/meeting/persist'
import { createQuizStore } from '@/lib/meeting/quizStore'
import { createSession, reduce, type MeetingAction } from '@/lib/meeting/session'
import { createMeetingSync, shouldAccept, type MeetingSync } from '@/lib/meeting/sync'
import { systemClock, type Clock } from '@/lib/meeting/timer'
import type { MeetingTransport } from '@/lib/meeting/transport'
import type { MeetingRole, MeetingSession, Quiz } from '@/lib/meeting/types'
import { localSetting } from '@/lib/storage/localSetting'
import { createLiveConnection, hostSecretFromHash, liveUrl, type ConnectionStatus, type LiveConnection } from '@/lib/live/connection'
import { isStoredHostSecret, keepHostSecret, keptHostSecret, type StoredHostSecret } from '@/lib/live/hostSecret'
import type { HostMessage, ServerMessage } from '@/lib/live/protocol'
import type { HostView } from '@/lib/live/views'
import { isScreenFeed, type ScreenFeed } from '@/lib/meeting/screenFeed'
import { resolveCommand, type ScreenCommand } from '@/lib/meeting/shortcuts'

/** The host secret printed by `npm run meeting-server`: kept on the host laptop only, and not for good (lib/live/hostSecret). */
const hostSecretSetting = localSetting<StoredHostSecret | null>('study-garden:live-host', null, isStoredHostSecret)

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

  // The projector: what it is sent (never the session), and where its keys go.
  const screenFeed = shallowRef<ScreenFeed | null>(null)
  let forward: ((command: ScreenCommand) => void) | null = null
  function forwardTo(target: ((command: ScreenCommand) => void) | null): void {
    forward = target
  }

  /** A keyboard command: resolved here, or by the host window when this is a linked projector. */
  function command(cmd: ScreenCommand): void {
    if (forward) return forward(cmd)
    const action = session.value ? resolveCommand(session.value, cmd) : null
    if (action) dispatch(action)
  }

  // With the meeting server: the server holds the session; this window sends it actions.
  const live = shallowRef<HostView | null>(null)
  const liveStatus = ref<ConnectionStatus | null>(null)
  const liveNotice = ref<string | null>(null)
  let liveConnection: LiveConnection | null = null
  const liveHandlers = new Set<(message: ServerMessage) => void>()

  function onLive(message: ServerMessage): void {
    if (message.t === 'host') {
      live.value = message.view
      if (message.view.session) {
        session.value = message.view.session
        saveServerSession(message.view.session)
      }
    } else if (message.t === 'refused') liveNotice.value = message.message
    // The meeting is over: its key does not stay on this laptop.
    else if (message.t === 'closed') hostSecretSetting.write(null)
    for (const handler of liveHandlers) handler(message)
  }

  /** Connects to the meeting server when this laptop has its host secret (from the printed address). */
  function connectLive(secret: string | null = keptHostSecret(hostSecretSetting.read(), Date.now())): boolean {
    if (!secret) {
      hostSecretSetting.write(null)
      return false
    }
    hostSecretSetting.write(keepHostSecret(secret, Date.now()))
    if (liveConnection) return true
    liveConnection = createLiveConnection({
      url: liveUrl(location, 'host'),
      hello: () => ({ t: 'host', secret }),
      onMessage: onLive,
      onStatus: (status) => (liveStatus.value = status),
    })
    return true
  }

  /** Opens the live link from the printed host address, and takes the secret out of the address bar. */
  function adoptHostLink(): void {
    const secret = hostSecretFromHash(location.hash)
    if (secret) history.replaceState(history.state, '', location.pathname + location.search)
    connectLive(secret ?? undefined)
  }

  function sendLive(message: HostMessage): boolean {
    if (!liveConnection) return false
    liveConnection.send(message)
    return true
  }

  /**
   * The projector's own link to the meeting server (on the host laptop, which holds the secret):
   * its feed straight from the server, built from the same session as the phones' views, so the
   * final ranking reaches it even when the host window has moved on to the results page.
   */
  function connectScreenFeed(onFeed: (feed: ScreenFeed) => void, onStatus?: (status: ConnectionStatus) => void): (() => void) | null {
    const secret = keptHostSecret(hostSecretSetting.read(), Date.now())
    if (!secret) return null
    const connection = createLiveConnection({
      url: liveUrl(location, 'host'),
      hello: () => ({ t: 'screen', secret }),
      onMessage: (message) => message.t === 'screen' && isScreenFeed(message.feed) && onFeed(message.feed),
      onStatus,
    })
    return () => connection.close()
  }

  function onLiveMessage(handler: (message: ServerMessage) => void): () => void {
    liveHandlers.add(handler)
    return () => liveHandlers.delete(handler)
  }

  function dispatch(action: MeetingAction): void {
    if (forward) return forward({ type: 'action', action })
    if (liveConnection && live.value?.session && session.value) {
      liveConnection.send({ t: 'act', action })
      // Shown at once with the same rules the server runs (1 then + must score team 1); the
      // server's view replaces it a few ms later.
      session.value = reduce(session.value, action, clock(), { id: windowId, role: role.value })
      return
    }
    const current = session.value
    if (!current) return
    const next = reduce(current, action, clock(), { id: windowId, role: role.value })
    if (next === current) return
    session.value = next
    saveSession(next)
    sync?.publish(next)
  }

  function startSession(quiz: Pick<Quiz, 'id' | 'updatedAt' | 'name' | 'teams' | 'startingScore' | 'rounds'>): MeetingSession {
    const started = createSession({ sessionId: newId(), quiz, now: clock(), by: { id: windowId, role: role.value } })
    session.value = started
    if (liveConnection) {
      // The server starts it and sends it back; until then the host sees the local copy, which is not saved:
      // stored, it would be a second session competing with the server's (saveServerSession).
      const { id, updatedAt, name, teams, startingScore, rounds } = quiz
      liveConnection.send({ t: 'start', quiz: { id, updatedAt, name, teams, startingScore, rounds } })
      return started
    }
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
    const adopt = (saved: MeetingSession | null) => {
      // Linked to the meeting server, this window shows the server's session. A copy saved here (another
      // window's quiz, or an older view) must not replace it: across two sessions only `startedAt` can be
      // compared, which says nothing about which one is the server's; the window showed 下一题 undone after
      // coming back to the front (the host's click had gone through to the server).
      if (saved && !live.value?.session && shouldAccept(saved, session.value)) session.value = saved
    }
    adopt(loadSession())
    // IndexedDB holds what was committed before a crash or by another window.
    void loadDurableSession().then(adopt).catch(() => {})
  }
  // A save that merged another host window's scores: show and send the union.
  onSessionMerged((merged) => {
    // Linked to the meeting server, the server's session is the one shown (see reload).
    if (live.value?.session) return
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
    screenFeed, forwardTo, command, live, liveStatus, liveNotice, connectLive, adoptHostLink, sendLive, onLiveMessage, connectScreenFeed,
    draft, resetDraft, loadDraft,
    quizzes, storageError, refreshQuizzes, saveQuiz, deleteQuiz, getQuiz,
  }
})
