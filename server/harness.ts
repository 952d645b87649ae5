import { spawn, type ChildProcess } from 'node:child_process'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import WebSocket from 'ws'
import { HOST_PATH, LIVE_PATH, type ClientMessage, type ServerMessage } from '../src/lib/live/protocol'
import { FrameLog } from './frameLog'

/*
 * Drives the real server from tests and the load run: a child process on 127.0.0.1 (never
 * another address) and websocket clients that keep every frame they receive.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

export interface ServerProcess {
  child: ChildProcess
  port: number
  code: string
  hostSecret: string
  output: () => string
  /** SIGTERM, or SIGKILL for a crash. */
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

export async function startServer(dataDir: string, options: { port?: number; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts', '--port', String(options.port ?? 0), '--host', '127.0.0.1', '--data', dataDir], {
    cwd: ROOT,
    // Every client of a test comes from 127.0.0.1: one address, so its seat cap is lifted (a test of the cap sets it).
    env: { ...process.env, MEETING_SERVER_NO_BUILD: '1', LIVE_SEATS_PER_ADDRESS: '100000', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()))
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
  const deadline = Date.now() + (options.timeoutMs ?? 20_000)
  // The banner ends with the Ctrl+C line; the addresses come first, the recovery notes after them
  // in a later write, so waiting only for the addresses raced the notes (a torn-journal test saw none).
  while (!/主持页面：.*\n/.test(out) || !/按 Ctrl\+C 停止/.test(out)) {
    if (child.exitCode !== null) throw new Error(`server exited: ${out}`)
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`server did not start: ${out}`)
    }
    await new Promise((r) => setTimeout(r, 20))
  }
  const phone = /手机加入：http:\/\/127\.0\.0\.1:(\d+)\/join\?room=(\d+)/.exec(out)
  const host = /主持页面：.*#host=([\w-]+)/.exec(out)
  if (!phone || !host) throw new Error(`unexpected output: ${out}`)
  return {
    child,
    port: Number(phone[1]),
    code: phone[2]!,
    hostSecret: host[1]!,
    output: () => out,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal)
      return exited
    },
  }
}

/** Runs the server to its end (for its error messages). */
export function runServerToExit(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts', ...args], { cwd: ROOT, env: { ...process.env, MEETING_SERVER_NO_BUILD: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout.on('data', (c: Buffer) => (out += c.toString()))
  child.stderr.on('data', (c: Buffer) => (out += c.toString()))
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
  return new Promise((done) =>
    child.on('exit', (code) => {
      clearTimeout(timer)
      done({ code, out })
    }),
  )
}

export class LiveClient {
  private readonly log = new FrameLog()
  get frames(): readonly ServerMessage[] {
    return this.log.frames
  }
  closedWith: number | null = null

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString()) as ServerMessage
      this.log.record(message)
    })
    ws.on('close', (code) => (this.closedWith = code))
  }

  /** A phone's connection, or with `host` the host window's endpoint. */
  static connect(port: number, role: 'phone' | 'host' = 'phone'): Promise<LiveClient> {
    const ws = new WebSocket(`ws://127.0.0.1:${port}${role === 'host' ? HOST_PATH : LIVE_PATH}`)
    const client = new LiveClient(ws)
    return new Promise((done, fail) => {
      ws.once('open', () => done(client))
      ws.once('error', fail)
    })
  }

  send(message: ClientMessage): void {
    this.ws.send(JSON.stringify(message))
  }

  raw(data: string | Buffer): void {
    this.ws.send(data)
  }

  /** The first frame (already received or coming) that passes `test`. */
  next<T extends ServerMessage>(test: (m: ServerMessage) => m is T, timeoutMs = 10_000, since = 0): Promise<T> {
    return this.log.next(test, timeoutMs, since)
  }

  /** Waits for a frame that arrives from now on. */
  await<T extends ServerMessage>(test: (m: ServerMessage) => m is T, timeoutMs = 10_000): Promise<T> {
    return this.next(test, timeoutMs, this.frames.length)
  }

  close(): void {
    this.ws.terminate()
  }
}

export const is = {
  seat: (m: ServerMessage): m is Extract<ServerMessage, { t: 'seat' }> => m.t === 'seat',
  player: (m: ServerMessage): m is Extract<ServerMessage, { t: 'player' }> => m.t === 'player',
  host: (m: ServerMessage): m is Extract<ServerMessage, { t: 'host' }> => m.t === 'host',
  ack: (id: number) => (m: ServerMessage): m is Extract<ServerMessage, { t: 'ack' }> => m.t === 'ack' && m.id === id,
  refused: (m: ServerMessage): m is Extract<ServerMessage, { t: 'refused' }> => m.t === 'refused',
  welcome: (m: ServerMessage): m is Extract<ServerMessage, { t: 'welcome' }> => m.t === 'welcome',
}
