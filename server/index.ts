/**
 * npm run meeting-server -- [--port N] [--host ADDR] [--data DIR]
 * npm run meeting-server -- --redis URL [--node-id ID] [--port N] [--host ADDR]   (one node of a contest: server/cluster)
 *
 * The meeting-room server: serves the built app (dist/) to the phones on the room's Wi-Fi and
 * runs the live quiz at ws://…/live. Its first lines are the phone address and the host page.
 * The room's rules are src/lib/live; this file only wires them to the network and the disk.
 */
import { createServer } from 'node:http'
import { networkInterfaces } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { WebSocketServer } from 'ws'
import { HOST_PATH, LIVE_PATH, MAX_HOST_FRAME, MAX_PHONE_FRAME } from '../src/lib/live/protocol'
import { SEATS_PER_ADDRESS, type LiveRoom } from '../src/lib/live/room'
import { parseArgs } from '../scripts/cliArgs'
import { buildApp, isStale } from './build'
import { openJournal, UserFacingError } from './journal'
import { createRelay } from './relay'
import { createStaticHandler, requestPath } from './static'
import { serveClusterNode } from './cluster/serve'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const DEFAULT_PORT = 8787
export const DEFAULT_DATA = join(ROOT, 'meeting-data')

/**
 * Addresses phones may reach, best first: the bound one when it is specific, else the LAN IPv4
 * addresses with Wi-Fi-like private ranges before others (docker's 172.17.x last).
 */
function lanAddresses(host: string): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [host]
  const all = Object.values(networkInterfaces()).flat().filter((a) => a && a.family === 'IPv4' && !a.internal).map((a) => a!.address)
  const rank = (ip: string) => (ip.startsWith('192.168.') ? 0 : ip.startsWith('10.') ? 1 : ip.startsWith('172.17.') ? 3 : 2)
  const sorted = [...new Set(all)].sort((a, b) => rank(a) - rank(b))
  return sorted.length ? sorted : ['127.0.0.1']
}

function fail(message: string): never {
  process.stderr.write(`错误：${message}\n`)
  process.exit(1)
}

function main(): void {
  const args = parseArgs(process.argv.slice(2), { flags: [], options: ['port', 'host', 'data', 'redis', 'node-id'] })
  const port = Number(args.options.port ?? DEFAULT_PORT)
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port 应为 0–65535 的整数，收到 “${args.options.port}”。`)
  const host = args.options.host ?? '0.0.0.0'
  // Rooms in Redis, several processes: everything below is the embedded single-room server.
  if (args.options.redis !== undefined) {
    if (process.env.MEETING_SERVER_NO_BUILD !== '1' && isStale(ROOT)) buildApp(ROOT)
    const nodeId = args.options['node-id'] ?? `node-${process.pid}`
    if (!/^[\w-]{1,40}$/.test(nodeId)) fail(`--node-id 只能由字母、数字、- 和 _ 组成（不超过 40 个字符），收到 “${nodeId}”。`)
    void serveClusterNode({ redisUrl: args.options.redis, nodeId, port, host, staticHandler: createStaticHandler(resolve(process.env.MEETING_SERVER_DIST ?? join(ROOT, 'dist'))), fail })
    return
  }
  const dataDir = resolve(args.options.data ?? DEFAULT_DATA)

  if (process.env.MEETING_SERVER_NO_BUILD !== '1' && isStale(ROOT)) buildApp(ROOT)
  const journal = openJournal(dataDir)

  // MEETING_SERVER_DIST: another built app folder (tests serve a small fixture).
  const server = createServer(createStaticHandler(resolve(process.env.MEETING_SERVER_DIST ?? join(ROOT, 'dist'))))
  let publicBase = ''
  const relay = createRelay({
    journal,
    joinUrl: (code) => `${publicBase}/join?room=${code}`,
    onNewRoom: (room) => printAddresses(room, '新的会场已开设（上一场的数据已清除）'),
    joinBurst: Number(process.env.LIVE_JOIN_BURST ?? 20),
    joinPerSecond: Number(process.env.LIVE_JOIN_PER_SECOND ?? 2),
    heartbeatMs: Number(process.env.LIVE_HEARTBEAT_MS ?? 10_000),
    seatsPerAddress: Number(process.env.LIVE_SEATS_PER_ADDRESS ?? SEATS_PER_ADDRESS),
  })
  // Two endpoints: phones may send small frames only; the host window (this machine only) may
  // send a whole quiz. ws drops an oversized frame before it is buffered.
  const phones = new WebSocketServer({ noServer: true, maxPayload: MAX_PHONE_FRAME })
  const hosts = new WebSocketServer({ noServer: true, maxPayload: MAX_HOST_FRAME })
  const ownAddresses = () => new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1', ...Object.values(networkInterfaces()).flat().flatMap((a) => (a ? [a.address, `::ffff:${a.address}`] : []))])
  server.on('upgrade', (req, socket, head) => {
    // Until ws takes the socket over, a reset by the client must not become an uncaught error.
    socket.on('error', () => socket.destroy())
    const path = requestPath(req.url)
    if (path === null) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
      return
    }
    if (path === LIVE_PATH) phones.handleUpgrade(req, socket, head, (ws) => relay.connect(ws, req, 'phone'))
    else if (path === HOST_PATH && ownAddresses().has(req.socket.remoteAddress ?? '')) hosts.handleUpgrade(req, socket, head, (ws) => relay.connect(ws, req, 'host'))
    else socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
  })

  let localBase = ''
  function printAddresses(room: LiveRoom, title?: string): void {
    const lines = [
      `手机加入：${publicBase}/join?room=${room.code}`,
      `主持页面：${localBase}/meeting#host=${room.hostSecret}`,
      ...(title ? [title] : []),
    ]
    process.stdout.write(`${lines.join('\n')}\n`)
  }

  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') fail(`端口 ${port} 已被占用：请关闭占用它的程序，或用 --port 换一个端口。`)
    if (error.code === 'EADDRNOTAVAIL') fail(`本机没有地址 ${host}：请用 --host 指定本机的局域网地址，或省略它。`)
    if (error.code === 'EACCES') fail(`没有权限使用端口 ${port}：请换一个大于 1024 的端口。`)
    fail(`服务器无法启动（${error.code ?? error.message}）。`)
  })
  server.listen(port, host, () => {
    const address = server.address()
    const actualPort = typeof address === 'object' && address ? address.port : port
    const addresses = lanAddresses(host)
    publicBase = `http://${addresses[0]}:${actualPort}`
    localBase = host === '0.0.0.0' || host === '::' ? `http://127.0.0.1:${actualPort}` : publicBase
    printAddresses(relay.room)
    process.stdout.write(
      [
        `会场：${relay.room.code}    数据文件夹：${dataDir}`,
        addresses.length > 1 ? `若手机打不开，可换用本机其他地址：${addresses.slice(1).map((a) => `http://${a}:${actualPort}`).join('  ')}` : '',
        ...journal.notes,
        relay.room.session ? '已从日志恢复上次的会场，手机会自动重新连接。' : '',
        '这是会议室内使用的工具，请勿把它开放到互联网。按 Ctrl+C 停止（数据保留，重新启动即可继续）。',
      ]
        .filter(Boolean)
        .join('\n') + '\n',
    )
  })

  const stop = () => {
    relay.close()
    phones.close()
    hosts.close()
    server.close(() => process.exit(0))
    setTimeout(() => process.exit(0), 1000).unref()
  }
  // The last resort, not the fix: each request is handled where it arrives (static.ts, the upgrade
  // handler above, the relay). Should a bug still escape, one bad request must not end the meeting
  // for everyone: log it and keep serving (the journal holds every acknowledged event).
  let escaped = 0
  const backstop = (cause: unknown) => {
    escaped += 1
    process.stderr.write(`未处理的错误（第 ${escaped} 次，服务器继续运行）：${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}\n`)
  }
  process.on('uncaughtException', backstop)
  process.on('unhandledRejection', backstop)
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

try {
  main()
} catch (error) {
  if (error instanceof UserFacingError) fail(error.message)
  throw error
}
