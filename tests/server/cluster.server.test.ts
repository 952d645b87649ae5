import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { is, LiveClient } from '../../server/harness'
import { createRoom, startNode, startRedis, type NodeProcess, type RedisProcess } from '../../server/cluster/harness'
import { ClusterPhone } from '../../server/cluster/phone'
import { connectRedis, keys, readLog } from '../../server/cluster/keys'
import type { ServerMessage } from '@/lib/live/protocol'
import { playerScores, replay, type LiveEvent, type QuizPlan } from '@/lib/live/room'

const QUIZ: QuizPlan & { id: string; updatedAt: number } = {
  id: 'county',
  updatedAt: 1,
  name: '县级竞赛',
  teams: ['第一党小组', '第二党小组'],
  startingScore: 100,
  rounds: [
    {
      kind: 'all',
      title: '第一轮 全员答题',
      secondsPerQuestion: 120,
      questions: [{ id: 'q1', docId: 'constitution', anchor: 'a', type: 'choice', prompt: '党员的预备期为（    ）。', answer: '一年', options: ['半年', '一年', '两年'], source: '原文', heading: '第七条' }],
    },
  ],
}

let redis: RedisProcess | null = null
const nodes: NodeProcess[] = []
const clients: { close(): void }[] = []

afterEach(async () => {
  if (process.env.LQ_DEBUG) for (const n of nodes) console.log(n.nodeId, n.output())
  for (const c of clients.splice(0)) c.close()
  await Promise.all(nodes.splice(0).map((n) => n.stop('SIGKILL')))
  await redis?.stop()
  redis = null
})

const hostView = (test: (v: Extract<ServerMessage, { t: 'host' }>['view']) => boolean) => (m: ServerMessage): m is Extract<ServerMessage, { t: 'host' }> => is.host(m) && test(m.view)

describe('contest on Redis: several node processes', () => {
  it('runs a room owned by node A for phones on node B; A dies mid-question (kill -9), another node replays the stream and nothing acknowledged or in flight is lost', async () => {
    redis = await startRedis()
    const env = { LIVE_JOIN_BURST: '200', LIVE_JOIN_PER_SECOND: '100' }
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((id) => startNode(redis!.url, id, { env })))
    nodes.push(a!, b!, c!)
    const room = await createRoom(a!.port, '城关镇第一党支部')

    // The host window on node C, the phones on node B: nothing of the room is held by its owner's sockets.
    const host = await LiveClient.connect(c!.port, 'host')
    clients.push(host)
    host.send({ t: 'host', secret: room.hostSecret })
    await host.next(is.host)
    host.send({ t: 'start', quiz: QUIZ })
    await host.await(hostView((v) => v.session !== null))

    // A new phone that names its room on the socket address gets the room's teams before it joins.
    const guest = await new Promise<WebSocket>((done, fail) => {
      const ws = new WebSocket(`ws://127.0.0.1:${b!.port}/live?room=${room.code}`)
      ws.once('open', () => done(ws))
      ws.once('error', fail)
    })
    clients.push({ close: () => guest.terminate() })
    const welcome = await new Promise<ServerMessage>((done) => guest.once('message', (data) => done(JSON.parse(data.toString()) as ServerMessage)))
    // Its teams, but not the room code: a bare connection is never told a code (it named one itself).
    expect(welcome).toMatchObject({ t: 'welcome', teams: [{ name: '第一党小组' }, { name: '第二党小组' }] })
    expect(welcome).not.toHaveProperty('code')

    const phones = Array.from({ length: 6 }, () => new ClusterPhone(room.code, () => b!.port))
    clients.push(...phones)
    phones.forEach((p, i) => p.join(`党员${i + 1}`))
    await Promise.all(phones.map((p) => p.next(is.seat)))
    host.send({ t: 'act', action: { type: 'next' } })
    const shown = await host.await(hostView((v) => v.session?.questionIndex === 0))
    const key = `${shown.view.session!.sessionId}:0:0`
    await Promise.all(phones.map((p) => p.next((m): m is ServerMessage => m.t === 'player' && m.view.question?.key === key)))

    // Three answer and are acknowledged; then the owner dies and the other three answer at once.
    const answer = (p: ClusterPhone, i: number) => p.send({ t: 'answer', id: 1, key, response: i % 2 ? '一年' : '两年' })
    phones.slice(0, 3).forEach(answer)
    await Promise.all(phones.slice(0, 3).map((p) => p.next(is.ack(1))))
    await a!.stop('SIGKILL')
    const killedAt = performance.now()
    phones.slice(3).forEach((p, i) => answer(p, i + 3))

    const acks = await Promise.all(phones.map((p) => p.next(is.ack(1), 15_000)))
    expect(acks.every((ack) => ack.ok)).toBe(true)
    // Every phone of the room came back (its socket was closed when the room moved) within 5 s.
    for (const p of phones) {
      expect(p.closedAt.length).toBeGreaterThan(0)
      expect(p.seatedAt.at(-1)! - killedAt).toBeLessThan(5_000)
    }

    const client = connectRedis(redis.url)
    await client.connect()
    try {
      const owner = await client.get(keys.lease(room.code))
      expect(['b', 'c']).toContain(owner)
      const events = (await readLog(client, room.code)).map((line) => JSON.parse(line) as LiveEvent)
      const answers = events.filter((e) => e.e === 'answer')
      expect(answers).toHaveLength(6)
      // The host window comes back through node C to the new owner and sees all six.
      const host2 = await LiveClient.connect(c!.port, 'host')
      clients.push(host2)
      host2.send({ t: 'host', secret: room.hostSecret })
      await host2.next(hostView((v) => v.summary.answered === 6), 10_000)
      host2.send({ t: 'act', action: { type: 'reveal' } })
      const revealed = await host2.await(hostView((v) => v.session?.revealed === true), 10_000)
      // Scores the new owner shows are a replay of the stream's events (3 right answers).
      const events2 = (await readLog(client, room.code)).map((line) => JSON.parse(line) as LiveEvent)
      const scores = playerScores(replay(events2)!)
      expect([...scores.values()].filter((s) => s > 0)).toHaveLength(3)
      expect(revealed.view.summary.answered).toBe(6)

      // The organiser, on any node, sees the room rebuilt from its stream and exports one sheet.
      const listed = (await (await fetch(`http://127.0.0.1:${b!.port}/organiser/rooms`)).json()) as { rooms: { code: string; name: string; players: number; answers: number }[] }
      expect(listed.rooms).toEqual([expect.objectContaining({ code: room.code, name: '城关镇第一党支部', players: 6, answers: 6 })])
      const sheet = await (await fetch(`http://127.0.0.1:${c!.port}/organiser/results.csv`)).text()
      expect(sheet.trim().split('\r\n')).toHaveLength(7)
      expect(sheet).toContain('城关镇第一党支部,党员1,')
    } finally {
      await client.quit()
    }
  }, 90_000)
})
