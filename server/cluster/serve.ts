import { createServer } from 'node:http'
import { networkInterfaces } from 'node:os'
import { WebSocketServer } from 'ws'
import { HOST_PATH, LIVE_PATH, MAX_HOST_FRAME, MAX_PHONE_FRAME } from '../../src/lib/live/protocol'
import { SEATS_PER_ADDRESS } from '../../src/lib/live/room'
import { requestPath } from '../static'
import { connectRedis } from './keys'
import { createNode } from './node'
import { createOrganiser } from './organiser'

/**
 * `npm run meeting-server -- --redis URL [--node-id ID]`: this process is one node of a contest
 * whose rooms live in Redis. It serves the app, the phones' and hosts' sockets of any room, and
 * the organiser's page; the rules are the same relay and src/lib/live as the embedded server.
 */
export async function serveClusterNode(options: {
  redisUrl: string
  nodeId: string
  port: number
  host: string
  staticHandler: Parameters<typeof createServer>[1]
  fail(message: string): never
}): Promise<void> {
  const { nodeId, fail } = options
  const redis = connectRedis(options.redisUrl)
  const subscriber = connectRedis(options.redisUrl)
  // A lost connection is retried by the client; the rooms it owned are given up by their leases.
  redis.on('error', (error: Error) => process.stderr.write(`Redis 连接出错（节点 ${nodeId}）：${error.message}\n`))
  subscriber.on('error', () => {})
  try {
    await redis.connect()
    await subscriber.connect()
  } catch (cause) {
    fail(`无法连接 Redis（${options.redisUrl}）：${cause instanceof Error ? cause.message : String(cause)}。请确认 redis-server 已启动、地址正确。`)
  }

  let base = ''
  const node = createNode({
    redis,
    subscriber,
    nodeId,
    joinUrl: (code) => `${base}/join?room=${code}`,
    joinBurst: Number(process.env.LIVE_JOIN_BURST ?? 20),
    joinPerSecond: Number(process.env.LIVE_JOIN_PER_SECOND ?? 2),
    seatsPerAddress: Number(process.env.LIVE_SEATS_PER_ADDRESS ?? SEATS_PER_ADDRESS),
    log: (line) => process.stdout.write(`${line}\n`),
  })
  await node.ready
  const ownAddresses = () => new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1', ...Object.values(networkInterfaces()).flat().flatMap((a) => (a ? [a.address, `::ffff:${a.address}`] : []))])
  const organiser = createOrganiser(redis, node, () => base)
  const server = createServer((req, res) => {
    const path = requestPath(req.url)
    if (path !== null && (path === '/organiser' || path.startsWith('/organiser/'))) {
      // The organiser sees every host secret: this machine only, like the host endpoint.
      if (!ownAddresses().has(req.socket.remoteAddress ?? '')) {
        res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' })
        res.end('组织者页面只能在服务器本机打开。')
        return
      }
      organiser(req, res, path).catch((cause: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
        res.end(`出错了：${cause instanceof Error ? cause.message : String(cause)}`)
      })
      return
    }
    options.staticHandler!(req, res)
  })
  const phones = new WebSocketServer({ noServer: true, maxPayload: MAX_PHONE_FRAME })
  const hosts = new WebSocketServer({ noServer: true, maxPayload: MAX_HOST_FRAME })
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy())
    const path = requestPath(req.url)
    if (path === LIVE_PATH) phones.handleUpgrade(req, socket, head, (ws) => node.connect(ws, req, 'phone'))
    else if (path === HOST_PATH && ownAddresses().has(req.socket.remoteAddress ?? '')) hosts.handleUpgrade(req, socket, head, (ws) => node.connect(ws, req, 'host'))
    else socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
  })
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') fail(`端口 ${options.port} 已被占用：请关闭占用它的程序，或用 --port 换一个端口。`)
    fail(`服务器无法启动（${error.code ?? error.message}）。`)
  })
  server.listen(options.port, options.host, () => {
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : options.port
    base = `http://${options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host}:${port}`
    process.stdout.write(
      [
        `节点 ${nodeId} 已启动：${base}    Redis：${options.redisUrl}`,
        `组织者页面：${base}/organiser`,
        '按 Ctrl+C 停止本节点（它主持的会场会由其他节点接管）。',
      ].join('\n') + '\n',
    )
  })
  const stop = () => {
    void node.stop().finally(() => {
      phones.close()
      hosts.close()
      void redis.quit().catch(() => {})
      void subscriber.quit().catch(() => {})
      server.close(() => process.exit(0))
      setTimeout(() => process.exit(0), 1000).unref()
    })
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
