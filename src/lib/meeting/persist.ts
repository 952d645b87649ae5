import type { KeyValueStore } from '../storage/localSetting'
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

const defaultStorage = (): KeyValueStore | undefined => (globalThis as { localStorage?: KeyValueStore }).localStorage

/** The session as saved after every change, so a crash or a reload resumes where it stopped. */
export function loadSession(storage: KeyValueStore | undefined = defaultStorage()): MeetingSession | null {
  try {
    const raw = storage?.getItem(SESSION_KEY)
    return raw ? parseSession(JSON.parse(raw)) : null
  } catch {
    return null
  }
}

export function saveSession(session: MeetingSession, storage: KeyValueStore | undefined = defaultStorage()): boolean {
  try {
    storage?.setItem(SESSION_KEY, JSON.stringify(session))
    return true
  } catch {
    // Storage full or refused: the quiz goes on, it just cannot be resumed after a crash.
    return false
  }
}
