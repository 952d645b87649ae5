import type { MeetingQuestion, RiskPoints, RoundKind, ScoreOutcome } from './types'

export interface RoundRule {
  kind: RoundKind
  /** 必答题 / 抢答题 / 风险题 */
  label: string
  /** One sentence for the round's opening page and the paper. */
  description: string
  /** Whether the teams answer in turn (question i belongs to team i mod n). */
  inTurn: boolean
}

export const ROUND_RULES: Record<RoundKind, RoundRule> = {
  required: {
    kind: 'required',
    label: '必答题',
    description: '各党小组依次作答本组题目，答对加 10 分，答错不扣分。',
    inTurn: true,
  },
  buzzer: {
    kind: 'buzzer',
    label: '抢答题',
    description: '主持人宣布“开始”后抢答，先举手者作答；答对加 10 分，答错扣 10 分。',
    inTurn: false,
  },
  risk: {
    kind: 'risk',
    label: '风险题',
    description: '各党小组依次选择 10 分、20 分或 30 分的题目作答；答对加相应分值，答错扣相应分值。',
    inTurn: true,
  },
  all: {
    kind: 'all',
    label: '全员答题',
    description: '全体党员用手机作答；各党小组得分为本组答对人数占比乘以本题分值（10 分），个人答对得 10 分。',
    inTurn: false,
  },
}

export const ROUND_KINDS = Object.keys(ROUND_RULES) as RoundKind[]

export const DEFAULT_SECONDS = 30
export const DEFAULT_STARTING_SCORE = 100
export const MIN_TEAMS = 2
export const MAX_TEAMS = 8
export const DEFAULT_TEAM_NAMES = ['第一党小组', '第二党小组', '第三党小组', '第四党小组', '第五党小组', '第六党小组', '第七党小组', '第八党小组']

/** The stake of a question: 10, or the chosen 10/20/30 in a risk round. */
export function stakeOf(kind: RoundKind, question: Pick<MeetingQuestion, 'points'> | undefined): number {
  if (kind === 'risk') return question?.points ?? 10
  return 10
}

/** Points a right or wrong answer earns under the round's rules. */
export function pointsFor(kind: RoundKind, question: Pick<MeetingQuestion, 'points'> | undefined, outcome: Exclude<ScoreOutcome, 'manual'>): number {
  const stake = stakeOf(kind, question)
  if (outcome === 'right') return stake
  return kind === 'required' || kind === 'all' ? 0 : -stake
}

/** The team whose turn it is, in rounds answered in turn; null in a buzzer round or on an opening page. */
export function turnTeamIndex(kind: RoundKind, questionIndex: number, teamCount: number): number | null {
  if (!ROUND_RULES[kind].inTurn || questionIndex < 0 || teamCount <= 0) return null
  return questionIndex % teamCount
}

/** Stakes for n risk questions: an even spread of 10, 20, 30. */
export function spreadRiskPoints(count: number): RiskPoints[] {
  const stakes: RiskPoints[] = [10, 20, 30]
  return Array.from({ length: count }, (_, i) => stakes[i % 3] as RiskPoints)
}

/**
 * Team points in a 全员答题 question: the team's share of right answers times the stake,
 * rounded to whole points (a team with no members answering gets nothing).
 */
export function sharePoints(right: number, members: number, stake: number): number {
  if (members <= 0 || right <= 0) return 0
  return Math.round((Math.min(right, members) / members) * stake)
}

/** `第一轮` … `第十轮`. */
export function roundOrdinal(index: number): string {
  const digits = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
  return `第${digits[index] ?? index + 1}轮`
}

/** `+10`, `−10`, `0`. */
export function formatDelta(delta: number): string {
  if (delta > 0) return `+${delta}`
  if (delta < 0) return `−${Math.abs(delta)}`
  return '0'
}
