import type { Card } from '../cards/types'

/**
 * The kinds of round at a branch knowledge quiz: the three host-judged ones, and 全员答题
 * (`all`), where every member answers on a phone through the meeting server.
 */
export type RoundKind = 'required' | 'buzzer' | 'risk' | 'all'

/** Stakes a team can choose in a risk round (风险题). */
export const RISK_POINTS = [10, 20, 30] as const
export type RiskPoints = (typeof RISK_POINTS)[number]

/**
 * A question as the quiz keeps it: a snapshot of a card, so a saved quiz or a running session
 * does not change when the card generator improves.
 */
export interface MeetingQuestion extends Pick<Card, 'id' | 'docId' | 'anchor' | 'type' | 'prompt' | 'answer' | 'options' | 'ordered' | 'source' | 'heading'> {
  /** Stake of a risk-round question (10/20/30); absent elsewhere. */
  points?: RiskPoints
}

export interface RoundPlan {
  kind: RoundKind
  /** Shown on the screen, e.g. 第一轮 必答题. */
  title: string
  secondsPerQuestion: number
  questions: MeetingQuestion[]
}

export interface Team {
  id: string
  name: string
}

/** A named, reusable question set with its teams (saved in IndexedDB). */
export interface Quiz {
  id: string
  name: string
  teams: string[]
  startingScore: number
  rounds: RoundPlan[]
  /** ms since epoch. */
  updatedAt: number
}

/**
 * The countdown as timestamps, never ticks: each window computes the remaining time itself.
 * idle: startedAt = pausedAt = null; running: startedAt set, pausedAt null;
 * paused: both set, `accumulatedMs` holds all elapsed time so far.
 */
export interface TimerState {
  durationMs: number
  startedAt: number | null
  pausedAt: number | null
  /** Elapsed time of the finished run segments. */
  accumulatedMs: number
}

export type ScoreOutcome = 'right' | 'wrong' | 'manual'

/** One change to one team's score; scores are always derived from the log, so undo is exact. */
export interface ScoreEvent {
  teamId: string
  roundIndex: number
  /** -1 for an adjustment made on a round's opening page. */
  questionIndex: number
  outcome: ScoreOutcome
  delta: number
  at: number
  /**
   * A 全员答题 team share, derived by the live room from the phones' answers and recomputed when
   * they change (src/lib/live/room.ts): never undone by the host, who corrects with adjustments.
   */
  share?: true
}

export type MeetingRole = 'host' | 'screen'

/** Who made the latest change: a window drops a state it sent itself (an echo). */
export interface LastUpdate {
  /** The window's own id. */
  id: string
  role: MeetingRole
  at: number
}

export type MeetingPhase = 'running' | 'ended'

/** The one shared state of a running quiz, synced between the host and the projector window. */
export interface MeetingSession {
  /** Identifies one quiz run; a message about another run is ignored. */
  sessionId: string
  quizName: string
  teams: Team[]
  startingScore: number
  rounds: RoundPlan[]
  roundIndex: number
  /** -1 = the round's opening page (its rules); 0… = a question. */
  questionIndex: number
  revealed: boolean
  /**
   * Live room only: a 风险题 whose stake is not chosen yet. The projector and the phones show no
   * question until it is (a team must not choose its stake having read the question).
   */
  awaitingStake?: boolean
  /** The team answering now (its turn, or the first to buzz in), highlighted on both screens. */
  activeTeamId: string | null
  timer: TimerState
  scoreLog: ScoreEvent[]
  phase: MeetingPhase
  /** Increases with every change; the higher revision wins when two windows disagree. */
  revision: number
  lastUpdate: LastUpdate
  startedAt: number
}
