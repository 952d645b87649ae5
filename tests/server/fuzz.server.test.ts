import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { is, LiveClient, startServer, type ServerProcess } from '../../server/harness'
import type { QuizPlan } from '@/lib/live/room'
import { seededRandom } from '../../src/lib/common/random'

/*
 * Malformed HTTP and websocket requests, sent over raw sockets to the real server process on
 * 127.0.0.1. Bounded: a fixed list plus a fixed number of seeded mutations, each with a short
 * deadline, the whole run under a time budget. Afterwards the server must still serve pages
 * and run the room, and must not have needed its last-resort error guard.
 */

const QUIZ: QuizPlan & { id: string; updatedAt: number } = {
  id: 'fuzz',
  updatedAt: 1,
  name: '容错测试',
  teams: ['第一党小组', '第二党小组'],
  startingScore: 100,
  rounds: [{ kind: 'all', title: '第一轮 全员答题', secondsPerQuestion: 60, questions: [{ id: 'q1', docId: 'd', anchor: 'a', type: 'choice', prompt: '党员的预备期为（    ）。', answer: '一年', options: ['半年', '一年', '两年'], source: '', heading: '' }] }],
}

const MUTATIONS = 160
const PER_CASE_MS = 400
const BUDGET_MS = 40_000

/** Sends raw bytes, collects whatever comes back until the peer closes or the deadline passes. */
function raw(port: number, chunks: (string | Buffer)[], wait = PER_CASE_MS): Promise<string> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1')
    let got = ''
    const finish = () => {
      clearTimeout(timer)
      socket.destroy()
      done(got)
    }
    const timer = setTimeout(finish, wait)
    socket.on('data', (d) => (got += d.toString('latin1')))
    socket.on('error', finish)
    socket.on('close', finish)
    socket.on('connect', () => {
      for (const chunk of chunks) socket.write(chunk)
    })
  })
}

/** A websocket frame as a client would (or should not) send it. */
function frame(opcode: number, payload: Buffer, options: { mask?: boolean; fin?: boolean; rsv?: number; length?: bigint } = {}): Buffer {
  const { mask = true, fin = true, rsv = 0 } = options
  const length = options.length ?? BigInt(payload.length)
  const head: number[] = [(fin ? 0x80 : 0) | (rsv << 4) | opcode]
  const maskBit = mask ? 0x80 : 0
  if (length < 126n) head.push(maskBit | Number(length))
  else if (length < 65536n) head.push(maskBit | 126, Number(length >> 8n), Number(length & 0xffn))
  else {
    head.push(maskBit | 127)
    for (let i = 7; i >= 0; i--) head.push(Number((length >> BigInt(i * 8)) & 0xffn))
  }
  const key = Buffer.from([0x12, 0x34, 0x56, 0x78])
  const body = mask ? Buffer.from(payload.map((b, i) => b ^ key[i % 4]!)) : payload
  return Buffer.concat([Buffer.from(head), mask ? key : Buffer.alloc(0), body])
}

const upgrade = (path: string, extra = '') =>
  `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n${extra}\r\n`
const get = (path: string, headers = 'Host: 127.0.0.1\r\n') => `GET ${path} HTTP/1.1\r\n${headers}\r\n`

/** The hand-picked cases: each one a way a browser, a script or a broken client has been seen to ask. */
const CASES: { name: string; chunks: (string | Buffer)[] }[] = [
  { name: 'GET /%', chunks: [get('/%')] },
  { name: 'GET /assets/%zz', chunks: [get('/assets/%zz')] },
  { name: 'GET /%E0%A4%A', chunks: [get('/%E0%A4%A')] },
  { name: 'GET /%00', chunks: [get('/%00')] },
  { name: 'absolute URL, bad IPv6 host', chunks: [get('http://[::1/')] },
  { name: 'absolute URL, bad port', chunks: [get('http://a:99999/')] },
  { name: 'absolute URL, bad scheme', chunks: [get('ht!tp://x/')] },
  { name: 'path traversal', chunks: [get('/../../../../etc/passwd')] },
  { name: 'encoded traversal', chunks: [get('/assets/..%2f..%2f..%2fpackage.json')] },
  { name: 'asterisk form', chunks: [get('*')] },
  { name: 'POST with body', chunks: ['POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello'] },
  { name: 'OPTIONS *', chunks: ['OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n'] },
  { name: 'huge header', chunks: [get('/', `Host: x\r\nX-Big: ${'a'.repeat(70_000)}\r\n`)] },
  { name: 'many headers', chunks: [get('/', Array.from({ length: 3000 }, (_, i) => `X-${i}: ${i}\r\n`).join(''))] },
  { name: 'header without colon', chunks: [get('/', 'Host: x\r\nnonsense\r\n')] },
  { name: 'NUL in header', chunks: [get('/', 'Host: x\r\nX-A: a\u0000b\r\n')] },
  { name: 'conflicting lengths', chunks: ['GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 9\r\n\r\nabc'] },
  { name: 'bad chunked body', chunks: ['GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'] },
  { name: 'HTTP/9.9', chunks: ['GET / HTTP/9.9\r\nHost: x\r\n\r\n'] },
  { name: 'binary garbage', chunks: [Buffer.from([0x16, 0x03, 0x01, 0x00, 0xa5, 0x01, 0xff, 0x00])] },
  { name: 'blank lines only', chunks: ['\r\n\r\n\r\n'] },
  { name: 'request cut mid-line', chunks: ['GET /join?room=12'] },
  { name: 'upgrade: malformed absolute URL', chunks: [upgrade('http://[::1/live')] },
  { name: 'upgrade: bad port', chunks: [upgrade('http://a:99999/live')] },
  { name: 'upgrade: %', chunks: [upgrade('/live%')] },
  { name: 'upgrade: unknown path', chunks: [upgrade('/nowhere')] },
  { name: 'upgrade: no key', chunks: ['GET /live HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n'] },
  { name: 'upgrade: bad version', chunks: [upgrade('/live').replace('Version: 13', 'Version: 99')] },
  { name: 'upgrade: not websocket', chunks: ['GET /live HTTP/1.1\r\nHost: x\r\nUpgrade: h2c\r\nConnection: Upgrade\r\n\r\n'] },
  { name: 'upgrade: POST', chunks: [upgrade('/live').replace('GET', 'POST')] },
  { name: 'upgrade: head bytes along', chunks: [upgrade('/live') + '\u0081\u0085garbage'] },
  { name: 'upgrade then cut', chunks: [upgrade('/live').slice(0, 60)] },
  { name: 'ws: unmasked frame', chunks: [upgrade('/live'), frame(1, Buffer.from('{"t":"join"}'), { mask: false })] },
  { name: 'ws: reserved opcode', chunks: [upgrade('/live'), frame(3, Buffer.from('x'))] },
  { name: 'ws: rsv bits', chunks: [upgrade('/live'), frame(1, Buffer.from('x'), { rsv: 7 })] },
  { name: 'ws: 2^63 length', chunks: [upgrade('/live'), frame(1, Buffer.alloc(0), { length: 0x7fffffffffffffffn })] },
  { name: 'ws: over the phone limit', chunks: [upgrade('/live'), frame(1, Buffer.alloc(10_000, 0x61))] },
  { name: 'ws: invalid UTF-8', chunks: [upgrade('/live'), frame(1, Buffer.from([0xc3, 0x28, 0xff]))] },
  { name: 'ws: fragmented ping', chunks: [upgrade('/live'), frame(9, Buffer.from('x'), { fin: false })] },
  { name: 'ws: long ping', chunks: [upgrade('/live'), frame(9, Buffer.alloc(200, 1))] },
  { name: 'ws: close with bad code', chunks: [upgrade('/live'), frame(8, Buffer.from([0x03, 0xe7]))] },
  { name: 'ws: close with 1-byte body', chunks: [upgrade('/live'), frame(8, Buffer.from([0x03]))] },
  { name: 'ws: continuation without start', chunks: [upgrade('/live'), frame(0, Buffer.from('x'))] },
  { name: 'ws: binary', chunks: [upgrade('/live'), frame(2, Buffer.from([0, 1, 2]))] },
  { name: 'ws: JSON bombs', chunks: [upgrade('/live'), frame(1, Buffer.from('['.repeat(1000))), frame(1, Buffer.from('{"t":"join","room":{"toString":1},"name":[]}')), frame(1, Buffer.from('{"__proto__":{"t":"host"},"t":"answer","id":1e400,"key":"k","response":"x"}'))] },
  { name: 'ws: host endpoint, phone frames', chunks: [upgrade('/live-host'), frame(1, Buffer.from('{"t":"start","quiz":null}')), frame(1, Buffer.from('{"t":"host","secret":""}'))] },
  { name: 'ws: half a frame', chunks: [upgrade('/live'), frame(1, Buffer.from('{"t":"join","room":"1","name":"x"}')).subarray(0, 9)] },
]


const SEEDS = [get('/join?room=1234'), get('/assets/app.js'), upgrade('/live'), upgrade('/live-host')]
const NASTY = ['%', '%zz', '[', ']', ':', '\u0000', '\r\n', '\r', '\n', ' ', '\u00ff', '@', '#', '?', '//', '\\', '..', 'http://', '%%', '\u00c3']

function mutate(next: () => number): (string | Buffer)[] {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  let text = pick(SEEDS)
  const edits = 1 + Math.floor(next() * 4)
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(next() * text.length)
    const kind = next()
    if (kind < 0.4) text = text.slice(0, at) + pick(NASTY) + text.slice(at)
    else if (kind < 0.6) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 8))
    else if (kind < 0.8) text = text.slice(0, at) + String.fromCharCode(Math.floor(next() * 256)) + text.slice(at + 1)
    else text = text.slice(0, at)
  }
  const bytes = Buffer.from(text, 'latin1')
  if (!text.includes('Upgrade') || next() < 0.5) return [bytes]
  // After a (possibly) accepted upgrade: a random frame.
  const payload = Buffer.from(Array.from({ length: Math.floor(next() * 40) }, () => Math.floor(next() * 256)))
  return [bytes, frame(Math.floor(next() * 16), payload, { mask: next() < 0.8, fin: next() < 0.8, rsv: next() < 0.2 ? 1 + Math.floor(next() * 7) : 0 })]
}

let server: ServerProcess
let dist: string
let data: string

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'fuzz-dist-'))
  mkdirSync(join(dist, 'assets'))
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>学习园地</title>')
  writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)')
  data = mkdtempSync(join(tmpdir(), 'fuzz-data-'))
  server = await startServer(data, { env: { MEETING_SERVER_DIST: dist } })
})

afterAll(async () => {
  await server?.stop('SIGKILL')
  rmSync(dist, { recursive: true, force: true })
  rmSync(data, { recursive: true, force: true })
})

describe('meeting server under malformed requests', () => {
  it('answers or drops each malformed request, and keeps serving everyone else', async () => {
    const started = Date.now()
    const answers = new Map<string, string>()
    for (const c of CASES) {
      answers.set(c.name, await raw(server.port, c.chunks))
      expect(server.child.exitCode, `server died on “${c.name}”:\n${server.output()}`).toBeNull()
    }
    // Bad addresses get a plain refusal, not the app and not a dropped connection.
    expect(answers.get('GET /%')).toMatch(/^HTTP\/1\.1 400/)
    expect(answers.get('GET /assets/%zz')).toMatch(/^HTTP\/1\.1 400/)
    expect(answers.get('absolute URL, bad IPv6 host')).toMatch(/^HTTP\/1\.1 400/)
    expect(answers.get('path traversal')).not.toContain('root:')
    expect(answers.get('encoded traversal')).not.toContain('"name"')
    expect(answers.get('upgrade: malformed absolute URL')).toMatch(/^HTTP\/1\.1 400/)
    expect(answers.get('huge header')).toMatch(/^HTTP\/1\.1 431/)

    const next = seededRandom(18)
    let sent = 0
    for (; sent < MUTATIONS && Date.now() - started < BUDGET_MS; sent++) {
      const chunks = mutate(next)
      await raw(server.port, chunks, 150)
      expect(server.child.exitCode, `server died on mutation ${sent}: ${JSON.stringify(chunks.map(String))}\n${server.output()}`).toBeNull()
    }
    expect(sent).toBe(MUTATIONS)

    // Still serving pages…
    const page = await fetch(`http://127.0.0.1:${server.port}/join?room=${server.code}`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('学习园地')
    const asset = await fetch(`http://127.0.0.1:${server.port}/assets/app.js`)
    expect(asset.status).toBe(200)
    // …and the room still works: a host starts, a phone joins and answers.
    const host = await LiveClient.connect(server.port, 'host')
    const phone = await LiveClient.connect(server.port)
    try {
      host.send({ t: 'host', secret: server.hostSecret })
      await host.next(is.host)
      host.send({ t: 'start', quiz: QUIZ })
      await host.await((m): m is Extract<typeof m, { t: 'host' }> => is.host(m) && m.view.session !== null)
      phone.send({ t: 'join', room: server.code, name: '容错' })
      await phone.next(is.seat)
      host.send({ t: 'act', action: { type: 'next' } })
      const shown = await host.await((m): m is Extract<typeof m, { t: 'host' }> => is.host(m) && m.view.session?.questionIndex === 0)
      phone.send({ t: 'answer', id: 1, key: `${shown.view.session!.sessionId}:0:0`, response: '一年' })
      expect((await phone.next(is.ack(1))).ok).toBe(true)
    } finally {
      host.close()
      phone.close()
    }
    // Every case was handled where it arrived: the last-resort guard never had to catch one.
    expect(server.output()).not.toContain('未处理的错误')
  }, 90_000)
})
