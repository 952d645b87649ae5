import { optionLetter, toScreenView, type ScreenQuestion, type ScreenView } from '../meeting/screenView'
import { currentRound, teamScores } from '../meeting/session'
import type { MeetingSession, TimerState } from '../meeting/types'
import type { QuizResponse } from '../quiz/types'
import { activePlayers, answerWindow, currentKey, isClosed, leaderOf, playerScores, type LiveRoom } from './room'

/*
 * What each role may see. A phone's view is made from the projector's view (which holds no
 * answer until it is revealed) plus that phone's own seat: the room's questions never pass
 * through `toPlayerView`, so an unrevealed answer cannot reach a phone by any path.
 */

export interface LiveSummary {
  code: string
  joined: number
  /** Answers (全员答题) or presses (抢答) on the question shown. */
  answered: number
  perTeam: { teamId: string; name: string; joined: number; answered: number }[]
  /** Only once revealed: how the room answered. */
  distribution: { label: string; count: number; correct: boolean }[] | null
  /** 抢答: who pressed, in order of arrival at the server. */
  buzzOrder: { name: string; teamName: string }[]
  /** The lobby on the projector: who is in, newest last (at most the last 60 names). */
  lobby: { name: string; teamName: string }[]
  /** 抢答: who pressed before the host opened it (抢跑). */
  falseStarts: { name: string; teamName: string }[]
  /** Only once the question shown is revealed: the standings with this question's change. */
  leaderboard: Leaderboard | null
  /** Speed points are on for questions opened from now on. */
  speed: boolean
}

/** After a reveal: the top members and every team, each with what this question changed. */
export interface Leaderboard {
  top: { rank: number; name: string; teamName: string; score: number; delta: number }[]
  teams: { rank: number; name: string; score: number; delta: number }[]
}

/** A member's own place after a reveal (the phone's part of the leaderboard). */
export interface Standing {
  rank: number
  of: number
  score: number
  delta: number
}

export const LEADERBOARD_SIZE = 5

/** Ranks shared on ties (1, 2, 2, 4), in order of score, ties in the given order. */
function ranked<T extends { score: number }>(rows: T[]): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => b.score - a.score)
  let rank = 0
  return sorted.map((row, i) => {
    if (i === 0 || sorted[i - 1]!.score !== row.score) rank = i + 1
    return { ...row, rank }
  })
}

/** Every member's standing once the question shown is revealed, or null before (nothing to tell yet). */
export function standingsOf(room: LiveRoom, scores = playerScores(room)): Map<string, Standing> | null {
  const key = currentKey(room)
  if (!room.session?.revealed || !isClosed(room, key)) return null
  const before = playerScores(room, key ?? undefined)
  const rows = ranked(activePlayers(room).map((p) => ({ id: p.id, score: scores.get(p.id) ?? 0 })))
  return new Map(rows.map((r) => [r.id, { rank: r.rank, of: rows.length, score: r.score, delta: r.score - (before.get(r.id) ?? 0) }]))
}

export function leaderboardOf(room: LiveRoom): Leaderboard | null {
  const session = room.session
  const standings = standingsOf(room)
  if (!session || !standings) return null
  const teamName = (id: string) => session.teams.find((t) => t.id === id)?.name ?? ''
  const top = activePlayers(room)
    .map((p) => ({ p, s: standings.get(p.id)! }))
    .sort((a, b) => a.s.rank - b.s.rank)
    .slice(0, LEADERBOARD_SIZE)
    .map(({ p, s }) => ({ rank: s.rank, name: p.name, teamName: teamName(p.teamId), score: s.score, delta: s.delta }))
  const totals = teamScores(session)
  const here = (e: MeetingSession['scoreLog'][number]) => e.roundIndex === session.roundIndex && e.questionIndex === session.questionIndex
  const teams = ranked(session.teams.map((t) => ({
    name: t.name,
    score: totals.get(t.id) ?? 0,
    delta: session.scoreLog.filter((e) => e.teamId === t.id && here(e)).reduce((sum, e) => sum + e.delta, 0),
  })))
  return { top, teams }
}

export interface PlayerSeatView {
  id: string
  name: string
  teamId: string
  teamName: string
  /** Picks the team's 风险题 stake. */
  leader: boolean
  score: number
}

export interface PlayerView {
  code: string
  phase: 'running' | 'ended' | 'closed'
  me: PlayerSeatView
  teams: { id: string; name: string; score: number }[]
  round: ScreenView['round']
  question: (ScreenQuestion & { key: string; open: boolean }) | null
  /** Present only once revealed. */
  answer?: string
  /** The phone's own answer; `correct` only once revealed. */
  myAnswer: { response: QuizResponse; correct?: boolean } | null
  /** `open`: the host has opened 抢答 (a press now counts; before, it is a false start). */
  buzz: { place: number | null; count: number; firstTeam: string | null; open: boolean; falseStart: boolean } | null
  stake: { mayChoose: boolean; points: number } | null
  /** Present only once revealed: the member's own place and what this question earned. */
  standing?: Standing
  timer: TimerState
  serverNow: number
}

/** The personal part of a phone's view: nothing in here can carry the question's answer. */
export interface PlayerPersonal {
  code: string
  closed: boolean
  key: string | null
  open: boolean
  me: PlayerSeatView
  myAnswer: { response: QuizResponse; correct?: boolean } | null
  buzz: PlayerView['buzz']
  mayChooseStake: boolean
  standing: Standing | null
  serverNow: number
}

export function toPlayerView(screen: ScreenView, personal: PlayerPersonal): PlayerView {
  const revealed = screen.answer !== undefined
  const { response } = personal.myAnswer ?? {}
  return {
    code: personal.code,
    phase: personal.closed ? 'closed' : screen.ended ? 'ended' : 'running',
    me: personal.me,
    teams: screen.teams.map(({ id, name, score }) => ({ id, name, score })),
    round: screen.round,
    question: screen.question && personal.key ? { ...screen.question, key: personal.key, open: personal.open } : null,
    ...(revealed ? { answer: screen.answer } : {}),
    myAnswer: response === undefined ? null : revealed ? { response, correct: personal.myAnswer?.correct } : { response },
    buzz: personal.buzz,
    stake: screen.round?.kind === 'risk' && screen.question ? { mayChoose: personal.mayChooseStake, points: screen.question.stake } : null,
    ...(revealed && personal.standing ? { standing: personal.standing } : {}),
    timer: screen.timer,
    serverNow: personal.serverNow,
  }
}

/** What every phone's view is built from: computed once when many views go out together. */
export interface SharedPlayerData {
  screen: ScreenView
  scores: Map<string, number>
  standings: Map<string, Standing> | null
}

export function sharedPlayerData(room: LiveRoom): SharedPlayerData | null {
  if (!room.session) return null
  const scores = playerScores(room)
  return { screen: toScreenView(room.session), scores, standings: standingsOf(room, scores) }
}

export function playerViewOf(room: LiveRoom, playerId: string, now: number, shared = sharedPlayerData(room)): PlayerView | null {
  const player = room.players.find((p) => p.id === playerId)
  const session = room.session
  if (!player || !session || !shared) return null
  const { screen, scores, standings } = shared
  const leader = leaderOf(room, player.teamId)?.id === player.id
  const key = currentKey(room)
  const mine = key ? room.answers[key]?.find((a) => a.playerId === playerId) : undefined
  const presses = key ? (room.buzzes[key] ?? []) : []
  const place = presses.findIndex((b) => b.playerId === playerId)
  const kind = currentRound(session)?.kind
  const firstTeam = presses[0] ? (session.teams.find((t) => t.id === presses[0]!.teamId)?.name ?? null) : null
  const revealedNow = session.revealed
  return toPlayerView(screen, {
    code: room.code,
    closed: room.closed || player.kicked,
    key,
    open: answerWindow(room, now) === 'open',
    me: {
      id: player.id,
      name: player.name,
      teamId: player.teamId,
      teamName: session.teams.find((t) => t.id === player.teamId)?.name ?? '',
      leader,
      score: scores.get(player.id) ?? 0,
    },
    myAnswer: mine ? (revealedNow ? { response: mine.response, correct: mine.correct } : { response: mine.response }) : null,
    buzz: kind === 'buzzer' && key
      ? { place: place < 0 ? null : place + 1, count: presses.length, firstTeam, open: answerWindow(room, now) === 'open', falseStart: room.falseStarts[key]?.includes(playerId) ?? false }
      : null,
    mayChooseStake: kind === 'risk' && !session.revealed && !isClosed(room, key) && session.activeTeamId === player.teamId && leader,
    standing: standings?.get(player.id) ?? null,
    serverNow: now,
  })
}

function distribution(session: MeetingSession, room: LiveRoom, key: string): LiveSummary['distribution'] {
  const screen = toScreenView(session)
  if (screen.answer === undefined || !screen.question) return null
  const answers = room.answers[key] ?? []
  if (screen.question.options.length && currentRound(session)?.kind === 'all') {
    return screen.question.options.map((option, i) => ({
      label: `${optionLetter(i)}. ${option.text}`,
      count: answers.filter((a) => (Array.isArray(a.response) ? a.response.includes(option.text) : a.response === option.text)).length,
      correct: option.correct,
    }))
  }
  const right = answers.filter((a) => a.correct).length
  return [
    { label: '答对', count: right, correct: true },
    { label: '答错', count: answers.length - right, correct: false },
  ]
}

export function liveSummary(room: LiveRoom): LiveSummary {
  const session = room.session
  const key = currentKey(room)
  const kind = session ? currentRound(session)?.kind : undefined
  const players = activePlayers(room)
  const byId = new Map(players.map((p) => [p.id, p]))
  const answers = key ? (kind === 'buzzer' ? (room.buzzes[key] ?? []) : (room.answers[key] ?? [])).filter((a) => byId.has(a.playerId)) : []
  const teamName = (id: string) => session?.teams.find((t) => t.id === id)?.name ?? ''
  return {
    code: room.code,
    joined: players.length,
    answered: answers.length,
    perTeam: (session?.teams ?? []).map((t) => ({
      teamId: t.id,
      name: t.name,
      joined: players.filter((p) => p.teamId === t.id).length,
      answered: answers.filter((a) => a.teamId === t.id).length,
    })),
    distribution: session && key && kind === 'all' ? distribution(session, room, key) : null,
    buzzOrder: key && kind === 'buzzer' ? (room.buzzes[key] ?? []).map((b) => ({ name: byId.get(b.playerId)?.name ?? '（已移出）', teamName: teamName(b.teamId) })) : [],
    lobby: players.slice(-60).map((p) => ({ name: p.name, teamName: teamName(p.teamId) })),
    falseStarts: key && kind === 'buzzer'
      ? (room.falseStarts[key] ?? []).map((id) => ({ name: byId.get(id)?.name ?? '（已移出）', teamName: teamName(room.players.find((p) => p.id === id)?.teamId ?? '') }))
      : [],
    leaderboard: leaderboardOf(room),
    speed: room.speed,
  }
}

/** A seat as the host sees it: what the phones see, plus the connection and the answer on the question shown. */
export interface HostPlayerRow extends PlayerSeatView {
  connected: boolean
  /** On the question shown: answered (and whether right), pressed, or nothing. */
  answered: boolean
  correct: boolean | null
}

/** The host window sees everything but the secrets. */
export interface HostView {
  summary: LiveSummary
  session: MeetingSession | null
  players: HostPlayerRow[]
  /** The question shown has been revealed: it takes no more answers until the host voids and re-opens it. */
  questionClosed: boolean
  /** No new seats (the host locked the room). */
  locked: boolean
  /** Malformed, oversized, forged or too frequent messages dropped so far. */
  dropped: number
  joinUrl: string
  serverNow: number
}

export function hostViewOf(room: LiveRoom, options: { connected: ReadonlySet<string>; dropped: number; joinUrl: string; now: number }): HostView {
  const key = currentKey(room)
  const scores = playerScores(room)
  const teams = room.session?.teams ?? []
  return {
    summary: liveSummary(room),
    session: room.session,
    players: activePlayers(room).map((p) => {
      const answer = key ? room.answers[key]?.find((a) => a.playerId === p.id) : undefined
      return {
        id: p.id,
        name: p.name,
        teamId: p.teamId,
        teamName: teams.find((t) => t.id === p.teamId)?.name ?? '',
        leader: leaderOf(room, p.teamId)?.id === p.id,
        score: scores.get(p.id) ?? 0,
        connected: options.connected.has(p.id),
        answered: answer !== undefined || (key ? (room.buzzes[key] ?? []).some((b) => b.playerId === p.id) : false),
        correct: answer ? answer.correct : null,
      }
    }),
    questionClosed: isClosed(room, key),
    locked: room.locked,
    dropped: options.dropped,
    joinUrl: options.joinUrl,
    serverNow: options.now,
  }
}
