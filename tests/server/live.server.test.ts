import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { is, LiveClient, runServerToExit, startServer, type ServerProcess } from '../../server/harness'
import type { QuizPlan } from '@/lib/live/room'
import type { MeetingQuestion } from '@/lib/meeting/types'

const q = (id: string, extra: Partial<MeetingQuestion>): MeetingQuestion => ({ id, docId: 'constitution', anchor: `art-${id}`, type: 'choice', prompt: `题${id}`, answer: '', source: '原文', heading: '第一条', ...extra })

const QUIZ: QuizPlan & { id: string; updatedAt: number } = {
  id: 'quiz-1',
  updatedAt: 1,
  name: '支部手机竞赛',
  teams: ['第一党小组', '第二党小组', '第三党小组'],
  startingScore: 100,
  rounds: [
    {
      kind: 'all',
      title: '第一轮 全员答题',
      secondsPerQuestion: 60,
      questions: [
        q('1', { prompt: '党员的预备期为（    ）。', answer: '一年', options: ['半年', '一年', '两年'] }),
        q('2', { type: 'cloze', prompt: '年满（    ）岁可以申请入党。', answer: '十八' }),
      ],
    },
    { kind: 'buzzer', title: '第二轮 抢答题', secondsPerQuestion: 20, questions: [q('3', { type: 'cloze', answer: '三会一课' })] },
  ],
}

const servers: ServerProcess[] = []
const clients: LiveClient[] = []
const dirs: string[] = []

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'meeting-server-'))
  dirs.push(dir)
  return dir
}

async function boot(data = tempDir(), port = 0): Promise<ServerProcess> {
  const server = await startServer(data, { port, env: { LIVE_JOIN_BURST: '200', LIVE_JOIN_PER_SECOND: '100' } })
  servers.push(server)
  return server
}

async function client(port: number, role: 'phone' | 'host' = 'phone'): Promise<LiveClient> {
  const c = await LiveClient.connect(port, role)
  clients.push(c)
  return c
}

async function hostOf(server: ServerProcess): Promise<LiveClient> {
  const host = await client(server.port, 'host')
  host.send({ t: 'host', secret: server.hostSecret })
  await host.next(is.host)
  return host
}

async function phone(server: ServerProcess, name: string, teamId?: string) {
  const c = await client(server.port)
  c.send({ t: 'join', room: server.code, name, ...(teamId ? { teamId } : {}) })
  const seat = await c.next(is.seat)
  return { c, ...seat }
}

/** The host's view once `test` holds (views follow changes within a few ms). */
async function hostView(host: LiveClient, test: (v: Extract<import('@/lib/live/protocol').ServerMessage, { t: 'host' }>['view']) => boolean) {
  const seen = host.frames.filter(is.host).reverse().find((m) => test(m.view))
  if (seen) return seen.view
  return (await host.await((m): m is Extract<typeof m, { t: 'host' }> => is.host(m) && test(m.view))).view
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.close()
  for (const s of servers.splice(0)) await s.stop('SIGKILL')
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

let nextId = 1
async function answer(c: LiveClient, key: string, response: string | string[]) {
  const id = nextId++
  c.send({ t: 'answer', id, key, response })
  return c.next(is.ack(id))
}

describe('meeting server, a real process on 127.0.0.1', () => {
  it('runs a 全员答题 round with 30 phones: every answer acknowledged and counted, team shares scored at reveal', async () => {
    const server = await boot()
    const host = await hostOf(server)
    host.send({ t: 'start', quiz: QUIZ })
    await hostView(host, (v) => v.session !== null)
    const phones = await Promise.all(Array.from({ length: 30 }, (_, i) => phone(server, `党员${i + 1}`, `t${(i % 3) + 1}`)))
    host.send({ t: 'act', action: { type: 'next' } })
    const view = await hostView(host, (v) => v.session?.questionIndex === 0)
    const key = `${view.session!.sessionId}:0:0`
    // Team 1: all right; team 2: 5 of 10 right; team 3: none right.
    const acks = await Promise.all(phones.map((p, i) => answer(p.c, key, i % 3 === 0 || (i % 3 === 1 && i < 15) ? '一年' : '两年')))
    expect(acks.every((a) => a.ok)).toBe(true)
    const counted = await hostView(host, (v) => v.summary.answered === 30)
    expect(counted.summary.perTeam.map((t) => t.answered)).toEqual([10, 10, 10])
    host.send({ t: 'act', action: { type: 'reveal' } })
    const revealed = await hostView(host, (v) => v.session?.revealed === true)
    const scores = revealed.session!.teams.map((t) => 100 + revealed.session!.scoreLog.filter((e) => e.teamId === t.id).reduce((s, e) => s + e.delta, 0))
    expect(scores).toEqual([110, 105, 100])
    expect(revealed.summary.distribution).toEqual([
      { label: 'A. 半年', count: 0, correct: false },
      { label: 'B. 一年', count: 15, correct: true },
      { label: 'C. 两年', count: 15, correct: false },
    ])
    const p0 = await phones[0]!.c.next((m): m is Extract<typeof m, { t: 'player' }> => is.player(m) && m.view.answer !== undefined)
    expect(p0.view.myAnswer).toEqual({ response: '一年', correct: true })
    expect(p0.view.me.score).toBe(10)
  })

  it('never sends a phone the answer before reveal', async () => {
    const server = await boot()
    const host = await hostOf(server)
    host.send({ t: 'start', quiz: QUIZ })
    await hostView(host, (v) => v.session !== null)
    const p = await phone(server, '张三')
    host.send({ t: 'act', action: { type: 'goto', roundIndex: 0, questionIndex: 1 } })
    await p.c.next((m): m is Extract<typeof m, { t: 'player' }> => is.player(m) && m.view.question?.number === 2)
    await answer(p.c, `${(await hostView(host, (v) => v.session?.questionIndex === 1)).session!.sessionId}:0:1`, '18')
    await new Promise((r) => setTimeout(r, 100))
    const everything = p.c.frames.map((f) => JSON.stringify(f)).join('\n')
    expect(everything).not.toContain('十八')
    expect(everything).not.toContain(server.hostSecret)
  })

  it('gives a phone that drops and comes back its seat, its answer and its score', async () => {
    const server = await boot()
    const host = await hostOf(server)
    host.send({ t: 'start', quiz: QUIZ })
    await hostView(host, (v) => v.session !== null)
    const p = await phone(server, '李四')
    host.send({ t: 'act', action: { type: 'next' } })
    const key = `${(await hostView(host, (v) => v.session?.questionIndex === 0)).session!.sessionId}:0:0`
    await answer(p.c, key, '一年')
    host.send({ t: 'act', action: { type: 'reveal' } })
    host.send({ t: 'act', action: { type: 'next' } })
    p.c.close() // Wi-Fi lost mid-question
    await hostView(host, (v) => v.players.some((x) => x.name === '李四' && !x.connected))
    const back = await client(server.port)
    back.send({ t: 'rejoin', room: server.code, playerId: p.playerId, secret: p.secret })
    const view = (await back.next(is.player)).view
    expect(view.me).toMatchObject({ name: '李四', score: 10 })
    // A rejoin by name or with a guessed secret gets no seat.
    const impostor = await client(server.port)
    impostor.send({ t: 'rejoin', room: server.code, playerId: p.playerId, secret: 'x'.repeat(24) })
    expect((await impostor.next(is.refused)).reason).toBe('unknown-seat')
  })

  it('survives kill -9 mid-question: a restart resumes the question, seats and answers', async () => {
    const data = tempDir()
    const server = await boot(data)
    const host = await hostOf(server)
    host.send({ t: 'start', quiz: QUIZ })
    await hostView(host, (v) => v.session !== null)
    const p = await phone(server, '王五')
    const other = await phone(server, '赵六')
    host.send({ t: 'act', action: { type: 'next' } })
    const key = `${(await hostView(host, (v) => v.session?.questionIndex === 0)).session!.sessionId}:0:0`
    expect((await answer(p.c, key, '一年')).ok).toBe(true)
    await server.stop('SIGKILL')
    servers.splice(servers.indexOf(server), 1)

    const again = await boot(data, server.port)
    expect(again.code).toBe(server.code)
    expect(again.hostSecret).toBe(server.hostSecret)
    const host2 = await hostOf(again)
    const resumed = await hostView(host2, (v) => v.session !== null)
    expect(resumed.session!.questionIndex).toBe(0)
    expect(resumed.summary.answered).toBe(1)
    const back = await client(again.port)
    back.send({ t: 'rejoin', room: again.code, playerId: p.playerId, secret: p.secret })
    expect((await back.next(is.player)).view.myAnswer).toEqual({ response: '一年' })
    // The phone resends what it had not seen acknowledged: taken once.
    expect(await answer(back, key, '一年')).toMatchObject({ ok: true, duplicate: true })
    const otherBack = await client(again.port)
    otherBack.send({ t: 'rejoin', room: again.code, playerId: other.playerId, secret: other.secret })
    await otherBack.next(is.seat)
    expect((await answer(otherBack, key, '半年')).ok).toBe(true)
    expect((await hostView(host2, (v) => v.summary.answered === 2)).summary.answered).toBe(2)
  })

  it('closes a question at reveal for good; the host re-opens it only by voiding its answers; board and CSV agree', async () => {
    const server = await boot()
    const host = await hostOf(server)
    host.send({ t: 'start', quiz: QUIZ })
    await hostView(host, (v) => v.session !== null)
    const [a, b, c] = await Promise.all([phone(server, '甲', 't1'), phone(server, '乙', 't1'), phone(server, '丙', 't2')])
    host.send({ t: 'act', action: { type: 'next' } })
    const key = `${(await hostView(host, (v) => v.session?.questionIndex === 0)).session!.sessionId}:0:0`
    expect((await answer(a.c, key, '一年')).ok).toBe(true)
    expect((await answer(b.c, key, '半年')).ok).toBe(true)
    host.send({ t: 'act', action: { type: 'reveal' } })
    host.send({ t: 'act', action: { type: 'hideAnswer' } })
    await hostView(host, (v) => v.questionClosed && v.session?.revealed === false)
    expect(await answer(c.c, key, '一年')).toMatchObject({ ok: false, reason: 'not-open' })
    const score = (v: { session: { teams: { id: string }[]; startingScore: number; scoreLog: { teamId: string; delta: number }[] } | null }, team: string) =>
      v.session!.startingScore + v.session!.scoreLog.filter((e) => e.teamId === team).reduce((sum, e) => sum + e.delta, 0)
    // 乙 (wrong) is moved out: team 1 is recounted from the same answers the CSV lists.
    host.send({ t: 'kick', playerId: b.playerId })
    const after = await hostView(host, (v) => v.players.length === 2)
    expect([score(after, 't1'), score(after, 't2')]).toEqual([110, 100])
    host.send({ t: 'export' })
    const csv = (await host.next((m): m is Extract<typeof m, { t: 'export' }> => m.t === 'export')).csv
    expect(csv).toContain('甲,第一党小组,10')
    expect(csv).not.toContain('乙')
    // Re-opening voids: 甲's answer and the team's share are gone, 丙 may answer now.
    host.send({ t: 'void', key })
    const reopened = await hostView(host, (v) => !v.questionClosed && v.summary.answered === 0)
    expect(score(reopened, 't1')).toBe(100)
    expect((await answer(c.c, key, '一年')).ok).toBe(true)
  })

  it('holds forged seats back: seats per address, one per connection, names, the lock, bulk kick, no comeback', async () => {
    const server = await startServer(tempDir(), { env: { LIVE_JOIN_BURST: '200', LIVE_JOIN_PER_SECOND: '100', LIVE_SEATS_PER_ADDRESS: '4' } })
    servers.push(server)
    const host = await hostOf(server)
    host.send({ t: 'start', quiz: QUIZ })
    await hostView(host, (v) => v.session !== null)
    const join = async (name: string, device?: string, c?: LiveClient) => {
      const socket = c ?? (await client(server.port))
      socket.send({ t: 'join', room: server.code, name, ...(device ? { device } : {}) })
      return { socket, reply: await socket.await((m): m is Extract<typeof m, { t: 'seat' | 'refused' }> => m.t === 'seat' || m.t === 'refused') }
    }
    const a = await join('甲', 'dev-a')
    expect(a.reply.t).toBe('seat')
    expect((await join('甲二', undefined, a.socket)).reply).toMatchObject({ t: 'refused', reason: 'already-seated' })
    expect((await join(' 甲 ')).reply).toMatchObject({ t: 'refused', reason: 'name-taken', message: expect.stringContaining('姓名') })
    expect((await join('主持人')).reply).toMatchObject({ t: 'refused', reason: 'reserved-name' })
    const b = await join('乙', 'dev-b')
    const c = await join('丙', 'dev-c')
    const d = await join('丁', 'dev-d')
    expect([b, c, d].map((x) => x.reply.t)).toEqual(['seat', 'seat', 'seat'])
    expect((await join('戊')).reply).toMatchObject({ t: 'refused', reason: 'address-full' })
    // Bulk kick: two seats at once; both phones are told, neither comes back as a new seat.
    const ids = [c, d].map((x) => (x.reply as Extract<typeof x.reply, { t: 'seat' }>).playerId)
    host.send({ t: 'kick', playerIds: ids })
    expect((await c.socket.next(is.refused)).reason).toBe('kicked')
    expect((await d.socket.next(is.refused)).reason).toBe('kicked')
    expect((await join('丙新', 'dev-c')).reply).toMatchObject({ t: 'refused', reason: 'banned' })
    // Locked: no new seat, but a seat already taken comes back with its secret.
    host.send({ t: 'lock', locked: true })
    await hostView(host, (v) => v.locked)
    expect((await join('己', 'dev-x')).reply).toMatchObject({ t: 'refused', reason: 'locked' })
    const seat = b.reply as Extract<typeof b.reply, { t: 'seat' }>
    const back = await client(server.port)
    back.send({ t: 'rejoin', room: server.code, playerId: seat.playerId, secret: seat.secret })
    expect((await back.next(is.player)).view.me.name).toBe('乙')
    expect((await hostView(host, (v) => v.players.length === 2)).players.map((p) => p.name)).toEqual(['甲', '乙'])
  })

  it('sends the projector its feed from the server: no answer before reveal, the final ranking after 结束竞赛', async () => {
    const server = await boot()
    const host = await hostOf(server)
    const screen = await client(server.port, 'host')
    screen.send({ t: 'screen', secret: server.hostSecret })
    host.send({ t: 'start', quiz: QUIZ })
    await hostView(host, (v) => v.session !== null)
    const p = await phone(server, '周八', 't2')
    host.send({ t: 'act', action: { type: 'next' } })
    const key = `${(await hostView(host, (v) => v.session?.questionIndex === 0)).session!.sessionId}:0:0`
    const isFeed = (test: (f: Extract<import('@/lib/live/protocol').ServerMessage, { t: 'screen' }>['feed']) => boolean) =>
      (m: import('@/lib/live/protocol').ServerMessage): m is Extract<typeof m, { t: 'screen' }> => m.t === 'screen' && test(m.feed)
    await screen.next(isFeed((f) => f.view.question?.number === 1))
    await answer(p.c, key, '一年')
    await screen.next(isFeed((f) => f.live?.summary.answered === 1))
    host.send({ t: 'act', action: { type: 'reveal' } })
    await screen.next(isFeed((f) => f.view.answer !== undefined))
    host.send({ t: 'act', action: { type: 'end' } })
    const final = await screen.next(isFeed((f) => f.view.ended))
    expect(final.feed.ranking).toEqual([
      { rank: 1, name: '第二党小组', score: 110 },
      { rank: 2, name: '第一党小组', score: 100 },
      { rank: 2, name: '第三党小组', score: 100 },
    ])
    const before = screen.frames.filter((f) => f.t === 'screen' && f.feed.view.answer === undefined).map((f) => JSON.stringify(f)).join('\n')
    expect(before).not.toContain('"correct":true')
    expect(before).not.toContain('"answer"')
    expect(screen.frames.some((f) => 'session' in f || f.t === 'host')).toBe(false)
    // A phone cannot ask for the projector's feed, and a bare connection is not told the room code.
    const nosy = await client(server.port)
    expect(await nosy.next(is.welcome)).not.toHaveProperty('code')
    nosy.send({ t: 'screen', secret: server.hostSecret })
    expect((await nosy.next(is.refused)).reason).toBe('not-host')
  })

  it('notices a phone gone silent (no pong) and shows the host it is offline; answers pings', async () => {
    const server = await startServer(tempDir(), { env: { LIVE_HEARTBEAT_MS: '300' } })
    servers.push(server)
    const host = await hostOf(server)
    host.send({ t: 'start', quiz: QUIZ })
    await hostView(host, (v) => v.session !== null)
    const p = await phone(server, '吴九')
    p.c.send({ t: 'ping' })
    expect(await p.c.next((m): m is Extract<typeof m, { t: 'pong' }> => m.t === 'pong')).toMatchObject({ t: 'pong' })
    await hostView(host, (v) => v.players.some((x) => x.name === '吴九' && x.connected))
    // The Wi-Fi goes silent: the socket stays open but nothing comes back, not even a pong.
    p.c.ws.pause()
    const started = Date.now()
    await hostView(host, (v) => v.players.some((x) => x.name === '吴九' && !x.connected))
    expect(Date.now() - started).toBeLessThan(3_000)
  })

  it('drops hostile messages (oversized, malformed, binary, forged host actions) and the room goes on', async () => {
    const server = await boot()
    const host = await hostOf(server)
    host.send({ t: 'start', quiz: QUIZ })
    const started = await hostView(host, (v) => v.session !== null)
    const p = await phone(server, '孙七')
    const revision = started.session!.revision
    // An oversized frame never reaches the room: the phone endpoint closes that socket (1009).
    const big = await client(server.port)
    big.raw(JSON.stringify({ t: 'answer', id: 1, key: 'k', response: 'x'.repeat(5000) }))
    await expect.poll(() => big.closedWith).toBe(1009)
    p.c.raw('{"t":"join",')
    p.c.raw(Buffer.from([0, 1, 2, 3]))
    p.c.raw('{"t":"act","action":{"type":"next"}}')
    p.c.raw('{"t":"act","action":{"type":"adjustScore","teamId":"t1","delta":1000}}')
    p.c.raw('{"t":"close"}')
    p.c.raw('{"t":"host","secret":"guess"}')
    expect((await p.c.next(is.refused)).reason).toBe('not-host')
    const after = await hostView(host, (v) => v.dropped >= 6)
    expect(after.session!.revision).toBe(revision)
    expect(after.session!.questionIndex).toBe(-1)
    expect(after.session!.scoreLog).toEqual([])
    // The same phone, and the room, still work.
    host.send({ t: 'act', action: { type: 'next' } })
    const key = `${(await hostView(host, (v) => v.session?.questionIndex === 0)).session!.sessionId}:0:0`
    expect((await answer(p.c, key, '一年')).ok).toBe(true)
  })

  it('accepts the host only on the host endpoint', async () => {
    const server = await boot()
    const phoneSide = await client(server.port)
    phoneSide.send({ t: 'host', secret: server.hostSecret })
    expect((await phoneSide.next(is.refused)).reason).toBe('not-host')
    expect(phoneSide.frames.some(is.host)).toBe(false)
  })

  it('lets a flood of messages through only at the allowed rate', async () => {
    const server = await boot()
    const c = await client(server.port)
    for (let i = 0; i < 200; i++) c.raw('{"t":"buzz","id":1,"key":"k"}')
    const host = await hostOf(server)
    expect((await hostView(host, (v) => v.dropped > 0)).dropped).toBeGreaterThanOrEqual(150)
  })

  it('rate-limits join attempts per address', async () => {
    const data = tempDir()
    const server = await startServer(data, { env: { LIVE_JOIN_BURST: '3', LIVE_JOIN_PER_SECOND: '0.1' } })
    servers.push(server)
    const c = await client(server.port)
    for (let i = 0; i < 5; i++) c.send({ t: 'join', room: '0000', name: '某' })
    await new Promise((r) => setTimeout(r, 200))
    const reasons = c.frames.filter(is.refused).map((m) => m.reason)
    expect(reasons).toEqual(['wrong-room', 'wrong-room', 'wrong-room', 'rate-limited', 'rate-limited'])
  })

  it('forgets the meeting when the host ends it: the journal is gone and a new room opens', async () => {
    const data = tempDir()
    const server = await boot(data)
    const host = await hostOf(server)
    host.send({ t: 'start', quiz: QUIZ })
    await hostView(host, (v) => v.session !== null)
    const p = await phone(server, '周八')
    host.send({ t: 'export' })
    const csv = await host.next((m): m is Extract<typeof m, { t: 'export' }> => m.t === 'export')
    expect(csv.csv).toContain('周八')
    host.send({ t: 'close' })
    await p.c.next((m) => m.t === 'closed')
    const fresh = await host.await((m): m is Extract<typeof m, { t: 'host' }> => is.host(m) && m.view.session === null)
    expect(fresh.view.summary.code).not.toBe(server.code)
    expect(readFileSync(join(data, 'room.jsonl'), 'utf8')).not.toContain('周八')
  })
})

describe('meeting server errors are one clear sentence', () => {
  const noStack = (out: string) => expect(out).not.toMatch(/\n\s+at /)

  it('port already taken', async () => {
    const blocker = createServer().listen(0, '127.0.0.1')
    await new Promise((r) => blocker.once('listening', r))
    const port = (blocker.address() as { port: number }).port
    const { code, out } = await runServerToExit(['--port', String(port), '--host', '127.0.0.1', '--data', tempDir()])
    blocker.close()
    expect(code).toBe(1)
    expect(out).toContain(`端口 ${port} 已被占用`)
    noStack(out)
  })

  it('unwritable data folder', async () => {
    const file = join(tempDir(), 'a-file')
    writeFileSync(file, '')
    const { code, out } = await runServerToExit(['--port', '0', '--host', '127.0.0.1', '--data', join(file, 'data')])
    expect(code).toBe(1)
    expect(out).toContain('数据文件夹')
    noStack(out)
  })

  it('a journal that is corrupt from its first line', async () => {
    const data = tempDir()
    writeFileSync(join(data, 'room.jsonl'), 'this is not a journal\n')
    const { code, out } = await runServerToExit(['--port', '0', '--host', '127.0.0.1', '--data', data])
    expect(code).toBe(1)
    expect(out).toContain('已损坏')
    noStack(out)
  })

  it('a torn tail is cut at the last whole event, kept aside, and the meeting resumes', async () => {
    const data = tempDir()
    const first = await boot(data)
    const host = await hostOf(first)
    host.send({ t: 'start', quiz: QUIZ })
    await hostView(host, (v) => v.session !== null)
    await first.stop('SIGKILL')
    servers.splice(servers.indexOf(first), 1)
    appendFileSync(join(data, 'room.jsonl'), '{"e":"act","at":1,"action":{"ty')
    const again = await boot(data)
    expect(again.output()).toContain('已截断')
    expect(again.code).toBe(first.code)
    const host2 = await hostOf(again)
    expect((await hostView(host2, (v) => v.session !== null)).session!.quizName).toBe('支部手机竞赛')
  })
})
