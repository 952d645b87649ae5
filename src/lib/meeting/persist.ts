import { openDB, type IDBPDatabase } from 'idb'
import type { KeyValueStore } from '../storage/localSetting'
import { mergeSessions } from './mergeLog'
import { MAX_TEAMS, MIN_TEAMS, ROUND_RULES } from './rules'
import type { LastUpdate, MeetingQuestion, MeetingSession, Quiz, RoundPlan, ScoreEvent, Team, TimerState } from './types'

/*
 * Saved and received data is untrusted (an old version, a hand-edited entry, a half-written
 * record after a crash): everything is checked field by field, and anything wrong yields null
 * instead of a broken page.
 */

type Fields = Record<string, unknown>

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value)
const isString = (value: unknown): value is string => typeof value === 'string'
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)
const isInt = (value: unknown): value is number => Number.isInteger(value)
const isNullableNumber = (value: unknown): value is number | null => value === null || isNumber(value)
const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString)
const CARD_TYPES = ['cloze', 'enumeration', 'source', 'choice', 'multi', 'truefalse']

function isQuestion(value: unknown): value is MeetingQuestion {
  if (!isObject(value)) return false
  const { id, docId, anchor, type, prompt, answer, options, source, heading, points } = value
  return (
    isString(id) && isString(docId) && isString(anchor) && isString(type) && CARD_TYPES.includes(type) &&
    isString(prompt) && (isString(answer) || isStringArray(answer)) &&
    (options === undefined || isStringArray(options)) && isString(source) && isString(heading) &&
    (points === undefined || points === 10 || points === 20 || points === 30)
  )
}

function isRound(value: unknown): value is RoundPlan {
  if (!isObject(value)) return false
  const { kind, title, secondsPerQuestion, questions } = value
  return (
    isString(kind) && kind in ROUND_RULES && isString(title) && isNumber(secondsPerQuestion) && secondsPerQuestion > 0 &&
    Array.isArray(questions) && questions.every(isQuestion)
  )
}

function isTeam(value: unknown): value is Team {
  return isObject(value) && isString(value.id) && isString(value.name)
}

function isTimer(value: unknown): value is TimerState {
  if (!isObject(value)) return false
  return isNumber(value.durationMs) && value.durationMs >= 0 && isNullableNumber(value.startedAt) && isNullableNumber(value.pausedAt) && isNumber(value.accumulatedMs)
}

function isScoreEvent(value: unknown): value is ScoreEvent {
  if (!isObject(value)) return false
  const { teamId, roundIndex, questionIndex, outcome, delta, at } = value
  return isString(teamId) && isInt(roundIndex) && isInt(questionIndex) && (outcome === 'right' || outcome === 'wrong' || outcome === 'manual') && isNumber(delta) && isNumber(at)
}

function isLastUpdate(value: unknown): value is LastUpdate {
  return isObject(value) && isString(value.id) && (value.role === 'host' || value.role === 'screen') && isNumber(value.at)
}

export function parseSession(value: unknown): MeetingSession | null {
  if (!isObject(value)) return null
  const s = value
  const valid =
    isString(s.sessionId) && isString(s.quizName) && Array.isArray(s.teams) && s.teams.every(isTeam) &&
    s.teams.length >= MIN_TEAMS && s.teams.length <= MAX_TEAMS && isNumber(s.startingScore) &&
    Array.isArray(s.rounds) && s.rounds.length > 0 && s.rounds.every(isRound) &&
    isInt(s.roundIndex) && isInt(s.questionIndex) && typeof s.revealed === 'boolean' &&
    (s.activeTeamId === null || isString(s.activeTeamId)) && isTimer(s.timer) &&
    Array.isArray(s.scoreLog) && s.scoreLog.every(isScoreEvent) && (s.phase === 'running' || s.phase === 'ended') &&
    isInt(s.revision) && isLastUpdate(s.lastUpdate) && isNumber(s.startedAt)
  if (!valid) return null
  const session = value as unknown as MeetingSession
  // Positions must point into the rounds, or the views would show nothing.
  const round = session.rounds[session.roundIndex]
  if (!round || session.questionIndex < -1 || session.questionIndex >= round.questions.length) return null
  return session
}

export function parseQuiz(value: unknown): Quiz | null {
  if (!isObject(value)) return null
  const { id, name, teams, startingScore, rounds, updatedAt } = value
  const valid =
    isString(id) && isString(name) && isStringArray(teams) && teams.length >= MIN_TEAMS && teams.length <= MAX_TEAMS &&
    isNumber(startingScore) && Array.isArray(rounds) && rounds.every(isRound) && isNumber(updatedAt)
  return valid ? (value as unknown as Quiz) : null
}

export const SESSION_KEY = 'study-garden:meeting-session'
export const SESSION_DB_NAME = 'study-garden-meeting-session'
const SESSION_RECORD = 'current'

const defaultStorage = (): KeyValueStore | undefined => (globalThis as { localStorage?: KeyValueStore }).localStorage

/*
 * The running session lives in IndexedDB: localStorage reaches the disk lazily, and a crashed
 * browser lost up to a minute of scores. Every change is one committed transaction. Reads stay
 * synchronous for the store through a cache of what this window last saved or loaded.
 */
let cache: MeetingSession | null = null
let chain: Promise<void> = Promise.resolve()
let dbPromise: Promise<IDBPDatabase> | null = null
const listeners = new Set<(session: MeetingSession) => void>()

function sessionDb(name = SESSION_DB_NAME): Promise<IDBPDatabase> {
  if (dbPromise) return dbPromise
  const opening: Promise<IDBPDatabase> = openDB(name, 1, {
    upgrade(db) {
      if (!db.objectStoreNames.contains('session')) db.createObjectStore('session')
    },
    blocking() {
      // A newer version wants the database: step aside; the next save opens it again.
      void opening.then((db) => db.close())
      dbPromise = null
    },
  })
  dbPromise = opening.catch((cause: unknown) => {
    dbPromise = null
    throw cause
  })
  return dbPromise
}

const hasIndexedDb = () => typeof (globalThis as { indexedDB?: unknown }).indexedDB !== 'undefined'

/**
 * The session as saved after every change, so a crash or a reload resumes where it stopped.
 * Without an explicit storage: this window's latest state, else a session saved by an older
 * version in localStorage (moved to IndexedDB by loadDurableSession).
 */
export function loadSession(storage?: KeyValueStore): MeetingSession | null {
  if (!storage && cache) return cache
  try {
    const raw = (storage ?? defaultStorage())?.getItem(SESSION_KEY)
    return raw ? parseSession(JSON.parse(raw)) : null
  } catch {
    return null
  }
}

/**
 * Saves the session. With an explicit storage (tests, no IndexedDB) it is written there at once;
 * otherwise it goes to IndexedDB in a committed transaction, merged with any other window's writes.
 */
export function saveSession(session: MeetingSession, storage?: KeyValueStore): boolean {
  if (storage || !hasIndexedDb()) {
    try {
      ;(storage ?? defaultStorage())?.setItem(SESSION_KEY, JSON.stringify(session))
      return true
    } catch {
      // Storage full or refused: the quiz goes on, it just cannot be resumed after a crash.
      return false
    }
  }
  queueDurable(session, 'merge')
  return true
}

/**
 * Saves the meeting server's session as it is, over whatever this browser holds: in a live meeting the server
 * keeps the one record, and a copy this window made itself (started before the server answered, another window's
 * quiz) must not win a merge against it; `startedAt` of two different sessions cannot say which is the server's.
 */
export function saveServerSession(session: MeetingSession): void {
  if (!hasIndexedDb()) return void saveSession(session)
  queueDurable(session, 'replace')
}

function queueDurable(session: MeetingSession, mode: 'merge' | 'replace'): void {
  const parent = cache
  cache = session
  // A plain copy: a reactive proxy cannot be cloned into IndexedDB.
  const copy = JSON.parse(JSON.stringify(session)) as MeetingSession
  chain = chain.then(() => writeDurable(copy, parent, mode)).catch((cause: unknown) => console.warn('meeting session not saved', cause))
}

async function writeDurable(ours: MeetingSession, parent: MeetingSession | null, mode: 'merge' | 'replace'): Promise<void> {
  const db = await sessionDb()
  const tx = db.transaction('session', 'readwrite')
  // The server's session is written as it is: nothing stored needs reading (a host view comes with every answer).
  const outcome = mode === 'replace' ? { write: true, session: ours } : mergeSessions(parent, ours, parseSession(await tx.store.get(SESSION_RECORD)))
  if (outcome.write) void tx.store.put(outcome.session, SESSION_RECORD)
  // Commit now, not when the event loop idles: a browser killed a moment later keeps the score.
  tx.commit?.()
  await tx.done
  if (outcome.session !== ours) {
    cache = outcome.session
    for (const listener of listeners) listener(outcome.session)
  }
}

/** Reads the session from IndexedDB, moving one saved by an older version out of localStorage first. */
export async function loadDurableSession(): Promise<MeetingSession | null> {
  if (!hasIndexedDb()) return loadSession()
  await chain
  const db = await sessionDb()
  let stored = parseSession(await db.get('session', SESSION_RECORD))
  const legacy = loadSession(defaultStorage())
  if (legacy && (!stored || (stored.sessionId !== legacy.sessionId && legacy.startedAt > stored.startedAt))) {
    await db.put('session', legacy, SESSION_RECORD)
    stored = legacy
  }
  if (legacy || defaultStorage()?.getItem(SESSION_KEY) != null) {
    try {
      ;(defaultStorage() as (KeyValueStore & { removeItem?(key: string): void }) | undefined)?.removeItem?.(SESSION_KEY)
    } catch {
      // Cannot tidy up: the next start moves nothing twice, as IndexedDB already holds it.
    }
  }
  if (stored) cache = stored
  return stored
}

/** Called when a save merged in another window's scores, or found a newer state stored. */
export function onSessionMerged(listener: (session: MeetingSession) => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Resolves when every save so far is on disk (tests, and before leaving a page). */
export function flushSession(): Promise<void> {
  return chain
}

/** For tests: forget this window's cache and connection, as a new page load would. */
export function resetSessionCacheForTests(): void {
  cache = null
  chain = Promise.resolve()
  void dbPromise?.then((db) => db.close()).catch(() => {})
  dbPromise = null
}
