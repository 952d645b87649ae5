import { isMeetingAction } from './protocol'
import type { LiveEvent } from './room'

/*
 * The room's journal: one JSON event per line, appended as events happen. A crash can leave a
 * half-written last line; reading keeps every whole event before the first bad line and says
 * where the good part ends, so the caller can cut the file there (and keep the cut part aside).
 */

export function encodeEvent(event: LiveEvent): string {
  return `${JSON.stringify(event)}\n`
}

type Fields = Record<string, unknown>
const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v)
const s = (v: unknown): v is string => typeof v === 'string'

export function isLiveEvent(v: unknown): v is LiveEvent {
  if (!isObject(v) || !Number.isFinite(v.at)) return false
  switch (v.e) {
    case 'open':
      return s(v.code) && s(v.hostSecret)
    case 'start':
      return s(v.sessionId) && isObject(v.quiz) && Array.isArray(v.quiz.rounds) && Array.isArray(v.quiz.teams)
    case 'act':
      return isMeetingAction(v.action) || (isObject(v.action) && v.action.type === 'awardShares')
    case 'join':
      return s(v.playerId) && s(v.secret) && s(v.name) && s(v.teamId) && (v.address === undefined || s(v.address)) && (v.device === undefined || s(v.device))
    case 'lock':
      return typeof v.locked === 'boolean'
    case 'speed':
      return typeof v.on === 'boolean'
    case 'rename':
      return s(v.playerId) && s(v.name)
    case 'kick':
      return s(v.playerId)
    case 'answer':
      return s(v.playerId) && s(v.key) && (s(v.response) || (Array.isArray(v.response) && v.response.every(s)))
    case 'buzz':
    case 'false-start':
      return s(v.playerId) && s(v.key)
    case 'stake':
      return s(v.playerId) && s(v.key) && (v.points === 10 || v.points === 20 || v.points === 30)
    case 'void':
      return s(v.key)
    case 'close':
      return true
    default:
      return false
  }
}

export interface JournalRead {
  events: LiveEvent[]
  /** Length in bytes of the whole events: the file is cut here when `cutBytes` > 0. */
  goodBytes: number
  /** Bytes after the last whole event (a torn write, or garbage). */
  cutBytes: number
}

export function readJournal(data: Uint8Array): JournalRead {
  const events: LiveEvent[] = []
  let offset = 0
  const decoder = new TextDecoder('utf-8', { fatal: true })
  while (offset < data.length) {
    const end = data.indexOf(0x0a, offset)
    // A last line without its newline was cut mid-write.
    if (end < 0) break
    let event: unknown
    try {
      event = JSON.parse(decoder.decode(data.subarray(offset, end)))
    } catch {
      break
    }
    if (!isLiveEvent(event) || (events.length === 0 && event.e !== 'open')) break
    events.push(event)
    offset = end + 1
  }
  return { events, goodBytes: offset, cutBytes: data.length - offset }
}
