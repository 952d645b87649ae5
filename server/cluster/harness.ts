import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/*
 * Starts the pieces of a contest on 127.0.0.1 for tests, the load run and `npm run cluster`:
 * a private redis-server (free port, temporary folder, never the system service) and node processes.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer()
    probe.once('error', fail)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

export interface RedisProcess {
  url: string
  port: number
  stop(): Promise<void>
}

/** Installs redis-server from Debian when missing (scripts/ensure-redis.sh), then starts a private one. */
export async function startRedis(options: { persist?: boolean; dir?: string } = {}): Promise<RedisProcess> {
  const ensured = spawnSync('bash', [join(ROOT, 'scripts/ensure-redis.sh')], { stdio: 'inherit' })
  if (ensured.status !== 0) throw new Error('redis-server is missing and could not be installed (scripts/ensure-redis.sh)')
  // A given folder is kept (the trial's data); a temporary one goes with the process.
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'lq-redis-'))
  const port = await freePort()
  // Views for thousands of phones go through pub/sub: Redis's default (32 MB hard) drops a
  // subscriber that falls behind for a moment on a busy machine, so the limit is raised.
  // AOF everysec: an acknowledged event survives a crash of a node (Redis keeps it) and, within a
  // second, of Redis itself; the load run may skip it (--persist false) to measure the nodes alone.
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', options.persist === false ? 'no' : 'yes', '--appendfsync', 'everysec', '--client-output-buffer-limit', 'pubsub 512mb 256mb 60', '--daemonize', 'no', '--logfile', '']
  const child = spawn(process.env.REDIS_SERVER_PATH ?? 'redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()))
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()))
  const deadline = Date.now() + 10_000
  while (!/Ready to accept connections/.test(out)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`redis-server did not start: ${out}`)
    }
    await new Promise((r) => setTimeout(r, 20))
  }
  const exited = new Promise<void>((done) => child.on('exit', () => done()))
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
      if (!options.dir) rmSync(dir, { recursive: true, force: true })
    },
  }
}

export interface NodeProcess {
  child: ChildProcess
  nodeId: string
  port: number
  output: () => string
  stop(signal?: NodeJS.Signals): Promise<void>
}

export async function startNode(redisUrl: string, nodeId: string, options: { port?: number; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<NodeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts', '--redis', redisUrl, '--node-id', nodeId, '--port', String(options.port ?? 0), '--host', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...process.env, MEETING_SERVER_NO_BUILD: '1', LIVE_SEATS_PER_ADDRESS: '100000', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()))
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()))
  const exited = new Promise<void>((done) => child.on('exit', () => done()))
  const deadline = Date.now() + (options.timeoutMs ?? 30_000)
  while (!/按 Ctrl\+C 停止本节点/.test(out)) {
    if (child.exitCode !== null) throw new Error(`node ${nodeId} exited: ${out}`)
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`node ${nodeId} did not start: ${out}`)
    }
    await new Promise((r) => setTimeout(r, 20))
  }
  const port = Number(/已启动：http:\/\/127\.0\.0\.1:(\d+)/.exec(out)![1])
  return {
    child,
    nodeId,
    port,
    output: () => out,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      await exited
    },
  }
}

/** Opens a room through a node's organiser endpoint; the room is owned by that node. */
export async function createRoom(port: number, name: string): Promise<{ code: string; hostSecret: string }> {
  const response = await fetch(`http://127.0.0.1:${port}/organiser/rooms`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name }) })
  const body = (await response.json()) as { code?: string; hostUrl?: string; error?: string }
  if (!response.ok || !body.code || !body.hostUrl) throw new Error(`room not created: ${body.error ?? response.status}`)
  return { code: body.code, hostSecret: /#host=([\w-]+)/.exec(body.hostUrl)![1]! }
}
