import { toCsv } from '../meeting/csv'
import { formatResponse } from '../quiz/check'
import { activePlayers, playerScores, type LiveRoom } from './room'

/** Per-person answers for the results CSV: one row per member, one column per phone question. */
export function liveResultsRows(room: LiveRoom): string[][] {
  const session = room.session
  if (!session) return []
  const keys = Object.keys(room.answers).filter((key) => key.startsWith(`${session.sessionId}:`))
  const label = (key: string) => {
    const [, r, q] = key.split(':').map(Number) as [number, number, number]
    return `${session.rounds[r]?.title ?? ''} 第${q + 1}题`
  }
  const scores = playerScores(room)
  const header = ['姓名', '党小组', '个人得分', ...keys.map(label)]
  const rows = activePlayers(room).map((p) => [
    p.name,
    session.teams.find((t) => t.id === p.teamId)?.name ?? '',
    String(scores.get(p.id) ?? 0),
    ...keys.map((key) => {
      const answer = room.answers[key]?.find((a) => a.playerId === p.id)
      if (!answer) return '（未作答）'
      const shown = room.revealed.includes(key) ? (answer.correct ? '✓' : '✗') : ''
      return `${formatResponse(answer.response)}${shown}`
    }),
  ])
  return [header, ...rows]
}

export function liveResultsCsv(room: LiveRoom): string {
  return toCsv(liveResultsRows(room))
}
