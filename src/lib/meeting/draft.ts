import type { Card, CardType } from '../cards/types'
import { DEFAULT_STARTING_SCORE, DEFAULT_TEAM_NAMES, MAX_TEAMS, MIN_TEAMS, spreadRiskPoints } from './rules'
import { defaultRoundSpecs, roundTitle, selectCards, toMeetingQuestion, type RoundSpec } from './selection'
import type { MeetingQuestion, Quiz, RiskPoints, RoundKind, RoundPlan } from './types'

/** A round being set up: its plan plus how to draw its questions. */
export interface DraftRound extends RoundPlan, RoundSpec {}

/** The quiz on the setup page (saved as a Quiz; the extra fields come back when it is loaded). */
export interface MeetingDraft extends Quiz {
  docIds: string[]
  rounds: DraftRound[]
}

export function newDraft(id: string, docIds: string[], now: number): MeetingDraft {
  const teams = DEFAULT_TEAM_NAMES.slice(0, 3)
  return {
    id,
    name: '党章党规知识竞赛',
    teams,
    startingScore: DEFAULT_STARTING_SCORE,
    docIds,
    rounds: defaultRoundSpecs(teams.length).map((spec, i) => ({ ...spec, title: roundTitle(spec.kind, i), questions: [] })),
    updatedAt: now,
  }
}

const ALL_TYPES: CardType[] = ['choice', 'multi', 'truefalse', 'cloze', 'enumeration', 'source']

/** A saved quiz back on the setup page; settings it lacks get defaults. */
export function draftFromQuiz(quiz: Quiz, fallbackDocIds: string[]): MeetingDraft {
  const extra = quiz as Partial<MeetingDraft>
  const docIds = Array.isArray(extra.docIds) && extra.docIds.every((id) => typeof id === 'string') ? extra.docIds : fallbackDocIds
  return {
    ...quiz,
    docIds,
    rounds: quiz.rounds.map((round) => {
      const r = round as Partial<DraftRound> & RoundPlan
      const types = Array.isArray(r.types) ? r.types.filter((t): t is CardType => ALL_TYPES.includes(t)) : ALL_TYPES
      return { ...round, types, count: typeof r.count === 'number' ? r.count : round.questions.length }
    }),
  }
}

/** 全员答题 on phones: forms a phone can answer (tap, tick, or a short typed blank). */
function phoneRoundSpec(kind: RoundKind): RoundSpec {
  return { kind, types: ['choice', 'multi', 'truefalse', 'cloze'], count: 5, secondsPerQuestion: 30 }
}

export function addRound(draft: MeetingDraft, kind: RoundKind): DraftRound {
  const spec = defaultRoundSpecs(draft.teams.length).find((s) => s.kind === kind) ?? phoneRoundSpec(kind)
  return { ...spec, title: roundTitle(kind, draft.rounds.length), questions: [] }
}

/** Titles follow the order and kind of the rounds (第一轮 必答题 …). */
export function retitle(rounds: DraftRound[]): void {
  rounds.forEach((round, i) => (round.title = roundTitle(round.kind, i)))
}

/** Ids of questions in rounds other than `except`. */
function usedIds(draft: MeetingDraft, except: number): Set<string> {
  return new Set(draft.rounds.flatMap((round, i) => (i === except ? [] : round.questions.map((q) => q.id))))
}

/** Draws a round's questions afresh from the bank (never a question another round already has). */
export function drawRound(draft: MeetingDraft, index: number, cards: readonly Card[], seed: number): MeetingQuestion[] {
  const round = draft.rounds[index]
  if (!round) return []
  const picked = selectCards(cards, { docIds: draft.docIds, types: round.types, count: round.count, seed, exclude: usedIds(draft, index) })
  const stakes = round.kind === 'risk' ? spreadRiskPoints(picked.length) : []
  return picked.map((card, i) => toMeetingQuestion(card, stakes[i]))
}

/** A hand-picked card for a round; null if the quiz already has it. */
export function pickCard(draft: MeetingDraft, index: number, card: Card): MeetingQuestion | null {
  const round = draft.rounds[index]
  if (!round || draft.rounds.some((r) => r.questions.some((q) => q.id === card.id))) return null
  const stakes: RiskPoints[] = [10, 20, 30]
  return toMeetingQuestion(card, round.kind === 'risk' ? stakes[round.questions.length % 3] : undefined)
}

/** Keeps stakes consistent after a round changes kind. */
export function setRoundKind(round: DraftRound, kind: RoundKind): void {
  round.kind = kind
  const stakes = spreadRiskPoints(round.questions.length)
  round.questions = round.questions.map((q, i) => {
    const { points: _old, ...rest } = q
    return kind === 'risk' ? { ...rest, points: q.points ?? (stakes[i] as RiskPoints) } : rest
  })
}

/** What stops a quiz from starting, in words for the organiser; empty when it can start. */
export function quizProblems(quiz: Pick<Quiz, 'name' | 'teams' | 'rounds'>): string[] {
  const problems: string[] = []
  const names = quiz.teams.map((name) => name.trim())
  if (names.length < MIN_TEAMS || names.length > MAX_TEAMS) problems.push(`参赛党小组须为 ${MIN_TEAMS}～${MAX_TEAMS} 个。`)
  if (names.some((name) => !name)) problems.push('请填写每个党小组的名称。')
  if (new Set(names).size !== names.length) problems.push('党小组名称不能重复。')
  if (!quiz.rounds.length) problems.push('至少需要一轮比赛。')
  quiz.rounds.forEach((round) => {
    if (!round.questions.length) problems.push(`${round.title}还没有题目，请抽题或手动选题。`)
    if (!(round.secondsPerQuestion > 0)) problems.push(`${round.title}的答题时间须大于 0 秒。`)
  })
  return problems
}

