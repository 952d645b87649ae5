import { parseQuiz } from '../meeting/persist'
import type { MeetingAction } from '../meeting/session'
import { RISK_POINTS } from '../meeting/types'
import type { QuizResponse } from '../quiz/types'
import type { QuizPlan, Refusal } from './room'
import type { HostView, PlayerView } from './views'
import type { ScreenFeed } from '../meeting/screenFeed'

/*
 * The wire: one typed map per direction, checked at the edge. Nothing from a socket reaches the
 * room rules before `parseClientMessage` has checked its size, its JSON and its shape.
 */

/** Largest frame a phone may send (a typed answer is at most 200 characters). */
export const MAX_PHONE_FRAME = 2_048
/** Largest frame the host may send: a whole quiz with its questions and sources. */
export const MAX_HOST_FRAME = 2_000_000
export const LIVE_PATH = '/live'
/** The host window's endpoint: accepted only from the server's own machine, frames up to MAX_HOST_FRAME. */
export const HOST_PATH = '/live-host'

/** What a phone may say. `id` numbers a request so its acknowledgment finds it (and a resend is recognised). */
export type PhoneMessage =
  /** `device`: an id the phone keeps in its storage, so a phone moved out cannot come back as a new seat. */
  | { t: 'join'; room: string; name: string; teamId?: string; device?: string }
  | { t: 'rejoin'; room: string; playerId: string; secret: string }
  | { t: 'answer'; id: number; key: string; response: QuizResponse }
  | { t: 'buzz'; id: number; key: string }
  | { t: 'stake'; id: number; key: string; points: number }

/** What the host window may say, after proving itself with the host secret. */
export type HostMessage =
  | { t: 'host'; secret: string }
  /** The projector window on the host laptop: proves itself the same way, and is sent only its screen feed. */
  | { t: 'screen'; secret: string }
  /** The quiz as saved (its id and time are checked like a saved quiz). */
  | { t: 'start'; quiz: QuizPlan & { id?: string; updatedAt?: number } }
  | { t: 'act'; action: MeetingAction }
  /** One seat, or several at once (forged seats come in numbers). */
  | { t: 'kick'; playerId?: string; playerIds?: string[] }
  /** Locks the room (no new seats) or opens it again. */
  | { t: 'lock'; locked: boolean }
  /** Speed points on or off for the questions opened from now on (off by default). */
  | { t: 'speed'; on: boolean }
  /** Re-opens a question: its answers and scores are void (the explicit way back after reveal). */
  | { t: 'void'; key: string }
  | { t: 'rename'; playerId: string; name: string }
  | { t: 'export' }
  | { t: 'close' }

/** Either end's heartbeat: the server answers `pong` at once (a silent Wi-Fi closes nothing). */
export type PingMessage = { t: 'ping' }

export type ClientMessage = PhoneMessage | HostMessage | PingMessage

export const HOST_TYPES = ['start', 'act', 'kick', 'lock', 'speed', 'void', 'rename', 'export', 'close'] as const

export type ServerMessage =
  /** `code` only for the host window: anyone on the Wi-Fi can open a socket, and the room code is what joining takes. */
  | { t: 'welcome'; code?: string; teams: { id: string; name: string }[] | null; serverNow: number }
  | { t: 'seat'; playerId: string; secret: string }
  | { t: 'player'; view: PlayerView }
  | { t: 'host'; view: HostView }
  /** The projector's feed, built by the server from the same session as the phones' views. */
  | { t: 'screen'; feed: ScreenFeed }
  | { t: 'ack'; id: number; ok: true; duplicate?: boolean; place?: number }
  | { t: 'ack'; id: number; ok: false; reason: Refusal; message: string }
  | { t: 'refused'; reason: Refusal | 'not-host' | 'rate-limited'; message: string }
  | { t: 'export'; csv: string }
  | { t: 'closed' }
  | { t: 'pong'; serverNow: number }

export type ParseResult = { ok: true; message: ClientMessage } | { ok: false; why: 'size' | 'json' | 'shape' }

type Fields = Record<string, unknown>
const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max
const reqId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0
const isResponse = (v: unknown): v is QuizResponse => str(v, 400) || (Array.isArray(v) && v.length <= 12 && v.every((x) => str(x, 400)))

const SIMPLE_ACTIONS = ['next', 'prev', 'startTimer', 'pauseTimer', 'toggleTimer', 'resetTimer', 'reveal', 'hideAnswer', 'end', 'reopen']

/** A meeting action as the host may send it; anything else is refused before the rules see it. */
export function isMeetingAction(v: unknown): v is MeetingAction {
  if (!isObject(v) || typeof v.type !== 'string') return false
  if (SIMPLE_ACTIONS.includes(v.type)) return true
  switch (v.type) {
    case 'goto':
      return Number.isInteger(v.roundIndex) && Number.isInteger(v.questionIndex)
    case 'adjustTimer':
      return Number.isFinite(v.deltaMs) && Math.abs(v.deltaMs as number) <= 3_600_000
    case 'selectTeam':
      return v.teamId === null || str(v.teamId, 40)
    case 'score':
      return str(v.teamId, 40) && (v.outcome === 'right' || v.outcome === 'wrong')
    case 'adjustScore':
      return str(v.teamId, 40) && Number.isFinite(v.delta) && Math.abs(v.delta as number) <= 10_000
    case 'undo':
      return v.allowEarlier === undefined || typeof v.allowEarlier === 'boolean'
    case 'setStake':
      return (RISK_POINTS as readonly unknown[]).includes(v.points)
    default:
      // awardShares is the room's own doing at reveal, never the host's.
      return false
  }
}

function shape(v: Fields): ClientMessage | null {
  switch (v.t) {
    case 'join':
      return str(v.room, 12) && str(v.name, 64) && (v.teamId === undefined || str(v.teamId, 40)) && (v.device === undefined || str(v.device, 64)) ? (v as ClientMessage) : null
    case 'rejoin':
      return str(v.room, 12) && str(v.playerId, 64) && str(v.secret, 128) ? (v as ClientMessage) : null
    case 'answer':
      return reqId(v.id) && str(v.key, 120) && isResponse(v.response) ? (v as ClientMessage) : null
    case 'buzz':
      return reqId(v.id) && str(v.key, 120) ? (v as ClientMessage) : null
    case 'stake':
      return reqId(v.id) && str(v.key, 120) && typeof v.points === 'number' ? (v as ClientMessage) : null
    case 'host':
    case 'screen':
      return str(v.secret, 128) ? (v as ClientMessage) : null
    case 'start': {
      const quiz = parseQuiz(v.quiz)
      return quiz && quiz.rounds.some((r) => r.questions.length > 0) ? { t: 'start', quiz: { name: quiz.name, teams: quiz.teams, startingScore: quiz.startingScore, rounds: quiz.rounds } } : null
    }
    case 'act':
      return isMeetingAction(v.action) ? (v as ClientMessage) : null
    case 'kick': {
      const one = v.playerId === undefined || str(v.playerId, 64)
      const many = v.playerIds === undefined || (Array.isArray(v.playerIds) && v.playerIds.length <= 500 && v.playerIds.every((id) => str(id, 64)))
      return one && many && (v.playerId !== undefined || v.playerIds !== undefined) ? (v as ClientMessage) : null
    }
    case 'lock':
      return typeof v.locked === 'boolean' ? { t: 'lock', locked: v.locked } : null
    case 'speed':
      return typeof v.on === 'boolean' ? { t: 'speed', on: v.on } : null
    case 'rename':
      return str(v.playerId, 64) && str(v.name, 64) ? (v as ClientMessage) : null
    case 'void':
      return str(v.key, 120) ? (v as ClientMessage) : null
    case 'export':
    case 'close':
    case 'ping':
      return { t: v.t }
    default:
      return null
  }
}

/** Size, JSON, shape — in that order, so an oversized frame is never even parsed. */
export function parseClientMessage(raw: string, maxBytes: number): ParseResult {
  if (raw.length > maxBytes) return { ok: false, why: 'size' }
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return { ok: false, why: 'json' }
  }
  if (!isObject(value)) return { ok: false, why: 'shape' }
  const message = shape(value)
  return message ? { ok: true, message } : { ok: false, why: 'shape' }
}

/** A token bucket: `burst` messages at once, then `perSecond`. */
export interface RateLimiter {
  take(now: number): boolean
}

export function createRateLimiter(perSecond: number, burst: number): RateLimiter {
  let tokens = burst
  let last = -Infinity
  return {
    take(now) {
      tokens = Math.min(burst, tokens + (last === -Infinity ? 0 : ((now - last) / 1000) * perSecond))
      last = now
      if (tokens < 1) return false
      tokens -= 1
      return true
    },
  }
}
