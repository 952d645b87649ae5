import { describe, expect, it } from 'vitest'
import { contestSheetCsv, contestSheetRows, roomOverview } from '@/lib/live/contest'
import { decideAnswer } from '@/lib/live/room'
import { Room } from './helpers'

/** Two branches' rooms: 张三 and 李四 right on the first question (stake 10 each), 王五 wrong, 赵六 silent. */
function twoRooms() {
  const a = new Room()
  const zhang = a.join('张三')
  const wang = a.join('王五')
  a.act({ type: 'next' })
  a.take(decideAnswer(a.room, zhang, a.key, '一年', a.now))
  a.take(decideAnswer(a.room, wang, a.key, '两年', a.now))
  a.act({ type: 'reveal' })
  const b = new Room()
  const li = b.join('李四')
  b.join('赵六')
  b.act({ type: 'next' })
  b.take(decideAnswer(b.room, li, b.key, '一年', b.now))
  b.act({ type: 'reveal' })
  return [
    { room: a.room, name: '城关镇第一党支部' },
    { room: b.room, name: '河口乡机关党支部' },
  ]
}

describe('the organiser’s contest sheet', () => {
  it('has one row per member of every room, with Chinese headers, score, answered and right', () => {
    const rows = contestSheetRows(twoRooms())
    expect(rows[0]).toEqual(['会场号', '会场名称', '姓名', '党小组', '个人得分', '作答题数', '答对题数'])
    const byName = new Map(rows.slice(1).map((r) => [r[2], r]))
    expect(rows).toHaveLength(5)
    expect(byName.get('张三')!.slice(1)).toEqual(['城关镇第一党支部', '张三', expect.any(String), expect.not.stringMatching(/^0$/), '1', '1'])
    expect(byName.get('王五')!.slice(4)).toEqual(['0', '1', '0'])
    expect(byName.get('赵六')!.slice(4)).toEqual(['0', '0', '0'])
    expect(byName.get('李四')![1]).toBe('河口乡机关党支部')
    expect(byName.get('李四')![4]).toBe(byName.get('张三')![4])
  })

  it('opens in Excel as UTF-8 (byte order mark) and never as a formula', () => {
    const rooms = twoRooms()
    rooms[0]!.name = '=HYPERLINK("x")'
    const csv = contestSheetCsv(rooms)
    expect(csv.startsWith('\uFEFF会场号,')).toBe(true)
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m)
  })

  it('shows each room’s progress, people, answers and leaders', () => {
    const [a] = twoRooms()
    const overview = roomOverview(a!.room, a!.name)
    expect(overview).toMatchObject({ name: '城关镇第一党支部', players: 2, answers: 2, state: '第一轮 全员答题 第1题' })
    expect(overview.leaders[0]!.name).toBe('张三')
    expect(overview.leaders[0]!.score).toBeGreaterThan(overview.leaders[1]!.score)
  })
})
