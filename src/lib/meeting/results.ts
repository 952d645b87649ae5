import { CARD_TYPE_LABELS } from '../cards/types'
import { ROUND_RULES } from './rules'
import { answerText } from './screenView'
import { teamScores } from './session'
import type { MeetingQuestion, MeetingSession, RoundKind, ScoreOutcome, Team } from './types'

export interface RankedTeam {
  /** Competition ranking: equal scores share a place (1, 1, 3). */
  rank: number
  team: Team
  score: number
  /** Points won or lost per round, in round order. */
  byRound: number[]
}

export interface TeamResult {
  delta: number
  /** The verdict, if the host gave one ('manual' for adjustments only). */
  outcome: ScoreOutcome
}

export interface QuestionResult {
  roundIndex: number
  roundTitle: string
  roundKind: RoundKind
  /** 1-based within the round. */
  number: number
  question: MeetingQuestion
  typeLabel: string
  answer: string
  byTeam: Map<string, TeamResult>
  right: number
  wrong: number
}

export interface MeetingResults {
  quizName: string
  teams: Team[]
  rounds: { title: string; kind: RoundKind; label: string }[]
  ranking: RankedTeam[]
  questions: QuestionResult[]
  /** Questions answered wrongly by at least one team, most misses first: what the branch should study again. */
  missed: QuestionResult[]
}

export function computeResults(session: MeetingSession): MeetingResults {
  const scores = teamScores(session)
  const byRound = new Map(session.teams.map((team) => [team.id, session.rounds.map(() => 0)]))
  const questions: QuestionResult[] = session.rounds.flatMap((round, roundIndex) =>
    round.questions.map((question, i) => ({
      roundIndex,
      roundTitle: round.title,
      roundKind: round.kind,
      number: i + 1,
      question,
      typeLabel: CARD_TYPE_LABELS[question.type],
      answer: answerText(question.answer, question.options),
      byTeam: new Map<string, TeamResult>(),
      right: 0,
      wrong: 0,
    })),
  )
  const at = (roundIndex: number, questionIndex: number) =>
    questions.find((q) => q.roundIndex === roundIndex && q.number === questionIndex + 1)

  for (const event of session.scoreLog) {
    const rounds = byRound.get(event.teamId)
    if (rounds && event.roundIndex in rounds) rounds[event.roundIndex] = (rounds[event.roundIndex] ?? 0) + event.delta
    const result = at(event.roundIndex, event.questionIndex)
    if (!result) continue
    const before = result.byTeam.get(event.teamId)
    const outcome = event.outcome === 'manual' ? (before?.outcome ?? 'manual') : event.outcome
    result.byTeam.set(event.teamId, { delta: (before?.delta ?? 0) + event.delta, outcome })
    if (event.outcome === 'right') result.right++
    if (event.outcome === 'wrong') result.wrong++
  }

  const sorted = session.teams
    .map((team) => ({ team, score: scores.get(team.id) ?? session.startingScore, byRound: byRound.get(team.id) ?? [] }))
    .sort((a, b) => b.score - a.score)
  const ranking = sorted.map((entry) => ({ ...entry, rank: sorted.findIndex((other) => other.score === entry.score) + 1 }))

  const missed = questions
    .filter((q) => q.wrong > 0)
    .sort((a, b) => b.wrong - a.wrong || a.right - b.right || a.roundIndex - b.roundIndex || a.number - b.number)

  return {
    quizName: session.quizName,
    teams: session.teams,
    rounds: session.rounds.map((round) => ({ title: round.title, kind: round.kind, label: ROUND_RULES[round.kind].label })),
    ranking,
    questions,
    missed,
  }
}
