import { LiveClient, is } from '../../server/harness'
import { createRoom, startNode, startRedis, type NodeProcess } from '../../server/cluster/harness'
import { connectRedis, readLog } from '../../server/cluster/keys'
import { ClusterPhone } from '../../server/cluster/phone'
import type { ServerMessage } from '../../src/lib/live/protocol'
import { playerScores, replay, type LiveEvent } from '../../src/lib/live/room'
import { peakRssMB, percentile, QUIZ, spin, type LiveLoadResult } from './live'

/*
 * The contest's load run on loopback: a private redis-server, N node processes, R rooms, P phones
 * spread over rooms and nodes, all answering within one second; with `kill`, node 0 (owner of
 * rooms 0, N, 2N… and holder of a third of the sockets) gets SIGKILL half-way through that second.
 * Bounded: 127.0.0.1 only, every wait has a deadline, everything is stopped.
 */

export interface LiveClusterResult extends Omit<LiveLoadResult, 'buzzOrderCorrect'> {
  buzzOrderCorrect: boolean
  nodes: number
  rooms: number
  killed: string | null
  /** Phones whose socket closed after the kill, and the slowest one's time back in its seat. */
  phonesReconnected: number
  backMaxMs: number
  /** Every room's scores on its (new) owner equal a replay of its stream in this process. */
  scoresMatchReplay: boolean
}

const hostFrame = (test: (v: Extract<ServerMessage, { t: 'host' }>['view']) => boolean) => (m: ServerMessage): m is Extract<ServerMessage, { t: 'host' }> => is.host(m) && test(m.view)
const round1 = (n: number) => Math.round(n * 10) / 10

export async function runLiveClusterLoad(options: { nodes: number; rooms: number; players: number; buzzers: number; kill: boolean }): Promise<LiveClusterResult> {
  const redis = await startRedis()
  const nodes: NodeProcess[] = []
  const clients: { close(): void }[] = []
  try {
    const env = { LIVE_JOIN_BURST: String(options.players * 2 + 10), LIVE_JOIN_PER_SECOND: '2000' }
    nodes.push(...(await Promise.all(Array.from({ length: options.nodes }, (_, i) => startNode(redis.url, `n${i + 1}`, { env, timeoutMs: 60_000 })))))
    const alive = new Set(nodes)
    const rooms: { code: string; hostSecret: string; owner: number }[] = []
    for (let r = 0; r < options.rooms; r++) rooms.push({ ...(await createRoom(nodes[r % nodes.length]!.port, `第${r + 1}会场`)), owner: r % nodes.length })

    const hosts = await Promise.all(
      rooms.map(async (room) => {
        const host = await LiveClient.connect(nodes[room.owner]!.port, 'host')
        clients.push(host)
        host.send({ t: 'host', secret: room.hostSecret })
        await host.next(is.host, 20_000)
        host.send({ t: 'start', quiz: QUIZ })
        await host.await(hostFrame((v) => v.session !== null), 20_000)
        return host
      }),
    )

    // Phone j: room j mod R, first socket on node ⌊j/R⌋ mod N (every room has phones on every
    // node); after a lost socket, the next live node.
    const phones: { phone: ClusterPhone; room: number; port: () => number }[] = []
    for (let start = 0; start < options.players; start += 100) {
      const batch = Array.from({ length: Math.min(100, options.players - start) }, (_, i) => {
        const j = start + i
        let attempt = 0
        let current = nodes[Math.floor(j / rooms.length) % nodes.length]!.port
        const live = () => [...alive]
        const phone = new ClusterPhone(rooms[j % rooms.length]!.code, () => {
          const list = live()
          current = attempt++ === 0 ? current : list[(j + attempt) % list.length]!.port
          return current
        })
        clients.push(phone)
        phone.join(`党员${j + 1}`)
        return { phone, room: j % rooms.length, port: () => current }
      })
      await Promise.all(batch.map((p) => p.phone.next(is.seat, 60_000)))
      phones.push(...batch)
    }

    const keys = await Promise.all(
      hosts.map(async (host) => {
        host.send({ t: 'act', action: { type: 'next' } })
        const shown = await host.await(hostFrame((v) => v.session?.questionIndex === 0), 20_000)
        return `${shown.view.session!.sessionId}:0:0`
      }),
    )
    await Promise.all(phones.map((p) => p.phone.next((m): m is ServerMessage => m.t === 'player' && m.view.question?.key === keys[p.room], 60_000)))

    // Every phone answers within the same second; node 0 dies half-way through it.
    const victim = options.kill ? nodes[0]! : null
    let killedAt = Infinity
    const sentAt: number[] = []
    const t0 = performance.now()
    const acks: Promise<{ ok: boolean; ms: number }>[] = []
    for (const [j, p] of phones.entries()) {
      const due = t0 + (j * 1000) / phones.length
      while (performance.now() < due) await new Promise((r) => setImmediate(r))
      if (victim && killedAt === Infinity && performance.now() - t0 >= 500) {
        victim.child.kill('SIGKILL')
        alive.delete(victim)
        killedAt = performance.now()
      }
      const since = p.phone.frames.length
      sentAt[j] = performance.now()
      p.phone.send({ t: 'answer', id: 1, key: keys[p.room]!, response: QUIZ.rounds[0]!.questions[0]!.options![j % 3]! })
      acks.push(
        p.phone
          .next(is.ack(1), 60_000, since)
          .then((ack) => ({ ok: ack.ok, ms: performance.now() - sentAt[j]! }))
          .catch(() => ({ ok: false, ms: NaN })),
      )
    }
    const results = await Promise.all(acks)
    const times = results.filter((r) => r.ok).map((r) => r.ms)
    const moved = phones.filter((p) => p.phone.closedAt.some((t) => t >= killedAt))
    // A phone that answered before the kill has its ack already: wait until it is seated again too.
    const back = (p: (typeof phones)[number]) => (p.phone.seatedAt.at(-1) ?? 0) > (p.phone.closedAt.at(-1) ?? Infinity)
    for (const deadline = performance.now() + 30_000; performance.now() < deadline && !moved.every(back); ) await new Promise((r) => setTimeout(r, 50))
    const backMs = moved.map((p) => (p.phone.seatedAt.filter((t) => t >= killedAt).at(-1) ?? Infinity) - killedAt)

    // What was recorded: each room's stream, read back and replayed here.
    const client = connectRedis(redis.url)
    client.on('error', () => {})
    await client.connect()
    const streams = await Promise.all(rooms.map(async (room) => (await readLog(client, room.code)).map((line) => JSON.parse(line) as LiveEvent)))
    const recorded = streams.reduce((sum, events, r) => sum + new Set(events.filter((e) => e.e === 'answer' && e.key === keys[r]).map((e) => (e as { playerId: string }).playerId)).size, 0)

    // Each room revealed by a host window on a live node; its owner's scores against the replay.
    const survivor = [...alive][0]!
    let scoresMatchReplay = true
    const lateHosts = await Promise.all(
      rooms.map(async (room) => {
        const host = await LiveClient.connect(survivor.port, 'host')
        clients.push(host)
        host.send({ t: 'host', secret: room.hostSecret })
        await host.next(is.host, 20_000)
        return host
      }),
    )
    for (const [r, host] of lateHosts.entries()) {
      host.send({ t: 'act', action: { type: 'reveal' } })
      const view = (await host.await(hostFrame((v) => v.session?.revealed === true), 20_000)).view
      const events = (await readLog(client, rooms[r]!.code)).map((line) => JSON.parse(line) as LiveEvent)
      const replayed = playerScores(replay(events)!)
      if (view.players.length !== replayed.size || view.players.some((p) => replayed.get(p.id) !== p.score)) scoresMatchReplay = false
    }

    // 抢答 in one room of a live owner, by phones whose socket sits on that owner (arrival order is
    // per socket path; presses through other nodes race on pub/sub by design).
    let buzzOrderCorrect = true
    let pressingCount = 0
    if (options.buzzers > 0) {
      const r = rooms.findIndex((room) => alive.has(nodes[room.owner]!))
      const owner = await client.get(`lq:room:${rooms[r]!.code}:lease`)
      const ownerPort = nodes.find((n) => n.nodeId === owner)!.port
      const host = lateHosts[r]!
      host.send({ t: 'act', action: { type: 'next' } })
      host.send({ t: 'act', action: { type: 'next' } })
      const buzzView = await host.await(hostFrame((v) => v.session?.roundIndex === 1 && v.session.questionIndex === 0), 20_000)
      const buzzKey = `${buzzView.view.session!.sessionId}:1:0`
      host.send({ t: 'act', action: { type: 'startTimer' } })
      await host.await(hostFrame((v) => v.session?.timer.startedAt != null), 20_000)
      const pressing = phones.filter((p) => p.room === r && p.port() === ownerPort).slice(0, options.buzzers)
      pressingCount = pressing.length
      await Promise.all(pressing.map((p) => p.phone.next((m): m is ServerMessage => m.t === 'player' && m.view.question?.key === buzzKey, 20_000)))
      const names = pressing.map((p) => phones.indexOf(p)).map((j) => `党员${j + 1}`)
      const hostSince = host.frames.length
      const b0 = performance.now()
      pressing.forEach((p, i) => {
        spin(b0 + (i * 5) / pressing.length)
        p.phone.send({ t: 'buzz', id: 2, key: buzzKey })
      })
      await Promise.all(pressing.map((p) => p.phone.next(is.ack(2), 20_000).catch(() => null)))
      const order = await host
        // The host's frame may arrive before the phones' acks (they travel different paths).
        .next(hostFrame((v) => v.summary.buzzOrder.length >= pressing.length), 5_000, hostSince)
        .then((m) => m.view.summary.buzzOrder.map((b) => b.name))
        .catch(() => [] as string[])
      buzzOrderCorrect = order.length === names.length && order.every((name, i) => name === names[i])
    }
    await client.quit()

    return {
      players: phones.length,
      answersSent: results.length,
      answersRecorded: recorded,
      lost: results.length - recorded,
      p50AckMs: round1(percentile(times, 50)),
      p95AckMs: round1(percentile(times, 95)),
      buzzers: pressingCount,
      buzzOrderCorrect,
      serverRssMB: Math.max(...[...alive].map((n) => peakRssMB(n.child.pid))),
      nodes: nodes.length,
      rooms: rooms.length,
      killed: victim?.nodeId ?? null,
      phonesReconnected: moved.length,
      backMaxMs: moved.length ? Math.round(Math.max(...backMs)) : 0,
      scoresMatchReplay,
    }
  } finally {
    if (process.env.LQ_DEBUG) for (const n of nodes) process.stderr.write(`${n.nodeId}: ${n.output().split('\n').filter((l) => l.startsWith('会场')).join(' | ')}\n`)
    for (const c of clients) c.close()
    await Promise.all(nodes.map((n) => n.stop('SIGTERM')))
    await redis.stop()
  }
}

/** The bench's section: acknowledgement times for 1 and 3 nodes on Redis, and 3 with one killed. */
export async function liveClusterSection(): Promise<string> {
  const runs = [
    { nodes: 1, kill: false },
    { nodes: 3, kill: false },
    { nodes: 3, kill: true },
  ]
  const rows = []
  for (const run of runs) {
    const r = await runLiveClusterLoad({ nodes: run.nodes, rooms: 3, players: 300, buzzers: 20, kill: run.kill })
    rows.push(`| ${r.nodes}${r.killed ? ` (${r.killed} killed)` : ''} | ${r.rooms} | ${r.players} | ${r.answersSent} / ${r.answersRecorded} / ${r.lost} | ${r.p50AckMs} / ${r.p95AckMs} ms | ${r.killed ? `${r.phonesReconnected} back within ${r.backMaxMs} ms` : '—'} | ${r.scoresMatchReplay ? 'yes' : 'no'} |`)
  }
  return [
    '## Live quiz on Redis, several nodes (loopback, 300 phones in 3 rooms)',
    '',
    '| nodes | rooms | phones | answers sent / recorded / lost | ack p50 / p95 | phones reconnected | scores = replay |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n')
}
