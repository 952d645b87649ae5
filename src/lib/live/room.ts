import { sharePoints, stakeOf } from '../meeting/rules'
import { createSession, currentQuestion, currentRound, reduce, stakeLocked, type MeetingAction } from '../meeting/session'
import { isExpired } from '../meeting/timer'
import { RISK_POINTS, type MeetingQuestion, type MeetingSession, type Quiz, type RiskPoints, type ScoreEvent } from '../meeting/types'
import { checkAnswer } from '../quiz/check'
import type { QuizResponse } from '../quiz/types'
import { answerPoints, type AnswerWindow } from './speed'

/*
 * The live room: the rules of a meeting where members answer on their phones. Pure and
 * event-sourced: a command from a connection is *decided* against the state and the server's
 * clock into an event (or a refusal); events are *applied* without looking at any clock, so
 * replaying the journal after a crash gives back exactly the room that was.
 */

/** Who the meeting session sees making the server's changes. */
export const ROOM_AUTHOR = { id: 'live-server', role: 'host' } as const

export const MAX_PLAYERS = 500
export const MAX_NAME_LENGTH = 16
export const MAX_TYPED_ANSWER = 200
/** Seats one network address may take (a phone, and one more should it lose its seat). */
export const SEATS_PER_ADDRESS = 2

export type QuizPlan = Pick<Quiz, 'name' | 'teams' | 'startingScore' | 'rounds'>

export interface LivePlayer {
  id: string
  /** The phone's proof of its seat; only ever sent to that phone. */
  secret: string
  name: string
  teamId: string
  joinedAt: number
  kicked: boolean
  /** The network address the seat was taken from, and the phone's own id (see `decideJoin`). */
  address?: string
  device?: string
}

export interface LiveAnswer {
  playerId: string
  teamId: string
  response: QuizResponse
  correct: boolean
  at: number
}

export interface LiveBuzz {
  playerId: string
  teamId: string
  at: number
}

export interface LiveRoom {
  code: string
  hostSecret: string
  openedAt: number
  session: MeetingSession | null
  /** In join order. */
  players: LivePlayer[]
  /** Per question key, in order of arrival at the server. */
  answers: Record<string, LiveAnswer[]>
  buzzes: Record<string, LiveBuzz[]>
  /**
   * Question keys whose answer has been shown to the room, in order. A revealed question is
   * closed for good: hiding the answer or coming back to it does not reopen answering; only the
   * host's explicit `void` does, and it throws that question's answers away.
   */
  revealed: string[]
  /** When each key was first revealed (the time of its team shares). */
  revealedAt: Record<string, number>
  /** 抢答: seats that pressed before the host opened the question; they may not press on it again. */
  falseStarts: Record<string, string[]>
  /** The host locked the room: no new seats; seats already taken come back with their secret. */
  locked: boolean
  /** Speed points (host's choice, off by default): taken into each question's window as it opens. */
  speed: boolean
  /** Per question key: when it opened to phones (or was re-opened by `void`), see `answerPoints`. */
  windows: Record<string, AnswerWindow>
  closed: boolean
}

export type LiveEvent =
  | { e: 'open'; at: number; code: string; hostSecret: string }
  | { e: 'start'; at: number; sessionId: string; quiz: QuizPlan }
  | { e: 'act'; at: number; action: MeetingAction }
  | { e: 'join'; at: number; playerId: string; secret: string; name: string; teamId: string; address?: string; device?: string }
  | { e: 'lock'; at: number; locked: boolean }
  /** The host turns speed points on or off for the questions opened from now on. */
  | { e: 'speed'; at: number; on: boolean }
  | { e: 'rename'; at: number; playerId: string; name: string }
  | { e: 'kick'; at: number; playerId: string }
  | { e: 'answer'; at: number; playerId: string; key: string; response: QuizResponse }
  | { e: 'buzz'; at: number; playerId: string; key: string }
  /** A press before the host opened 抢答: recorded, and that seat is out of this question. */
  | { e: 'false-start'; at: number; playerId: string; key: string }
  | { e: 'stake'; at: number; playerId: string; key: string; points: RiskPoints }
  /** The host re-opens a question: its answers, presses and scores are void, answering starts again. */
  | { e: 'void'; at: number; key: string }
  | { e: 'close'; at: number }

/** Why a command was refused; the phone shows the Chinese text of `REFUSALS`. */
export type Refusal =
  | 'closed' | 'no-quiz' | 'no-question' | 'not-open' | 'time-up' | 'already-answered' | 'bad-response'
  | 'not-buzzer-round' | 'not-risk-round' | 'not-leader' | 'stake-fixed' | 'unknown-seat' | 'kicked'
  | 'bad-name' | 'room-full' | 'bad-team' | 'wrong-room' | 'stale-question'
  | 'false-start' | 'locked' | 'banned' | 'address-full' | 'name-taken' | 'reserved-name' | 'already-seated'

export const REFUSALS: Record<Refusal, string> = {
  closed: '本场竞赛已结束。',
  'no-quiz': '主持人尚未开始竞赛，请稍候。',
  'no-question': '现在没有题目。',
  'not-open': '本题已停止作答。',
  'time-up': '时间到，本题已停止作答。',
  'already-answered': '本题已作答，不能更改。',
  'bad-response': '答案格式不对，请重新选择。',
  'not-buzzer-round': '本轮不是抢答题。',
  'not-risk-round': '本题不需要选择分值。',
  'not-leader': '只有本组组长（最先加入者）可以选择分值。',
  'stake-fixed': '分值已确定，不能再改。',
  'unknown-seat': '找不到您的座位，请重新加入。',
  kicked: '主持人已将您移出本场竞赛。',
  'bad-name': '请填写 1–16 个字的姓名。',
  'room-full': '参赛人数已满。',
  'bad-team': '没有这个党小组。',
  'wrong-room': '房间号不对，请核对投影上的房间号。',
  'stale-question': '题目已切换，请看新题目。',
  'false-start': '抢答尚未开始，您提前按下了抢答键（抢跑），本题不能再抢答。',
  locked: '主持人已锁定会场，不能再加入。如您尚未加入，请举手告知主持人。',
  banned: '这台手机已被主持人移出本场竞赛，不能再次加入。',
  'address-full': '这台手机已加入过本场竞赛，不能再占用新的座位。如需换人作答，请告知主持人。',
  'name-taken': '本场已有人使用这个姓名。请加上区分，例如“张三（二支部）”。',
  'reserved-name': '“主持人”不能用作参赛姓名，请填写您本人的姓名。',
  'already-seated': '本机已经加入，无需重复加入。',
}

export type Decision = { ok: true; event: LiveEvent | null } | { ok: false; reason: Refusal }

export function openRoom(code: string, hostSecret: string, at: number): LiveRoom {
  return { code, hostSecret, openedAt: at, session: null, players: [], answers: {}, buzzes: {}, revealed: [], revealedAt: {}, falseStarts: {}, locked: false, speed: false, windows: {}, closed: false }
}

/** Identifies a question across quizzes run in one room. */
export function questionKey(session: MeetingSession): string | null {
  return session.questionIndex < 0 ? null : `${session.sessionId}:${session.roundIndex}:${session.questionIndex}`
}

export function currentKey(room: LiveRoom): string | null {
  return room.session ? questionKey(room.session) : null
}

export function activePlayers(room: LiveRoom): LivePlayer[] {
  return room.players.filter((p) => !p.kicked)
}

/** A team's leader picks its 风险题 stake: its earliest-joined member still in the room. */
export function leaderOf(room: LiveRoom, teamId: string): LivePlayer | undefined {
  return room.players.find((p) => !p.kicked && p.teamId === teamId)
}

/** Plain text, one line, at most 16 characters; markup is kept as text, never rendered. */
export function cleanName(raw: unknown): string | null {
  if (typeof raw !== 'string') return null
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const name = raw.normalize('NFC').replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim()
  const length = [...name].length
  return length >= 1 && length <= MAX_NAME_LENGTH ? name : null
}

/** Whether the question's answer has been shown to the room (then it takes no answer, press or stake). */
export function isClosed(room: LiveRoom, key: string | null): boolean {
  return key !== null && room.revealed.includes(key)
}

/** Whether phones may answer now: a question shown, never revealed, its time (server time) not up. */
export function answerWindow(room: LiveRoom, now: number): 'open' | Refusal {
  const session = room.session
  if (!session) return 'no-quiz'
  if (session.phase === 'ended') return 'closed'
  if (!currentQuestion(session)) return 'no-question'
  if (session.revealed || isClosed(room, questionKey(session))) return 'not-open'
  // 抢答 opens when the host starts its countdown (开始抢答), timed by the server's clock.
  if (currentRound(session)?.kind === 'buzzer' && (session.timer.startedAt === null || session.timer.pausedAt !== null)) return 'not-open'
  if (isExpired(session.timer, now)) return 'time-up'
  return 'open'
}

/** A response of the right shape for the question: options from its list, typed text within limits. */
export function validResponse(question: MeetingQuestion, response: unknown): response is QuizResponse {
  const options = question.options ?? []
  if (question.type === 'multi') {
    return Array.isArray(response) && response.length >= 1 && response.length <= options.length &&
      response.every((r) => typeof r === 'string' && options.includes(r)) && new Set(response).size === response.length
  }
  if (typeof response !== 'string') return false
  if (options.length) return options.includes(response)
  return response.trim().length > 0 && [...response].length <= MAX_TYPED_ANSWER
}

function sameResponse(a: QuizResponse, b: QuizResponse): boolean {
  const list = (r: QuizResponse) => (Array.isArray(r) ? [...r].sort() : [r])
  return JSON.stringify(list(a)) === JSON.stringify(list(b))
}

function seat(room: LiveRoom, playerId: string): LivePlayer | Refusal {
  const player = room.players.find((p) => p.id === playerId)
  if (!player) return 'unknown-seat'
  return player.kicked ? 'kicked' : player
}

// ---- decisions: command + state + server time → event or refusal -------------------------

/** Two names are the same name when they differ only in spaces or letter case. */
const nameKey = (name: string) => name.replace(/\s/g, '').toLowerCase()

/** A name the room refuses: 主持人 (or one containing it) would pass for the host on every screen. */
function nameRefusal(room: LiveRoom, name: string, except?: string): Refusal | null {
  const key = nameKey(name)
  if (key.includes('主持人') || key === '主持' || key === 'host') return 'reserved-name'
  return activePlayers(room).some((p) => p.id !== except && nameKey(p.name) === key) ? 'name-taken' : null
}

export interface JoinRequest {
  name: unknown
  teamId?: unknown
  playerId: string
  secret: string
  /** Where the request came from (the server's view of the socket), and the phone's stored id. */
  address?: string
  device?: string
  seatsPerAddress?: number
}

/**
 * A new seat. Forged seats are held back at several depths, since no one of them is enough on an
 * open Wi-Fi: the host can lock the room once everyone is in; an address takes at most
 * `seatsPerAddress` seats (a laptop cannot add 20 or 500); a seat moved out bans its phone (its
 * stored id) and its address from taking a new one; the relay limits join attempts per address
 * and allows one seat per connection; and a team's share counts only seats that answer
 * (`shareEvents`), so what slips through cannot dilute a team by sitting silent.
 */
export function decideJoin(room: LiveRoom, input: JoinRequest, now: number): Decision {
  if (room.closed) return { ok: false, reason: 'closed' }
  if (!room.session) return { ok: false, reason: 'no-quiz' }
  if (room.locked) return { ok: false, reason: 'locked' }
  const { address, device } = input
  if (room.players.some((p) => p.kicked && ((device && p.device === device) || (address && p.address === address)))) return { ok: false, reason: 'banned' }
  const name = cleanName(input.name)
  if (!name) return { ok: false, reason: 'bad-name' }
  const refusal = nameRefusal(room, name)
  if (refusal) return { ok: false, reason: refusal }
  if (activePlayers(room).length >= MAX_PLAYERS) return { ok: false, reason: 'room-full' }
  if (address && room.players.filter((p) => p.address === address).length >= (input.seatsPerAddress ?? SEATS_PER_ADDRESS)) return { ok: false, reason: 'address-full' }
  const teams = room.session.teams
  let teamId: string
  if (typeof input.teamId === 'string' && input.teamId !== '') {
    if (!teams.some((t) => t.id === input.teamId)) return { ok: false, reason: 'bad-team' }
    teamId = input.teamId
  } else {
    // Assigned: the team with the fewest members, the first such one on ties.
    const counts = teams.map((t) => activePlayers(room).filter((p) => p.teamId === t.id).length)
    teamId = teams[counts.indexOf(Math.min(...counts))]!.id
  }
  return { ok: true, event: { e: 'join', at: now, playerId: input.playerId, secret: input.secret, name, teamId, ...(address ? { address } : {}), ...(device ? { device } : {}) } }
}

/** The host renames a seat: the same rules as a name chosen on the phone. */
export function decideRename(room: LiveRoom, playerId: string, raw: unknown, now: number): Decision {
  const name = cleanName(raw)
  if (!name) return { ok: false, reason: 'bad-name' }
  if (!room.players.some((p) => p.id === playerId)) return { ok: false, reason: 'unknown-seat' }
  const refusal = nameRefusal(room, name, playerId)
  return refusal ? { ok: false, reason: refusal } : { ok: true, event: { e: 'rename', at: now, playerId, name } }
}

/** A phone back with its secret: its seat, never a match by name. */
export function findSeat(room: LiveRoom, playerId: string, secret: string): LivePlayer | Refusal {
  const player = room.players.find((p) => p.id === playerId && p.secret === secret)
  if (!player) return 'unknown-seat'
  return player.kicked ? 'kicked' : player
}

export function decideAnswer(room: LiveRoom, playerId: string, key: string, response: unknown, now: number): Decision {
  const who = seat(room, playerId)
  if (typeof who === 'string') return { ok: false, reason: who }
  const window = answerWindow(room, now)
  const session = room.session
  // A resend of an answer already taken is acknowledged again, even after the window closed.
  const earlier = room.answers[key]?.find((a) => a.playerId === playerId)
  if (earlier) return validSame(earlier.response, response) ? { ok: true, event: null } : { ok: false, reason: 'already-answered' }
  if (window !== 'open' || !session) return { ok: false, reason: window === 'open' ? 'no-quiz' : window }
  if (key !== questionKey(session)) return { ok: false, reason: 'stale-question' }
  if (currentRound(session)?.kind !== 'all') return { ok: false, reason: 'not-open' }
  const question = currentQuestion(session)!
  if (!validResponse(question, response)) return { ok: false, reason: 'bad-response' }
  return { ok: true, event: { e: 'answer', at: now, playerId, key, response } }
}

function validSame(earlier: QuizResponse, response: unknown): boolean {
  return (typeof response === 'string' || (Array.isArray(response) && response.every((r) => typeof r === 'string'))) && sameResponse(earlier, response)
}

/**
 * 抢答: the first press to reach the server after the host opened the question answers. A press
 * before the host opened it is a false start (抢跑): recorded, and that seat may not press on
 * this question again — a script firing in the first millisecond gains nothing.
 */
export function decideBuzz(room: LiveRoom, playerId: string, key: string, now: number): Decision {
  const who = seat(room, playerId)
  if (typeof who === 'string') return { ok: false, reason: who }
  if (room.buzzes[key]?.some((b) => b.playerId === playerId)) return { ok: true, event: null }
  if (room.falseStarts[key]?.includes(playerId)) return { ok: false, reason: 'false-start' }
  const window = answerWindow(room, now)
  const session = room.session
  if (window === 'open' && session) {
    if (key !== questionKey(session)) return { ok: false, reason: 'stale-question' }
    if (currentRound(session)?.kind !== 'buzzer') return { ok: false, reason: 'not-buzzer-round' }
    return { ok: true, event: { e: 'buzz', at: now, playerId, key } }
  }
  if (!session || window !== 'not-open') return { ok: false, reason: window === 'open' ? 'no-quiz' : window }
  if (key !== questionKey(session)) return { ok: false, reason: 'stale-question' }
  if (currentRound(session)?.kind !== 'buzzer') return { ok: false, reason: 'not-buzzer-round' }
  const early = session.timer.startedAt === null && !session.revealed && !isClosed(room, key)
  return early ? { ok: true, event: { e: 'false-start', at: now, playerId, key } } : { ok: false, reason: 'not-open' }
}

export function decideStake(room: LiveRoom, playerId: string, key: string, points: unknown, now: number): Decision {
  const who = seat(room, playerId)
  if (typeof who === 'string') return { ok: false, reason: who }
  const session = room.session
  if (!session) return { ok: false, reason: 'no-quiz' }
  if (key !== questionKey(session)) return { ok: false, reason: 'stale-question' }
  if (currentRound(session)?.kind !== 'risk') return { ok: false, reason: 'not-risk-round' }
  if (!(RISK_POINTS as readonly unknown[]).includes(points)) return { ok: false, reason: 'bad-response' }
  if (session.activeTeamId !== who.teamId || leaderOf(room, who.teamId)?.id !== who.id) return { ok: false, reason: 'not-leader' }
  if (stakeLocked(session) || isClosed(room, key)) return { ok: false, reason: 'stake-fixed' }
  return { ok: true, event: { e: 'stake', at: now, playerId, key, points: points as RiskPoints } }
}

// ---- applying events: no clock, no randomness ----------------------------------------------

function act(session: MeetingSession, action: MeetingAction, at: number): MeetingSession {
  return reduce(session, action, at, ROOM_AUTHOR)
}

/**
 * 全员答题 team shares, derived — never kept apart from the answers they come from. For every
 * revealed question, in reveal order: the team's right answers over its members, where a member
 * is a seat (not moved out) that has answered this question or an earlier revealed one. Counting
 * seats that answer, not seats that joined, means silent seats — phones asleep, or seats forged
 * to dilute a team — change nothing, while a member who answered before and stays silent now
 * still counts (abstaining on a hard question does not raise the team's share). Recomputed after
 * every change of its inputs (reveal, void, kick), so the board and the per-person CSV agree.
 */
export function shareEvents(room: LiveRoom): ScoreEvent[] {
  const session = room.session
  if (!session) return []
  const active = new Set(activePlayers(room).map((p) => p.id))
  const members = new Map<string, Set<string>>(session.teams.map((t) => [t.id, new Set()]))
  const events: ScoreEvent[] = []
  for (const key of room.revealed) {
    if (!key.startsWith(`${session.sessionId}:`)) continue
    const [, r, q] = key.split(':').map(Number) as [number, number, number]
    const round = session.rounds[r]
    const question = round?.questions[q]
    if (!round || round.kind !== 'all' || !question) continue
    const answers = (room.answers[key] ?? []).filter((a) => active.has(a.playerId))
    for (const a of answers) members.get(a.teamId)?.add(a.playerId)
    for (const team of session.teams) {
      const right = answers.filter((a) => a.teamId === team.id && a.correct).length
      const delta = sharePoints(right, members.get(team.id)!.size, stakeOf(round.kind, question))
      events.push({ teamId: team.id, roundIndex: r, questionIndex: q, outcome: 'right', delta, at: room.revealedAt[key] ?? 0, share: true })
    }
  }
  return events
}

function withShares(room: LiveRoom): LiveRoom {
  const session = room.session
  if (!session) return room
  const before = session.scoreLog.filter((e) => e.share)
  const after = shareEvents(room)
  if (JSON.stringify(before) === JSON.stringify(after)) return room
  const scoreLog = [...session.scoreLog.filter((e) => !e.share), ...after]
  return { ...room, session: { ...session, scoreLog, revision: session.revision + 1 } }
}

function applyAct(room: LiveRoom, action: MeetingAction, at: number): LiveRoom {
  const before = room.session
  if (!before) return room
  const kind = currentRound(before)?.kind
  // 全员答题 is scored by the phones (derived shares), never by a verdict; a closed question's stake is history.
  if (action.type === 'awardShares' || (action.type === 'score' && kind === 'all')) return room
  if (action.type === 'setStake' && isClosed(room, questionKey(before))) return room
  let session = act(before, action, at)
  const key = questionKey(session)
  // 风险题: chosen by the host (even the stake already set) or the leader's phone, then shown.
  if (action.type === 'setStake' && before.awaitingStake) session = { ...session, awaitingStake: false, revision: session.revision + 1 }
  if (session === before) return room
  if (key !== questionKey(before)) {
    const awaiting = currentRound(session)?.kind === 'risk' && key !== null && !isClosed(room, key)
    if (awaiting || session.awaitingStake) session = { ...session, awaitingStake: awaiting }
  }
  if (action.type === 'reveal' && key && session.revealed && !room.revealed.includes(key)) {
    return withShares({ ...room, session, revealed: [...room.revealed, key], revealedAt: { ...room.revealedAt, [key]: at } })
  }
  return { ...room, session }
}

function voidQuestion(room: LiveRoom, key: string, at: number): LiveRoom {
  const session = room.session
  if (!session || !key.startsWith(`${session.sessionId}:`)) return room
  const { [key]: _answers, ...answers } = room.answers
  const { [key]: _buzzes, ...buzzes } = room.buzzes
  const { [key]: _at, ...revealedAt } = room.revealedAt
  const { [key]: _early, ...falseStarts } = room.falseStarts
  const [, r, q] = key.split(':').map(Number) as [number, number, number]
  // The host's verdicts on it go too: the question is asked again from the start.
  const scoreLog = session.scoreLog.filter((e) => e.share || e.outcome === 'manual' || e.roundIndex !== r || e.questionIndex !== q)
  const current = questionKey(session) === key
  const round = session.rounds[r]
  const reopened: MeetingSession = current
    ? { ...session, scoreLog, revealed: false, activeTeamId: round?.kind === 'buzzer' ? null : session.activeTeamId, timer: act(session, { type: 'resetTimer' }, at).timer }
    : { ...session, scoreLog }
  const { [key]: _window, ...windows } = room.windows
  const voided = { ...room, answers, buzzes, revealedAt, falseStarts, windows, revealed: room.revealed.filter((k) => k !== key), session: { ...reopened, revision: session.revision + 1 } }
  return withShares(current ? withWindow(voided, at) : voided)
}

/** The question shown opens its answer window the first time it is shown (times are event times). */
function withWindow(room: LiveRoom, at: number): LiveRoom {
  const key = currentKey(room)
  if (!key || !room.session || room.windows[key] || isClosed(room, key)) return room
  return { ...room, windows: { ...room.windows, [key]: { at, ms: room.session.timer.durationMs, speed: room.speed } } }
}

export function applyEvent(room: LiveRoom, event: LiveEvent): LiveRoom {
  switch (event.e) {
    case 'open':
      return openRoom(event.code, event.hostSecret, event.at)
    case 'start': {
      const session = createSession({ sessionId: event.sessionId, quiz: event.quiz, now: event.at, by: ROOM_AUTHOR })
      // Members already in the room stay; one whose 党小组 the new quiz lacks moves to an existing one.
      const ids = session.teams.map((t) => t.id)
      const players = room.players
        .filter((p) => !p.kicked)
        .map((p, i) => (ids.includes(p.teamId) ? p : { ...p, teamId: ids[i % ids.length]! }))
      return withWindow({ ...room, session, players, answers: {}, buzzes: {}, revealed: [], revealedAt: {}, falseStarts: {}, windows: {} }, event.at)
    }
    case 'act':
      return withWindow(applyAct(room, event.action, event.at), event.at)
    case 'join': {
      const { playerId: id, secret, name, teamId, address, device } = event
      return { ...room, players: [...room.players, { id, secret, name, teamId, joinedAt: event.at, kicked: false, ...(address ? { address } : {}), ...(device ? { device } : {}) }] }
    }
    case 'lock':
      return { ...room, locked: event.locked }
    case 'speed':
      return { ...room, speed: event.on }
    case 'rename':
      return { ...room, players: room.players.map((p) => (p.id === event.playerId ? { ...p, name: event.name } : p)) }
    case 'kick':
      return withShares({ ...room, players: room.players.map((p) => (p.id === event.playerId ? { ...p, kicked: true } : p)) })
    case 'void':
      return voidQuestion(room, event.key, event.at)
    case 'answer': {
      const question = room.session ? currentQuestion(room.session) : undefined
      const player = room.players.find((p) => p.id === event.playerId)
      if (!question || !player || room.session === null || questionKey(room.session) !== event.key) return room
      const answer: LiveAnswer = { playerId: player.id, teamId: player.teamId, response: event.response, correct: checkAnswer(question, event.response), at: event.at }
      return { ...room, answers: { ...room.answers, [event.key]: [...(room.answers[event.key] ?? []), answer] } }
    }
    case 'buzz': {
      const player = room.players.find((p) => p.id === event.playerId)
      if (!player || !room.session) return room
      const earlier = room.buzzes[event.key] ?? []
      const buzzes = { ...room.buzzes, [event.key]: [...earlier, { playerId: player.id, teamId: player.teamId, at: event.at }] }
      // The first to arrive at the server answers: their team is highlighted on every screen.
      const session = earlier.length === 0 ? act(room.session, { type: 'selectTeam', teamId: player.teamId }, event.at) : room.session
      return { ...room, buzzes, session }
    }
    case 'stake':
      return room.session ? { ...room, session: { ...act(room.session, { type: 'setStake', points: event.points }, event.at), awaitingStake: false } } : room
    case 'false-start':
      return { ...room, falseStarts: { ...room.falseStarts, [event.key]: [...(room.falseStarts[event.key] ?? []), event.playerId] } }
    case 'close':
      return { ...room, closed: true }
  }
}

/** The room after a journal: the first event must open it. */
export function replay(events: readonly LiveEvent[]): LiveRoom | null {
  const [first, ...rest] = events
  if (!first || first.e !== 'open') return null
  return rest.reduce(applyEvent, applyEvent(openRoom('', '', 0), first))
}

/**
 * Individual score: the stake of every revealed 全员答题 question answered right, plus its speed
 * bonus where speed points counted. `except` leaves one question out (the score before it).
 */
export function playerScores(room: LiveRoom, except?: string): Map<string, number> {
  const scores = new Map(room.players.map((p) => [p.id, 0]))
  const session = room.session
  if (!session) return scores
  for (const key of room.revealed) {
    if (key === except) continue
    const [, r, q] = key.split(':').map(Number) as [number, number, number]
    const round = session.rounds[r]
    if (!round || round.kind !== 'all' || !key.startsWith(`${session.sessionId}:`)) continue
    const stake = stakeOf(round.kind, round.questions[q])
    for (const answer of room.answers[key] ?? []) {
      if (answer.correct) scores.set(answer.playerId, (scores.get(answer.playerId) ?? 0) + answerPoints(stake, answer.at, room.windows[key]))
    }
  }
  return scores
}
