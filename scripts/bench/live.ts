import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { is, LiveClient, startServer } from '../../server/harness'
import type { ServerMessage } from '../../src/lib/live/protocol'
import type { QuizPlan } from '../../src/lib/live/room'

/*
 * The live-quiz load run on loopback: a real server process, real websocket clients. Bounded:
 * 127.0.0.1 only, a fixed number of phones, every wait has a deadline, everything is stopped.
 */

export interface LiveLoadResult {
  players: number
  answersSent: number
  answersRecorded: number
  lost: number
  p50AckMs: number
  p95AckMs: number
  buzzers: number
  buzzOrderCorrect: boolean
  serverRssMB: number
}

export const QUIZ: QuizPlan & { id: string; updatedAt: number } = {
  id: 'load',
  updatedAt: 0,
  name: '负载测试',
  teams: ['第一党小组', '第二党小组', '第三党小组', '第四党小组'],
  startingScore: 100,
  rounds: [
    { kind: 'all', title: '第一轮 全员答题', secondsPerQuestion: 120, questions: [{ id: 'q1', docId: 'd', anchor: 'a', type: 'choice', prompt: '党员的预备期为（    ）。', answer: '一年', options: ['半年', '一年', '两年'], source: '', heading: '' }] },
    { kind: 'buzzer', title: '第二轮 抢答题', secondsPerQuestion: 120, questions: [{ id: 'q2', docId: 'd', anchor: 'a', type: 'cloze', prompt: '抢答', answer: '甲', source: '', heading: '' }] },
  ],
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

export function peakRssMB(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? /VmRSS:\s+(\d+)/.exec(status)?.[1])
    return Math.round((kb / 1024) * 10) / 10
  } catch {
    return NaN
  }
}

const hostFrame = (test: (v: Extract<ServerMessage, { t: 'host' }>['view']) => boolean) => (m: ServerMessage): m is Extract<ServerMessage, { t: 'host' }> => is.host(m) && test(m.view)

export function spin(untilMs: number): void {
  while (performance.now() < untilMs) {
    /* busy-wait: timers cannot space presses 0.1 ms apart */
  }
}

export async function runLiveLoad(players = 300, buzzers = 50): Promise<LiveLoadResult> {
  const data = mkdtempSync(join(tmpdir(), 'live-load-'))
  const server = await startServer(data, { env: { LIVE_JOIN_BURST: String(players * 2 + 10), LIVE_JOIN_PER_SECOND: '1000' } })
  const clients: LiveClient[] = []
  try {
    const host = await LiveClient.connect(server.port, 'host')
    clients.push(host)
    host.send({ t: 'host', secret: server.hostSecret })
    await host.next(is.host)
    host.send({ t: 'start', quiz: QUIZ })
    await host.await(hostFrame((v) => v.session !== null))

    const phones: LiveClient[] = []
    for (let start = 0; start < players; start += 50) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(50, players - start) }, async (_, i) => {
          const c = await LiveClient.connect(server.port)
          clients.push(c)
          c.send({ t: 'join', room: server.code, name: `党员${start + i + 1}` })
          await c.next(is.seat, 20_000)
          return c
        }),
      )
      phones.push(...batch)
    }
    host.send({ t: 'act', action: { type: 'next' } })
    const shown = await host.await(hostFrame((v) => v.session?.questionIndex === 0))
    const key = `${shown.view.session!.sessionId}:0:0`
    await Promise.all(phones.map((c) => c.next((m): m is ServerMessage => m.t === 'player' && m.view.question?.key === key, 20_000)))

    // Every phone answers within the same second.
    const sentAt = new Map<LiveClient, number>()
    const acks = phones.map((c, i) => {
      const wait = c.await(is.ack(1), 20_000)
      sentAt.set(c, performance.now())
      c.send({ t: 'answer', id: 1, key, response: QUIZ.rounds[0]!.questions[0]!.options![i % 3]! })
      return wait.then((ack) => ({ ok: ack.ok, ms: performance.now() - sentAt.get(c)! })).catch(() => ({ ok: false, ms: NaN }))
    })
    const results = await Promise.all(acks)
    const recorded = await host.await(hostFrame((v) => v.summary.answered >= phones.length), 5_000).then((m) => m.view.summary.answered).catch(() => host.frames.filter(is.host).at(-1)?.view.summary.answered ?? 0)
    const times = results.filter((r) => r.ok).map((r) => r.ms)

    // 50 buzzers pressed within 5 ms, in a known order.
    host.send({ t: 'act', action: { type: 'next' } })
    host.send({ t: 'act', action: { type: 'next' } })
    const buzzView = await host.await(hostFrame((v) => v.session?.roundIndex === 1 && v.session.questionIndex === 0))
    const buzzKey = `${buzzView.view.session!.sessionId}:1:0`
    // 抢答 opens when the host starts it (a press before is a false start).
    host.send({ t: 'act', action: { type: 'startTimer' } })
    await host.await(hostFrame((v) => v.session?.timer.startedAt != null))
    const pressing = phones.slice(0, Math.min(buzzers, phones.length))
    await Promise.all(pressing.map((c) => c.next((m): m is ServerMessage => m.t === 'player' && m.view.question?.key === buzzKey, 20_000)))
    const names = pressing.map((_, i) => `党员${i + 1}`)
    const t0 = performance.now()
    pressing.forEach((c, i) => {
      spin(t0 + (i * 5) / pressing.length)
      c.send({ t: 'buzz', id: 2, key: buzzKey })
    })
    await Promise.all(pressing.map((c) => c.await(is.ack(2), 20_000).catch(() => null)))
    const order = await host
      .await(hostFrame((v) => v.summary.buzzOrder.length >= pressing.length), 5_000)
      .then((m) => m.view.summary.buzzOrder.map((b) => b.name))
      .catch(() => host.frames.filter(is.host).at(-1)?.view.summary.buzzOrder.map((b) => b.name) ?? [])

    const serverRssMB = peakRssMB(server.child.pid)
    return {
      players: phones.length,
      answersSent: results.length,
      answersRecorded: recorded,
      lost: results.length - recorded,
      p50AckMs: Math.round(percentile(times, 50) * 10) / 10,
      p95AckMs: Math.round(percentile(times, 95) * 10) / 10,
      buzzers: pressing.length,
      buzzOrderCorrect: order.length === names.length && order.every((name, i) => name === names[i]),
      serverRssMB,
    }
  } finally {
    for (const c of clients) c.close()
    await server.stop('SIGTERM')
    rmSync(data, { recursive: true, force: true })
  }
}

/** The bench's section: one table row. */
export async function liveSection(): Promise<string> {
  const r = await runLiveLoad()
  return [
    '## Live quiz on loopback (300 phones, 50 buzzers)',
    '',
    '| phones | answers sent / recorded / lost | ack p50 / p95 | buzz order correct | server peak RSS |',
    '| --- | --- | --- | --- | --- |',
    `| ${r.players} | ${r.answersSent} / ${r.answersRecorded} / ${r.lost} | ${r.p50AckMs} / ${r.p95AckMs} ms | ${r.buzzOrderCorrect ? 'yes' : 'no'} (${r.buzzers}) | ${r.serverRssMB} MB |`,
  ].join('\n')
}
