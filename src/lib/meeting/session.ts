import { formatDelta, MAX_TEAMS, pointsFor, roundOrdinal, sharePoints, stakeOf, turnTeamIndex } from './rules'
import { adjustTimer, createTimer, pauseTimer, startTimer, toggleTimer } from './timer'
import { RISK_POINTS, type LastUpdate, type MeetingQuestion, type MeetingSession, type Quiz, type RiskPoints, type RoundPlan, type ScoreEvent, type Team } from './types'

/** Everything a window can do to the shared session. */
export type MeetingAction =
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'goto'; roundIndex: number; questionIndex: number }
  | { type: 'startTimer' }
  | { type: 'pauseTimer' }
  | { type: 'toggleTimer' }
  | { type: 'resetTimer' }
  | { type: 'adjustTimer'; deltaMs: number }
  | { type: 'reveal' }
  | { type: 'hideAnswer' }
  | { type: 'selectTeam'; teamId: string | null }
  | { type: 'score'; teamId: string; outcome: 'right' | 'wrong' }
  | { type: 'adjustScore'; teamId: string; delta: number }
  /** Undo stays within the question shown; `allowEarlier` is the confirmed reach further back. */
  | { type: 'undo'; allowEarlier?: boolean }
  /** The stake of the 风险题 shown, chosen at the meeting (by the host or the team leader's phone). */
  | { type: 'setStake'; points: RiskPoints }
  /** 全员答题: each team's right answers and members, counted by the live room at reveal. */
  | { type: 'awardShares'; tallies: { teamId: string; right: number; members: number }[] }
  | { type: 'end' }
  | { type: 'reopen' }

export interface SessionStart {
  sessionId: string
  quiz: Pick<Quiz, 'name' | 'teams' | 'startingScore' | 'rounds'>
  now: number
  by: Omit<LastUpdate, 'at'>
}

export function createSession({ sessionId, quiz, now, by }: SessionStart): MeetingSession {
  const teams: Team[] = quiz.teams.slice(0, MAX_TEAMS).map((name, i) => ({ id: `t${i + 1}`, name }))
  const rounds = quiz.rounds.filter((round) => round.questions.length > 0)
  return {
    sessionId,
    quizName: quiz.name,
    teams,
    startingScore: quiz.startingScore,
    rounds,
    roundIndex: 0,
    questionIndex: -1,
    revealed: false,
    activeTeamId: null,
    timer: createTimer((rounds[0]?.secondsPerQuestion ?? 30) * 1000),
    scoreLog: [],
    phase: 'running',
    revision: 1,
    lastUpdate: { ...by, at: now },
    startedAt: now,
  }
}

export function currentRound(session: MeetingSession): RoundPlan | undefined {
  return session.rounds[session.roundIndex]
}

export function currentQuestion(session: MeetingSession): MeetingQuestion | undefined {
  return currentRound(session)?.questions[session.questionIndex]
}

/** Score of every team: the starting score plus its log. */
export function teamScores(session: Pick<MeetingSession, 'teams' | 'startingScore' | 'scoreLog'>): Map<string, number> {
  const scores = new Map(session.teams.map((team) => [team.id, session.startingScore]))
  for (const event of session.scoreLog) {
    const before = scores.get(event.teamId)
    if (before !== undefined) scores.set(event.teamId, before + event.delta)
  }
  return scores
}

/** Events on the question now shown. */
/** Once the answer is shown or a verdict is in, a 风险题 stake is part of the score: changing it would rewrite history. */
export function stakeLocked(session: MeetingSession): boolean {
  return session.revealed || eventsOnCurrent(session).some((e) => e.outcome !== 'manual')
}

export function eventsOnCurrent(session: MeetingSession): ScoreEvent[] {
  return session.scoreLog.filter((e) => e.roundIndex === session.roundIndex && e.questionIndex === session.questionIndex)
}

/** Moves to a page (round opening page or question) with a fresh countdown and a hidden answer. */
function moveTo(session: MeetingSession, roundIndex: number, questionIndex: number): MeetingSession {
  const round = session.rounds[roundIndex]
  if (!round || questionIndex < -1 || questionIndex >= round.questions.length) return session
  if (roundIndex === session.roundIndex && questionIndex === session.questionIndex) return session
  const turn = turnTeamIndex(round.kind, questionIndex, session.teams.length)
  return {
    ...session,
    roundIndex,
    questionIndex,
    revealed: false,
    activeTeamId: turn === null ? null : (session.teams[turn]?.id ?? null),
    timer: createTimer(round.secondsPerQuestion * 1000),
  }
}

/** Whether → has nowhere to go: the last page of the last round (then the host is offered to end). */
export function isLastPage(session: MeetingSession): boolean {
  return session.phase !== 'ended' && session.rounds.length > 0 && step(session, 1) === session
}

function step(session: MeetingSession, direction: 1 | -1): MeetingSession {
  const { roundIndex, questionIndex } = session
  const round = session.rounds[roundIndex]
  if (!round) return session
  if (direction === 1) {
    if (questionIndex + 1 < round.questions.length) return moveTo(session, roundIndex, questionIndex + 1)
    return moveTo(session, roundIndex + 1, -1)
  }
  if (questionIndex > -1) return moveTo(session, roundIndex, questionIndex - 1)
  const previous = session.rounds[roundIndex - 1]
  return previous ? moveTo(session, roundIndex - 1, previous.questions.length - 1) : session
}

function score(session: MeetingSession, teamId: string, outcome: 'right' | 'wrong', now: number): MeetingSession {
  const round = currentRound(session)
  const question = currentQuestion(session)
  if (!round || !question || !session.teams.some((t) => t.id === teamId)) return session
  // A double click must not count twice: one verdict per team and question (undo to change it).
  if (eventsOnCurrent(session).some((e) => e.teamId === teamId && e.outcome !== 'manual')) return session
  const event: ScoreEvent = {
    teamId,
    roundIndex: session.roundIndex,
    questionIndex: session.questionIndex,
    outcome,
    delta: pointsFor(round.kind, question, outcome),
    at: now,
  }
  return { ...session, scoreLog: [...session.scoreLog, event], activeTeamId: teamId }
}

function adjustScore(session: MeetingSession, teamId: string, delta: number, now: number): MeetingSession {
  if (!Number.isFinite(delta) || delta === 0 || !session.teams.some((t) => t.id === teamId)) return session
  const event: ScoreEvent = { teamId, roundIndex: session.roundIndex, questionIndex: session.questionIndex, outcome: 'manual', delta, at: now }
  return { ...session, scoreLog: [...session.scoreLog, event] }
}

function setStake(session: MeetingSession, points: RiskPoints): MeetingSession {
  const round = currentRound(session)
  const question = currentQuestion(session)
  if (!round || round.kind !== 'risk' || !question || !RISK_POINTS.includes(points) || stakeLocked(session)) return session
  if (question.points === points) return session
  const questions = round.questions.map((q, i) => (i === session.questionIndex ? { ...q, points } : q))
  const rounds = session.rounds.map((r, i) => (i === session.roundIndex ? { ...r, questions } : r))
  return { ...session, rounds }
}

function awardShares(session: MeetingSession, tallies: { teamId: string; right: number; members: number }[], now: number): MeetingSession {
  const round = currentRound(session)
  const question = currentQuestion(session)
  if (!round || round.kind !== 'all' || !question) return session
  if (eventsOnCurrent(session).some((e) => e.outcome !== 'manual')) return session
  const stake = stakeOf(round.kind, question)
  const events: ScoreEvent[] = tallies
    .filter((t) => session.teams.some((team) => team.id === t.teamId))
    .map((t) => ({
      teamId: t.teamId,
      roundIndex: session.roundIndex,
      questionIndex: session.questionIndex,
      outcome: 'right' as const,
      delta: sharePoints(t.right, t.members, stake),
      at: now,
    }))
  return events.length ? { ...session, scoreLog: [...session.scoreLog, ...events] } : session
}

/** What undo would take back now, and whether it lies outside the question shown (then it needs a confirmation). */
export interface UndoTarget {
  event: ScoreEvent
  outsideCurrent: boolean
  /** `第一党小组 第一轮 第2题 答对 +10`, said on the screen where undo was pressed. */
  label: string
}

/** The last event undo may take back: a derived share (live room) is not the host's to undo. */
function lastUndoable(session: MeetingSession): number {
  return session.scoreLog.findLastIndex((e) => !e.share)
}

export function undoTarget(session: MeetingSession): UndoTarget | null {
  const event = session.scoreLog[lastUndoable(session)]
  if (!event) return null
  const team = session.teams.find((t) => t.id === event.teamId)?.name ?? event.teamId
  const where = `${roundOrdinal(event.roundIndex)}${event.questionIndex < 0 ? '开场页' : `第${event.questionIndex + 1}题`}`
  const what = event.outcome === 'right' ? '答对' : event.outcome === 'wrong' ? '答错' : '调整'
  return {
    event,
    outsideCurrent: event.roundIndex !== session.roundIndex || event.questionIndex !== session.questionIndex,
    label: `${team} ${where} ${what} ${formatDelta(event.delta)}`,
  }
}

function undo(session: MeetingSession, allowEarlier: boolean): MeetingSession {
  const target = undoTarget(session)
  if (!target || (target.outsideCurrent && !allowEarlier)) return session
  const index = lastUndoable(session)
  return { ...session, scoreLog: [...session.scoreLog.slice(0, index), ...session.scoreLog.slice(index + 1)] }
}

/** Applies an action; returns the same object when nothing changed (so nothing is sent or saved). */
function apply(session: MeetingSession, action: MeetingAction, now: number): MeetingSession {
  if (session.phase === 'ended' && action.type !== 'reopen') return session
  switch (action.type) {
    case 'next':
      return step(session, 1)
    case 'prev':
      return step(session, -1)
    case 'goto':
      return moveTo(session, action.roundIndex, action.questionIndex)
    case 'startTimer':
      return withTimer(session, startTimer(session.timer, now))
    case 'pauseTimer':
      return withTimer(session, pauseTimer(session.timer, now))
    case 'toggleTimer':
      return withTimer(session, toggleTimer(session.timer, now))
    case 'resetTimer':
      return withTimer(session, createTimer((currentRound(session)?.secondsPerQuestion ?? 30) * 1000))
    case 'adjustTimer':
      return withTimer(session, adjustTimer(session.timer, action.deltaMs, now))
    case 'reveal':
      // Revealing stops the clock: the answer is out, time no longer matters.
      return currentQuestion(session) && !session.revealed ? { ...session, revealed: true, timer: pauseTimer(session.timer, now) } : session
    case 'hideAnswer':
      return session.revealed ? { ...session, revealed: false } : session
    case 'selectTeam':
      if (action.teamId !== null && !session.teams.some((t) => t.id === action.teamId)) return session
      return session.activeTeamId === action.teamId ? session : { ...session, activeTeamId: action.teamId }
    case 'score':
      return score(session, action.teamId, action.outcome, now)
    case 'adjustScore':
      return adjustScore(session, action.teamId, action.delta, now)
    case 'undo':
      return undo(session, action.allowEarlier === true)
    case 'setStake':
      return setStake(session, action.points)
    case 'awardShares':
      return awardShares(session, action.tallies, now)
    case 'end':
      return { ...session, phase: 'ended', timer: pauseTimer(session.timer, now) }
    case 'reopen':
      return session.phase === 'ended' ? { ...session, phase: 'running' } : session
  }
}

function withTimer(session: MeetingSession, timer: MeetingSession['timer']): MeetingSession {
  return timer === session.timer ? session : { ...session, timer }
}

/**
 * The session state machine: the next state after `action`, stamped with who made it.
 * Unchanged state comes back as the same object.
 */
export function reduce(session: MeetingSession, action: MeetingAction, now: number, by: Omit<LastUpdate, 'at'>): MeetingSession {
  const next = apply(session, action, now)
  if (next === session) return session
  return { ...next, revision: session.revision + 1, lastUpdate: { ...by, at: now } }
}

/** Whether `next` is as new as `known` or newer; ties are broken by time, then window id, so all windows agree. */
export function isNewer(next: Pick<MeetingSession, 'revision' | 'lastUpdate'>, known: Pick<MeetingSession, 'revision' | 'lastUpdate'>): boolean {
  if (next.revision !== known.revision) return next.revision > known.revision
  if (next.lastUpdate.at !== known.lastUpdate.at) return next.lastUpdate.at > known.lastUpdate.at
  return next.lastUpdate.id > known.lastUpdate.id
}
