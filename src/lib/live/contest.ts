import { toCsv } from '../meeting/csv'
import { activePlayers, playerScores, type LiveRoom } from './room'

/*
 * The organiser's view of a contest of several rooms: each room is rebuilt from its own event log
 * (replay), so the overview and the result sheet come from the same events the owners decided.
 */

export interface RoomOverview {
  code: string
  name: string
  /** Started, on question n, ended by its host. */
  state: string
  players: number
  answers: number
  /** Best three, highest first. */
  leaders: { name: string; score: number }[]
}

function stateOf(room: LiveRoom): string {
  if (room.closed) return '已结束'
  const session = room.session
  if (!session) return '等待开始'
  if (session.phase === 'ended') return '已结束'
  const round = session.rounds[session.roundIndex]
  if (!round || session.questionIndex < 0) return '已开始'
  return `${round.title} 第${session.questionIndex + 1}题`
}

function answerCount(room: LiveRoom): number {
  return Object.values(room.answers).reduce((sum, list) => sum + list.length, 0)
}

export function roomOverview(room: LiveRoom, name: string): RoomOverview {
  const scores = playerScores(room)
  const leaders = activePlayers(room)
    .map((p) => ({ name: p.name, score: scores.get(p.id) ?? 0 }))
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh-CN'))
    .slice(0, 3)
  return { code: room.code, name, state: stateOf(room), players: activePlayers(room).length, answers: answerCount(room), leaders }
}

/**
 * One result sheet for the whole contest: one row per member of every room. Rooms have their own
 * questions, so the sheet holds what every room shares (score, answered, right) and not per-question columns.
 */
export function contestSheetRows(rooms: readonly { room: LiveRoom; name: string }[]): string[][] {
  const header = ['会场号', '会场名称', '姓名', '党小组', '个人得分', '作答题数', '答对题数']
  const rows: string[][] = []
  for (const { room, name } of rooms) {
    const session = room.session
    const scores = playerScores(room)
    const answers = Object.values(room.answers).flat()
    for (const p of activePlayers(room)) {
      const mine = answers.filter((a) => a.playerId === p.id)
      rows.push([room.code, name, p.name, session?.teams.find((t) => t.id === p.teamId)?.name ?? '', String(scores.get(p.id) ?? 0), String(mine.length), String(mine.filter((a) => a.correct).length)])
    }
  }
  return [header, ...rows]
}

export function contestSheetCsv(rooms: readonly { room: LiveRoom; name: string }[]): string {
  return toCsv(contestSheetRows(rooms))
}
