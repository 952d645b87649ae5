import { CARD_TYPE_LABELS, type CardType } from '../cards/types'
import { ROUND_RULES, stakeOf } from './rules'
import { currentQuestion, currentRound, isLastPage, teamScores } from './session'
import type { MeetingSession, RoundKind, TimerState } from './types'

export interface ScreenOption {
  /** A, B, C … */
  letter: string
  text: string
  /** Only ever true after the answer is revealed. */
  correct: boolean
}

export interface ScreenQuestion {
  /** 1-based within its round. */
  number: number
  total: number
  typeLabel: string
  /** Which answer form a phone shows (单选, 多选, 判断, typed). */
  cardType: CardType
  prompt: string
  options: ScreenOption[]
  stake: number
}

export interface ScreenTeam {
  id: string
  name: string
  score: number
  active: boolean
}

/**
 * What the projector may show. The answer is not in here until it is revealed, so it cannot
 * reach the screen's DOM by accident (a class, a hidden element, a tooltip).
 */
export interface ScreenView {
  quizName: string
  ended: boolean
  /** → would go nowhere: the projector's keyboard offers to end instead. */
  lastPage?: boolean
  round: { index: number; count: number; kind: RoundKind; title: string; label: string; description: string } | null
  question: ScreenQuestion | null
  /** Present only once revealed. */
  answer?: string
  teams: ScreenTeam[]
  timer: TimerState
}

export const OPTION_LETTERS = 'ABCDEFGHIJ'

export function optionLetter(index: number): string {
  return OPTION_LETTERS[index] ?? String(index + 1)
}

/** An answer as one line: `三个月`, `A. 党员`, `A、C`, `坚持…；坚持…`. */
export function answerText(answer: string | string[], options?: string[]): string {
  const parts = Array.isArray(answer) ? answer : [answer]
  if (options?.length) {
    // In option order (A before C), whatever order the bank wrote the answers in.
    const indexes = parts.map((part) => options.indexOf(part)).filter((i) => i >= 0).sort((a, b) => a - b)
    if (indexes.length === parts.length) {
      const letters = indexes.map(optionLetter)
      const texts = indexes.map((i) => options[i]!)
      return texts.length === 1 ? `${letters[0]}. ${texts[0]}` : `${letters.join('、')}（${texts.join('；')}）`
    }
  }
  return parts.join('；')
}

/** Shown instead of a 风险题 until its stake is chosen. */
export const STAKE_FIRST = '请作答小组先选择本题分值，选定后显示题目。'

export function toScreenView(session: MeetingSession): ScreenView {
  const round = currentRound(session)
  const question = currentQuestion(session)
  const hidden = session.awaitingStake === true && round?.kind === 'risk' && !session.revealed
  const revealed = session.revealed && question !== undefined
  const correct = new Set(question ? (Array.isArray(question.answer) ? question.answer : [question.answer]) : [])
  const scores = teamScores(session)
  return {
    quizName: session.quizName,
    ended: session.phase === 'ended',
    lastPage: isLastPage(session),
    round: round
      ? {
          index: session.roundIndex,
          count: session.rounds.length,
          kind: round.kind,
          title: round.title,
          label: ROUND_RULES[round.kind].label,
          description: ROUND_RULES[round.kind].description,
        }
      : null,
    question:
      round && question
        ? {
            number: session.questionIndex + 1,
            total: round.questions.length,
            typeLabel: CARD_TYPE_LABELS[question.type],
            cardType: question.type,
            prompt: hidden ? STAKE_FIRST : question.prompt,
            options: (hidden ? [] : (question.options ?? [])).map((text, i) => ({ letter: optionLetter(i), text, correct: revealed && correct.has(text) })),
            stake: stakeOf(round.kind, question),
          }
        : null,
    ...(revealed && question ? { answer: answerText(question.answer, question.options) } : {}),
    teams: session.teams.map((team) => ({ id: team.id, name: team.name, score: scores.get(team.id) ?? session.startingScore, active: team.id === session.activeTeamId })),
    timer: session.timer,
  }
}
