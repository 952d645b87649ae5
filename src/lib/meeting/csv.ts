import type { MeetingResults } from './results'

/** Excel reads a UTF-8 file as the local code page unless it starts with a byte order mark. */
export const BOM = '\uFEFF'

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled.
 * Text starting with = + - @ is prefixed with ' so a spreadsheet never runs it as a formula;
 * numbers are written as numbers.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return BOM + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n'
}

const OUTCOME_LABEL = { right: '答对', wrong: '答错', manual: '调整' } as const

/** The results as one sheet: the ranking, then every question with each team's points. */
export function resultsCsv(results: MeetingResults): string {
  const teamNames = results.teams.map((team) => team.name)
  const rows: (string | number | null)[][] = [
    ['竞赛名称', results.quizName],
    [],
    ['名次', '党小组', '总分', ...results.rounds.map((round) => round.title)],
    ...results.ranking.map((entry) => [entry.rank, entry.team.name, entry.score, ...entry.byRound]),
    [],
    ['轮次', '题号', '题型', '题目', '答案', '出处', ...teamNames.flatMap((name) => [`${name}得分`, `${name}结果`])],
    ...results.questions.map((q) => [
      q.roundTitle,
      q.number,
      q.typeLabel,
      q.question.prompt,
      q.answer,
      q.question.heading,
      ...results.teams.flatMap((team) => {
        const result = q.byTeam.get(team.id)
        return result ? [result.delta, OUTCOME_LABEL[result.outcome]] : [null, null]
      }),
    ]),
  ]
  return toCsv(rows)
}
