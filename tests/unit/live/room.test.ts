import { describe, expect, it } from 'vitest'
import { cleanName, decideAnswer, decideBuzz, decideJoin, decideRename, decideStake, findSeat, playerScores, REFUSALS, replay } from '@/lib/live/room'
import { teamScores } from '@/lib/meeting/session'
import { toScreenView } from '@/lib/meeting/screenView'
import { playerViewOf } from '@/lib/live/views'
import { PLAN, Room } from './helpers'

describe('joining', () => {
  it('needs a started quiz and a plain name of 1–16 characters', () => {
    const r = new Room()
    expect(decideJoin({ ...r.room, session: null }, { name: '张三', playerId: 'x', secret: 'y' }, 0)).toEqual({ ok: false, reason: 'no-quiz' })
    expect(decideJoin(r.room, { name: '   ', playerId: 'x', secret: 'y' }, 0)).toEqual({ ok: false, reason: 'bad-name' })
    expect(decideJoin(r.room, { name: '一二三四五六七八九十一二三四五六七', playerId: 'x', secret: 'y' }, 0)).toEqual({ ok: false, reason: 'bad-name' })
    expect(decideJoin(r.room, { name: 42, playerId: 'x', secret: 'y' }, 0)).toEqual({ ok: false, reason: 'bad-name' })
  })

  it('keeps markup as text and strips control and direction characters', () => {
    expect(cleanName('<img src=x onerror=alert(1)>')).toBeNull() // 28 characters: too long, refused
    expect(cleanName('<b>李四</b>')).toBe('<b>李四</b>')
    expect(cleanName('王\u202e五\n')).toBe('王五')
  })

  it('puts a member in the chosen 党小组, or the smallest one when none is chosen', () => {
    const r = new Room()
    r.join('甲', 't1')
    r.join('乙', 't1')
    const c = r.join('丙')
    expect(r.room.players.find((p) => p.id === c)?.teamId).toBe('t2')
    expect(decideJoin(r.room, { name: '丁', teamId: 't9', playerId: 'x', secret: 'y' }, 0)).toEqual({ ok: false, reason: 'bad-team' })
  })

  it('finds a seat again by its secret only, never by name', () => {
    const r = new Room()
    const id = r.join('张三')
    expect(findSeat(r.room, id, 'secret-张三')).toMatchObject({ id, name: '张三' })
    expect(findSeat(r.room, id, 'guess')).toBe('unknown-seat')
    r.push({ e: 'kick', at: 0, playerId: id })
    expect(findSeat(r.room, id, 'secret-张三')).toBe('kicked')
  })
})

describe('answering (全员答题)', () => {
  it('takes answers only while the question is shown, unrevealed and its time (server time) not up', () => {
    const r = new Room()
    const id = r.join('张三')
    expect(decideAnswer(r.room, id, 's1:0:-1', '一年', r.now)).toEqual({ ok: false, reason: 'no-question' })
    r.act({ type: 'next' })
    r.act({ type: 'startTimer' })
    expect(decideAnswer(r.room, id, r.key, '一年', r.now + 29_000).ok).toBe(true)
    expect(decideAnswer(r.room, id, r.key, '一年', r.now + 30_001)).toEqual({ ok: false, reason: 'time-up' })
    r.act({ type: 'reveal' })
    expect(decideAnswer(r.room, id, r.key, '一年', r.now + 1)).toEqual({ ok: false, reason: 'not-open' })
  })

  it('keeps one answer per member and question; a resend of the same answer is acknowledged, a change refused', () => {
    const r = new Room()
    const id = r.join('张三')
    r.act({ type: 'next' })
    expect(r.take(decideAnswer(r.room, id, r.key, '半年', r.now))).toMatchObject({ ok: true })
    expect(decideAnswer(r.room, id, r.key, '半年', r.now)).toEqual({ ok: true, event: null })
    expect(decideAnswer(r.room, id, r.key, '一年', r.now)).toEqual({ ok: false, reason: 'already-answered' })
    expect(r.room.answers[r.key]).toHaveLength(1)
  })

  it('refuses answers to another question and answers not among the options', () => {
    const r = new Room()
    const id = r.join('张三')
    r.act({ type: 'next' })
    expect(decideAnswer(r.room, id, 's1:0:1', '一年', r.now)).toEqual({ ok: false, reason: 'stale-question' })
    expect(decideAnswer(r.room, id, r.key, '三年', r.now)).toEqual({ ok: false, reason: 'bad-response' })
    expect(decideAnswer(r.room, id, r.key, ['一年'], r.now)).toEqual({ ok: false, reason: 'bad-response' })
  })

  it('checks typed answers the way practice does (18 = 十八)', () => {
    const r = new Room()
    const a = r.join('甲', 't1')
    const b = r.join('乙', 't1')
    r.act({ type: 'next' })
    r.act({ type: 'next' })
    r.take(decideAnswer(r.room, a, r.key, '18', r.now))
    r.take(decideAnswer(r.room, b, r.key, '十七', r.now))
    expect(r.room.answers[r.key]!.map((x) => x.correct)).toEqual([true, false])
  })

  it('scores a team by its share of right answers × 10 at reveal, and each member 10 per right answer', () => {
    const r = new Room()
    const [a, b, c, d] = [r.join('甲', 't1'), r.join('乙', 't1'), r.join('丙', 't1'), r.join('丁', 't2')]
    r.act({ type: 'next' })
    r.take(decideAnswer(r.room, a, r.key, '一年', r.now))
    r.take(decideAnswer(r.room, b, r.key, '一年', r.now))
    r.take(decideAnswer(r.room, c, r.key, '半年', r.now))
    // 丁 does not answer: his team gets nothing.
    expect(teamScores(r.room.session!).get('t1')).toBe(100) // nothing counts before reveal
    expect(playerScores(r.room).get(a)).toBe(0)
    r.act({ type: 'reveal' })
    const scores = teamScores(r.room.session!)
    expect(scores.get('t1')).toBe(107) // 2 of 3 right: round(20/3) = 7
    expect(scores.get('t2')).toBe(100)
    expect([a, b, c, d].map((id) => playerScores(r.room).get(id))).toEqual([10, 10, 0, 0])
    // Hiding and showing again does not score twice.
    r.act({ type: 'hideAnswer' })
    r.act({ type: 'reveal' })
    expect(teamScores(r.room.session!).get('t1')).toBe(107)
  })

  it('takes a multiple choice only as the exact set', () => {
    const r = new Room()
    const a = r.join('甲', 't1')
    const b = r.join('乙', 't2')
    r.act({ type: 'goto', roundIndex: 0, questionIndex: 2 })
    r.take(decideAnswer(r.room, a, r.key, ['丙', '甲'], r.now))
    r.take(decideAnswer(r.room, b, r.key, ['甲'], r.now))
    expect(r.room.answers[r.key]!.map((x) => x.correct)).toEqual([true, false])
  })
})

describe('抢答', () => {
  it('orders presses by arrival at the server, locks the first team in and ignores repeats', () => {
    const r = new Room()
    const [a, b, c] = [r.join('甲', 't2'), r.join('乙', 't1'), r.join('丙', 't1')]
    r.act({ type: 'goto', roundIndex: 1, questionIndex: 0 })
    r.act({ type: 'startTimer' })
    expect(decideBuzz(r.room, a, r.key, r.now)).toMatchObject({ ok: true })
    r.take(decideBuzz(r.room, b, r.key, r.now + 1))
    r.take(decideBuzz(r.room, a, r.key, r.now + 2))
    r.take(decideBuzz(r.room, c, r.key, r.now + 3))
    expect(decideBuzz(r.room, b, r.key, r.now + 4)).toEqual({ ok: true, event: null })
    expect(r.room.buzzes[r.key]!.map((x) => x.playerId)).toEqual([b, a, c])
    expect(r.room.session!.activeTeamId).toBe('t1')
  })

  it('is only for buzzer rounds', () => {
    const r = new Room()
    const a = r.join('甲')
    r.act({ type: 'next' })
    expect(decideBuzz(r.room, a, r.key, r.now)).toEqual({ ok: false, reason: 'not-buzzer-round' })
  })
})

describe('风险题 stake', () => {
  it('is chosen by the answering team’s leader (its first member), and counts in the host’s verdict', () => {
    const r = new Room()
    const leader = r.join('甲', 't1')
    const member = r.join('乙', 't1')
    const other = r.join('丙', 't2')
    r.act({ type: 'goto', roundIndex: 2, questionIndex: 0 })
    expect(r.room.session!.activeTeamId).toBe('t1')
    expect(decideStake(r.room, member, r.key, 30, r.now)).toEqual({ ok: false, reason: 'not-leader' })
    expect(decideStake(r.room, other, r.key, 30, r.now)).toEqual({ ok: false, reason: 'not-leader' })
    expect(decideStake(r.room, leader, r.key, 25, r.now)).toEqual({ ok: false, reason: 'bad-response' })
    r.take(decideStake(r.room, leader, r.key, 30, r.now))
    r.act({ type: 'score', teamId: 't1', outcome: 'wrong' })
    expect(teamScores(r.room.session!).get('t1')).toBe(70)
    expect(decideStake(r.room, leader, r.key, 10, r.now)).toEqual({ ok: false, reason: 'stake-fixed' })
  })
})

describe('a new quiz in the same room', () => {
  it('keeps the members, moving one whose 党小组 the new quiz lacks into an existing one', () => {
    const r = new Room()
    r.push({ e: 'start', at: 1, sessionId: 's2', quiz: { ...PLAN, teams: ['第一党小组', '第二党小组', '第三党小组'] } })
    r.join('甲', 't1')
    r.join('乙', 't3')
    r.push({ e: 'start', at: 2, sessionId: 's3', quiz: { ...PLAN, teams: ['甲组', '乙组'] } })
    expect(r.room.players.map((p) => [p.name, p.teamId])).toEqual([['甲', 't1'], ['乙', 't2']])
    expect(r.room.session!.sessionId).toBe('s3')
    expect(r.room.answers).toEqual({})
  })
})

describe('journal replay', () => {
  it('rebuilds exactly the same room from its events, without a clock', () => {
    const r = new Room()
    const [a, b] = [r.join('甲', 't1'), r.join('乙', 't2')]
    r.act({ type: 'next' })
    r.act({ type: 'startTimer' })
    r.take(decideAnswer(r.room, a, r.key, '一年', r.now + 100))
    r.take(decideAnswer(r.room, b, r.key, '两年', r.now + 200))
    r.act({ type: 'reveal' })
    r.push({ e: 'rename', at: 1, playerId: b, name: '乙二' })
    // Replayed long after the countdown ended: decided events are not decided again.
    expect(replay(r.events)).toEqual(r.room)
  })

  it('needs an opening event', () => {
    expect(replay([])).toBeNull()
    expect(replay([{ e: 'close', at: 0 }])).toBeNull()
  })
})

describe('reveal closes a question for good (issue 18)', () => {
  it('takes no answer once revealed: not after hiding the answer, a second click, nor going back', () => {
    const r = new Room()
    const [a, b] = [r.join('甲', 't1'), r.join('乙', 't2')]
    r.act({ type: 'next' })
    const key = r.key
    r.take(decideAnswer(r.room, a, key, '一年', r.now))
    r.act({ type: 'reveal' })
    r.act({ type: 'hideAnswer' }) // 收起答案, or the second click on 公布答案
    expect(decideAnswer(r.room, b, key, '一年', r.now)).toEqual({ ok: false, reason: 'not-open' })
    r.act({ type: 'next' })
    r.act({ type: 'prev' })
    expect(r.key).toBe(key)
    expect(decideAnswer(r.room, b, key, '一年', r.now)).toEqual({ ok: false, reason: 'not-open' })
    expect(teamScores(r.room.session!).get('t2')).toBe(100)
  })

  it('takes no press and no stake once revealed, even hidden again', () => {
    const r = new Room()
    const [a, b] = [r.join('甲', 't1'), r.join('乙', 't2')]
    r.act({ type: 'goto', roundIndex: 1, questionIndex: 0 })
    r.act({ type: 'startTimer' })
    r.act({ type: 'reveal' })
    r.act({ type: 'hideAnswer' })
    expect(decideBuzz(r.room, a, r.key, r.now)).toEqual({ ok: false, reason: 'not-open' })
    r.act({ type: 'goto', roundIndex: 2, questionIndex: 0 })
    r.act({ type: 'reveal' })
    r.act({ type: 'hideAnswer' })
    expect(decideStake(r.room, a, r.key, 30, r.now)).toEqual({ ok: false, reason: 'stake-fixed' })
    r.act({ type: 'setStake', points: 30 })
    expect(r.room.session!.rounds[2]!.questions[0]!.points).toBe(10)
    void b
  })

  it('re-opens only by the host’s explicit action, which voids that question’s answers and scores', () => {
    const r = new Room()
    const [a, b] = [r.join('甲', 't1'), r.join('乙', 't2')]
    r.act({ type: 'next' })
    const key = r.key
    r.take(decideAnswer(r.room, a, key, '一年', r.now))
    r.act({ type: 'reveal' })
    expect(teamScores(r.room.session!).get('t1')).toBe(110)
    expect(playerScores(r.room).get(a)).toBe(10)
    r.push({ e: 'void', at: r.now, key })
    expect(r.room.answers[key] ?? []).toEqual([])
    expect(teamScores(r.room.session!).get('t1')).toBe(100)
    expect(playerScores(r.room).get(a)).toBe(0)
    expect(r.room.session!.revealed).toBe(false)
    expect(r.take(decideAnswer(r.room, b, key, '一年', r.now)).ok).toBe(true)
    expect(r.take(decideAnswer(r.room, a, key, '半年', r.now)).ok).toBe(true)
    r.act({ type: 'reveal' })
    expect([teamScores(r.room.session!).get('t1'), teamScores(r.room.session!).get('t2')]).toEqual([100, 110])
    expect(replay(r.events)).toEqual(r.room)
  })
})

describe('team shares derived from the same answers as person scores (issue 18)', () => {
  it('recounts a team when a member is moved out after reveal, as the CSV does', () => {
    const r = new Room()
    const [a, b, c] = [r.join('甲', 't1'), r.join('乙', 't1'), r.join('丙', 't1')]
    r.act({ type: 'next' })
    r.take(decideAnswer(r.room, a, r.key, '一年', r.now))
    r.take(decideAnswer(r.room, b, r.key, '一年', r.now))
    r.take(decideAnswer(r.room, c, r.key, '半年', r.now))
    r.act({ type: 'reveal' })
    expect(teamScores(r.room.session!).get('t1')).toBe(107)
    r.push({ e: 'kick', at: r.now, playerId: c })
    // 丙 is out: 2 of the 2 members left answered right.
    expect(teamScores(r.room.session!).get('t1')).toBe(110)
    r.push({ e: 'kick', at: r.now, playerId: a })
    expect(teamScores(r.room.session!).get('t1')).toBe(110)
    r.push({ e: 'kick', at: r.now, playerId: b })
    expect(teamScores(r.room.session!).get('t1')).toBe(100)
  })

  it('does not let silent seats dilute a team: the share counts seats that answer', () => {
    const r = new Room()
    const a = r.join('甲', 't1')
    for (let i = 0; i < 20; i++) r.join(`空座${i}`, 't1')
    r.act({ type: 'next' })
    r.take(decideAnswer(r.room, a, r.key, '一年', r.now))
    r.act({ type: 'reveal' })
    expect(teamScores(r.room.session!).get('t1')).toBe(110)
  })

  it('still counts a member who answered before and stays silent now', () => {
    const r = new Room()
    const [a, b] = [r.join('甲', 't1'), r.join('乙', 't1')]
    r.act({ type: 'next' })
    r.take(decideAnswer(r.room, a, r.key, '一年', r.now))
    r.take(decideAnswer(r.room, b, r.key, '一年', r.now))
    r.act({ type: 'reveal' })
    r.act({ type: 'next' })
    r.take(decideAnswer(r.room, a, r.key, '十八', r.now))
    r.act({ type: 'reveal' })
    // Question 1: 2 of 2 → +10; question 2: 1 of 2 → +5.
    expect(teamScores(r.room.session!).get('t1')).toBe(115)
  })

  it('keeps the derived shares out of the host’s undo and verdict buttons', () => {
    const r = new Room()
    const a = r.join('甲', 't1')
    r.act({ type: 'next' })
    r.take(decideAnswer(r.room, a, r.key, '一年', r.now))
    r.act({ type: 'reveal' })
    r.act({ type: 'adjustScore', teamId: 't2', delta: 5 })
    r.act({ type: 'undo' })
    r.act({ type: 'undo' })
    r.act({ type: 'score', teamId: 't2', outcome: 'right' })
    expect([teamScores(r.room.session!).get('t1'), teamScores(r.room.session!).get('t2')]).toEqual([110, 100])
  })
})

describe('join control against forged seats (issue 18)', () => {
  const ask = (r: Room, name: string, extra: { address?: string; device?: string; seatsPerAddress?: number } = {}) =>
    decideJoin(r.room, { name, playerId: `id-${name}`, secret: 's', ...extra }, r.now)

  it('refuses new seats once the host locks the room; a seat already taken comes back', () => {
    const r = new Room()
    const a = r.join('甲')
    r.push({ e: 'lock', at: r.now, locked: true })
    expect(ask(r, '乙')).toEqual({ ok: false, reason: 'locked' })
    expect(findSeat(r.room, a, 'secret-甲')).toMatchObject({ id: a })
    r.push({ e: 'lock', at: r.now, locked: false })
    expect(ask(r, '乙').ok).toBe(true)
  })

  it('refuses a name already in the room (spaces and case aside) and the name 主持人', () => {
    const r = new Room()
    r.join('张三')
    expect(ask(r, '张 三')).toEqual({ ok: false, reason: 'name-taken' })
    expect(ask(r, '主持人')).toEqual({ ok: false, reason: 'reserved-name' })
    expect(ask(r, '主持人王五')).toEqual({ ok: false, reason: 'reserved-name' })
    expect(REFUSALS['name-taken']).toMatch(/姓名/)
    expect(REFUSALS['reserved-name']).toMatch(/主持人/)
    const b = r.join('李四')
    expect(decideRename(r.room, b, '张三', r.now)).toEqual({ ok: false, reason: 'name-taken' })
    expect(decideRename(r.room, b, '主持人', r.now)).toEqual({ ok: false, reason: 'reserved-name' })
  })

  it('lets one address take at most two seats, so one laptop cannot add twenty', () => {
    const r = new Room()
    const taken = Array.from({ length: 20 }, (_, i) => r.take(ask(r, `假${i}`, { address: '192.168.1.66' })).ok)
    expect(taken.filter(Boolean)).toHaveLength(2)
    expect(ask(r, '另一台', { address: '192.168.1.67' }).ok).toBe(true)
  })

  it('does not let a phone moved out come back as a new seat, by its stored id or its address', () => {
    const r = new Room()
    r.take(ask(r, '甲', { address: '10.0.0.5', device: 'dev-a' }))
    r.push({ e: 'kick', at: r.now, playerId: 'id-甲' })
    expect(ask(r, '甲二', { address: '10.0.0.9', device: 'dev-a' })).toEqual({ ok: false, reason: 'banned' })
    expect(ask(r, '甲三', { address: '10.0.0.5', device: 'dev-new' })).toEqual({ ok: false, reason: 'banned' })
    expect(ask(r, '乙', { address: '10.0.0.6', device: 'dev-b' }).ok).toBe(true)
    expect(replay(r.events)).toEqual(r.room)
  })
})

describe('抢答 opened by the host, with a false-start rule (issue 18)', () => {
  it('counts no press before the host opens it: a press then is a false start, and that seat is out of the question', () => {
    const r = new Room()
    const [script, a, b] = [r.join('脚本', 't1'), r.join('甲', 't1'), r.join('乙', 't2')]
    r.act({ type: 'goto', roundIndex: 1, questionIndex: 0 })
    // The question is on the screen; the host has not said 开始.
    expect(r.take(decideBuzz(r.room, script, r.key, r.now + 5))).toMatchObject({ ok: true, event: { e: 'false-start' } })
    expect(r.room.buzzes[r.key] ?? []).toEqual([])
    expect(r.room.session!.activeTeamId).toBeNull()
    r.act({ type: 'startTimer' }) // 开始抢答: the server's clock opens the window
    expect(decideBuzz(r.room, script, r.key, r.now + 10)).toEqual({ ok: false, reason: 'false-start' })
    r.take(decideBuzz(r.room, b, r.key, r.now + 11))
    r.take(decideBuzz(r.room, a, r.key, r.now + 12))
    expect(r.room.buzzes[r.key]!.map((x) => x.playerId)).toEqual([b, a])
    expect(r.room.session!.activeTeamId).toBe('t2')
    expect(replay(r.events)).toEqual(r.room)
  })

  it('closes the window when the server’s countdown ends or the host pauses it', () => {
    const r = new Room()
    const a = r.join('甲', 't1')
    r.act({ type: 'goto', roundIndex: 1, questionIndex: 0 })
    r.act({ type: 'startTimer' })
    expect(decideBuzz(r.room, a, r.key, r.now + 20_001)).toEqual({ ok: false, reason: 'time-up' })
    r.act({ type: 'pauseTimer' })
    expect(decideBuzz(r.room, a, r.key, r.now + 1)).toEqual({ ok: false, reason: 'not-open' })
  })
})

describe('风险题: the stake before the question (issue 18)', () => {
  it('shows no question on the projector or the phones until the stake is chosen', () => {
    const r = new Room()
    const leader = r.join('甲', 't1')
    r.act({ type: 'goto', roundIndex: 2, questionIndex: 0 })
    const prompt = PLAN.rounds[2]!.questions[0]!.prompt
    expect(toScreenView(r.room.session!).question!.prompt).not.toBe(prompt)
    expect(JSON.stringify(playerViewOf(r.room, leader, r.now))).not.toContain(prompt)
    r.take(decideStake(r.room, leader, r.key, 20, r.now))
    expect(toScreenView(r.room.session!).question!.prompt).toBe(prompt)
    // The next 风险题 waits for its own stake; the host may confirm the stake already set.
    r.act({ type: 'next' })
    expect(toScreenView(r.room.session!).question!.prompt).not.toBe(PLAN.rounds[2]!.questions[1]!.prompt)
    r.act({ type: 'setStake', points: 10 })
    expect(toScreenView(r.room.session!).question!.prompt).toBe(PLAN.rounds[2]!.questions[1]!.prompt)
  })
})
