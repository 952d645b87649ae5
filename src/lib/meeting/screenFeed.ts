import type { LiveSummary } from '../live/views'
import { computeResults } from './results'
import { toScreenView, type ScreenView } from './screenView'
import { undoTarget } from './session'
import type { ScreenCommand } from './shortcuts'
import type { MeetingSession } from './types'

/*
 * What the projector window is sent: the screen view (no answer before reveal), the final
 * ranking, and — with phones — the room code, the join address and the live counts. The
 * projector never receives the session itself (issue 12, item 15); its keyboard sends commands
 * back to the host window, which holds the session.
 */

export interface ScreenFeed {
  sessionId: string
  view: ScreenView
  ranking: { rank: number; name: string; score: number }[]
  live: { joinUrl: string; summary: LiveSummary } | null
  /** What Z on the projector would undo (said there, confirmed there when it lies outside the question shown). */
  undo: { label: string; outsideCurrent: boolean } | null
}

export type ScreenMessage =
  | { kind: 'feed'; feed: ScreenFeed | null }
  /** A projector opened (or reloaded) and asks for the feed. */
  | { kind: 'hello' }
  /** A key pressed on the projector, for the host window to carry out. */
  | { kind: 'command'; command: ScreenCommand }

export const SCREEN_CHANNEL = 'study-garden-meeting-screen'

export function toScreenFeed(session: MeetingSession, live: ScreenFeed['live'] = null): ScreenFeed {
  return {
    sessionId: session.sessionId,
    view: toScreenView(session),
    ranking: session.phase === 'ended' ? computeResults(session).ranking.map((entry) => ({ rank: entry.rank, name: entry.team.name, score: entry.score })) : [],
    live,
    undo: undoOf(session),
  }
}

function undoOf(session: MeetingSession): ScreenFeed['undo'] {
  const target = undoTarget(session)
  return target ? { label: target.label, outsideCurrent: target.outsideCurrent } : null
}

/** A light check of a feed from another window of this origin (an old version may still be open). */
export function isScreenFeed(value: unknown): value is ScreenFeed {
  const feed = value as ScreenFeed | null
  return typeof feed === 'object' && feed !== null && typeof feed.sessionId === 'string' && typeof feed.view === 'object' && feed.view !== null &&
    Array.isArray(feed.view.teams) && Array.isArray(feed.ranking) && (feed.live === null || typeof feed.live === 'object')
}
