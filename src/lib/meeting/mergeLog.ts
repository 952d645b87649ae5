import { isNewer } from './session'
import type { MeetingSession, ScoreEvent } from './types'

/**
 * Two host windows can score at the same moment. The score log is an event log, so their
 * changes are merged by event id instead of one window's log replacing the other's.
 */

/** An event's identity: its own id when it has one, otherwise all its fields (two clicks never share a millisecond, team and question). */
export function eventKey(event: ScoreEvent): string {
  const own = (event as ScoreEvent & { id?: unknown }).id
  if (typeof own === 'string') return own
  return `${event.at}|${event.teamId}|${event.roundIndex}|${event.questionIndex}|${event.outcome}|${event.delta}`
}

/**
 * Three-way merge of score logs. `base` is the log both sides started from: an event in the
 * base that one side no longer has was undone there and stays undone; an event that either
 * side added is kept. The result is ordered by time, so "undo" still takes back the latest.
 */
export function mergeLog(base: readonly ScoreEvent[], ours: readonly ScoreEvent[], theirs: readonly ScoreEvent[]): ScoreEvent[] {
  const inBase = new Set(base.map(eventKey))
  const oursKeys = new Set(ours.map(eventKey))
  const theirsKeys = new Set(theirs.map(eventKey))
  const merged = new Map<string, ScoreEvent>()
  for (const event of [...ours, ...theirs]) {
    const key = eventKey(event)
    if (merged.has(key)) continue
    const undone = inBase.has(key) && (!oursKeys.has(key) || !theirsKeys.has(key))
    if (!undone) merged.set(key, event)
  }
  return [...merged.values()].sort((a, b) => a.at - b.at || (eventKey(a) < eventKey(b) ? -1 : 1))
}

const sameVersion = (a: MeetingSession, b: MeetingSession) =>
  a.sessionId === b.sessionId && a.revision === b.revision && a.lastUpdate.id === b.lastUpdate.id && a.lastUpdate.at === b.lastUpdate.at

export type SessionMerge =
  /** Write `session` (ours, or ours with the other window's events merged in). */
  | { write: true; session: MeetingSession; merged: boolean }
  /** What is stored is as new as ours or newer and holds all of it: keep it and show it. */
  | { write: false; session: MeetingSession }

/** Whether `ours` was made in this window from `parent` (one action), rather than received from another. */
const madeFrom = (parent: MeetingSession | null, ours: MeetingSession): parent is MeetingSession =>
  !!parent && parent.sessionId === ours.sessionId && ours.revision === parent.revision + 1

/**
 * What to store when this window saves `ours`, having held `parent` just before, while the
 * database holds `stored`. Another window's write is merged, never overwritten.
 */
export function mergeSessions(parent: MeetingSession | null, ours: MeetingSession, stored: MeetingSession | null): SessionMerge {
  if (!stored) return { write: true, session: ours, merged: false }
  if (sameVersion(stored, ours)) return { write: false, session: ours }
  if (stored.sessionId !== ours.sessionId) {
    return ours.startedAt >= stored.startedAt ? { write: true, session: ours, merged: false } : { write: false, session: stored }
  }
  // A change made here on top of exactly what is stored: simply the next state.
  if (madeFrom(parent, ours) && sameVersion(parent, stored)) return { write: true, session: ours, merged: false }
  // Otherwise merge the logs. Only for a change made here is an event missing from ours an undo;
  // for a state received from another window, the union is kept.
  const storedKeys = new Set(stored.scoreLog.map(eventKey))
  const base = madeFrom(parent, ours) ? parent.scoreLog : ours.scoreLog.filter((e) => storedKeys.has(eventKey(e)))
  const scoreLog = mergeLog(base, ours.scoreLog, stored.scoreLog)
  // The later state decides where the quiz stands; the scores are the union of both.
  const later = isNewer(ours, stored) ? ours : stored
  const sameLog = scoreLog.length === later.scoreLog.length && scoreLog.every((e, i) => eventKey(e) === eventKey(later.scoreLog[i] as ScoreEvent))
  if (later === stored && sameLog) return { write: false, session: stored }
  return {
    write: true,
    merged: true,
    session: { ...later, scoreLog, revision: Math.max(ours.revision, stored.revision) + 1, lastUpdate: { ...ours.lastUpdate, at: Math.max(ours.lastUpdate.at, stored.lastUpdate.at) } },
  }
}
