import { EventEmitter } from 'node:events'
import type { IncomingMessage } from 'node:http'
import type { RawData, WebSocket } from 'ws'
import { MAX_HOST_FRAME, MAX_PHONE_FRAME, parseClientMessage, type ServerMessage } from '../../src/lib/live/protocol'
import { REFUSALS, replay, type LiveEvent } from '../../src/lib/live/room'
import type { Journal } from '../journal'
import { createRelay } from '../relay'
import { openStreamJournal } from './journal'
import { keys, LEASE_MS, readLog, RELEASE_SCRIPT, RENEW_MS, RENEW_SCRIPT, type Redis } from './keys'

/*
 * One node of the contest. Each room has one owner at a time (a lease in Redis) that runs the
 * ordinary relay on a Redis Stream journal; the rules stay in src/lib/live. A phone may sit on any
 * node: the node that holds its socket forwards its messages to the owner over pub/sub and the
 * owner's frames come back the same way. When an owner dies its leases expire, another node
 * replays the room's stream and takes it over, and the phones reconnect with their seats.
 */

type Relay = ReturnType<typeof createRelay>
type Endpoint = 'phone' | 'host'

/** Edge → owner, on the room's command channel. */
type Command = { k: 'open'; c: string; n: string; ip: string; ep: Endpoint } | { k: 'msg'; c: string; d: string } | { k: 'gone'; c: string }
/** Owner → edge, batched per tick on the node's channel: [socket, frame] or [socket, null, close code]. */
type Frame = [string, string] | [string, null, number]

export interface NodeOptions {
  redis: Redis
  /** A second connection for subscriptions (a subscribed connection sends no other commands). */
  subscriber: Redis
  nodeId: string
  joinUrl(code: string): string
  joinBurst?: number
  joinPerSecond?: number
  seatsPerAddress?: number
  log?(line: string): void
}

interface Owned {
  code: string
  relay: Relay
  journal: Journal
  remotes: Map<string, RemoteSocket>
}

/** What the relay needs of a socket, for a phone whose socket another node holds. */
class RemoteSocket extends EventEmitter {
  readonly OPEN = 1
  readyState = 1
  constructor(
    readonly id: string,
    private readonly post: (frame: Frame) => void,
  ) {
    super()
  }
  send(data: string): void {
    if (this.readyState === this.OPEN) this.post([this.id, data])
  }
  close(code = 1000): void {
    if (this.readyState !== this.OPEN) return
    this.readyState = 3
    this.post([this.id, null, code])
    setImmediate(() => this.emit('close', code))
  }
  terminate(): void {
    // A room given up: the phone reconnects and finds the room's next owner.
    this.close(1012)
  }
}

/** A socket this node holds, until it says which room it is for. */
interface Edge {
  id: string
  ws: WebSocket
  ip: string
  endpoint: Endpoint
  code: string | null
  state: 'new' | 'routing' | 'local' | 'remote'
}

export function createNode(options: NodeOptions) {
  const { redis, subscriber, nodeId } = options
  const log = options.log ?? (() => {})
  const owned = new Map<string, Owned>()
  /** Rooms being taken over: replay in progress. */
  const claiming = new Map<string, Promise<Owned | null>>()
  const edges = new Map<string, Edge>()
  let sequence = 0
  let stopped = false

  // Frames for other nodes go out once per tick, one message per node.
  const outbox = new Map<string, Frame[]>()
  let outboxScheduled = false
  function post(node: string, frame: Frame): void {
    let list = outbox.get(node)
    if (!list) outbox.set(node, (list = []))
    list.push(frame)
    if (!outboxScheduled) {
      outboxScheduled = true
      setImmediate(() => {
        outboxScheduled = false
        for (const [target, frames] of outbox) void redis.publish(keys.frames(target), JSON.stringify(frames)).catch(() => {})
        outbox.clear()
      })
    }
  }

  function publishCommand(code: string, command: Command): void {
    void redis.publish(keys.commands(code), JSON.stringify(command)).catch(() => {})
  }

  // ---- owner side ----

  function giveUp(code: string, why: string): void {
    const room = owned.get(code)
    if (!room) return
    owned.delete(code)
    log(`会场 ${code} 已交出（${why}）`)
    void subscriber.unsubscribe(keys.commands(code)).catch(() => {})
    room.relay.close()
    void redis.sendCommand(['EVAL', RELEASE_SCRIPT, '1', keys.lease(code), nodeId]).catch(() => {})
  }

  function onCommand(code: string, raw: string): void {
    const room = owned.get(code)
    if (!room) return
    let command: Command
    try {
      command = JSON.parse(raw) as Command
    } catch {
      return
    }
    if (command.k === 'open') {
      const socket = new RemoteSocket(command.c, (frame) => post(command.n, frame))
      room.remotes.set(command.c, socket)
      socket.on('close', () => room.remotes.delete(command.c))
      // The relay reads only the address of the request; the edge node saw the real one.
      const request = { socket: { remoteAddress: command.ip } } as unknown as IncomingMessage
      room.relay.connect(socket as unknown as WebSocket, request, command.ep)
    } else if (command.k === 'msg') {
      room.remotes.get(command.c)?.emit('message', Buffer.from(command.d), false)
    } else {
      const socket = room.remotes.get(command.c)
      if (socket && socket.readyState === socket.OPEN) {
        socket.readyState = 3
        socket.emit('close', 1001)
      }
    }
  }

  /** Takes a room whose lease is free: replays its stream and starts its relay here. */
  function claim(code: string): Promise<Owned | null> {
    const known = owned.get(code)
    if (known) return Promise.resolve(known)
    const running = claiming.get(code)
    if (running) return running
    const attempt = (async (): Promise<Owned | null> => {
      if (stopped) return null
      const got = await redis.sendCommand<string | null>(['SET', keys.lease(code), nodeId, 'NX', 'PX', String(LEASE_MS)])
      if (got !== 'OK') return null
      const events = (await readLog(redis, code)).map((line) => JSON.parse(line) as LiveEvent)
      const recovered = replay(events)
      if (!recovered || recovered.closed) {
        await redis.sendCommand(['EVAL', RELEASE_SCRIPT, '1', keys.lease(code), nodeId])
        await redis.sendCommand(['SMOVE', keys.rooms, keys.ended, code])
        return null
      }
      const journal = openStreamJournal(redis, code, nodeId, events, (why) => giveUp(code, why === 'lease' ? '租约已失效' : `Redis 不可用：${why}`))
      const relay = createRelay({
        journal,
        joinUrl: options.joinUrl,
        // The host ended this room: it stays ended (the relay's fresh room is not part of the contest).
        onNewRoom: () => setImmediate(() => giveUp(code, '主持人已结束本场')),
        joinBurst: options.joinBurst,
        joinPerSecond: options.joinPerSecond,
        seatsPerAddress: options.seatsPerAddress,
      })
      const room: Owned = { code, relay, journal, remotes: new Map() }
      owned.set(code, room)
      await subscriber.subscribe(keys.commands(code), (message) => onCommand(code, message))
      // Sockets other nodes hold for this room belonged to the previous owner: they reconnect.
      await redis.publish(keys.owners, `${code} ${nodeId}`)
      log(`会场 ${code} 由本节点主持（重放 ${events.length} 条事件）`)
      return room
    })()
      .catch((cause: unknown) => {
        log(`接管会场 ${code} 失败：${cause instanceof Error ? cause.message : String(cause)}`)
        return null
      })
      .finally(() => claiming.delete(code))
    claiming.set(code, attempt)
    return attempt
  }

  async function renewAndSweep(): Promise<void> {
    // All renewals in one round trip: a busy node must not let its last rooms' leases run out.
    const codes0 = [...owned.keys()]
    const renewed = await Promise.all(codes0.map((code) => redis.sendCommand<number>(['EVAL', RENEW_SCRIPT, '1', keys.lease(code), nodeId, String(LEASE_MS)]).catch(() => null)))
    for (const [i, code] of codes0.entries()) if (renewed[i] !== 1) giveUp(code, '租约已失效')
    // A room whose owner died has no lease after LEASE_MS: the first node to see it takes it.
    const codes = (await redis.sendCommand(['SMEMBERS', keys.rooms])) as string[]
    const free = codes.filter((code) => !owned.has(code) && !claiming.has(code))
    if (!free.length) return
    const leases = (await redis.sendCommand(['MGET', ...free.map(keys.lease)])) as (string | null)[]
    for (const [i, code] of free.entries()) if (leases[i] === null) void claim(code)
  }
  let sweeping = false
  const sweepTimer = setInterval(() => {
    if (sweeping || stopped) return
    sweeping = true
    renewAndSweep()
      .catch(() => {})
      .finally(() => (sweeping = false))
  }, RENEW_MS)

  // ---- edge side ----

  function onFrames(raw: string): void {
    let frames: Frame[]
    try {
      frames = JSON.parse(raw) as Frame[]
    } catch {
      return
    }
    for (const [id, data, code] of frames) {
      const edge = edges.get(id)
      if (!edge || edge.ws.readyState !== edge.ws.OPEN) continue
      if (data !== null) edge.ws.send(data)
      else edge.ws.close(code ?? 1000)
    }
  }

  function onOwner(raw: string): void {
    // Also when this node is the new owner: its forwarded sockets were the old owner's.
    const [code] = raw.split(' ')
    for (const edge of edges.values()) if (edge.code === code && edge.state === 'remote') edge.ws.close(1012, 'moved')
  }

  // Pub/sub is at most once: after a gap in the subscription (Redis dropped a slow subscriber, the
  // network blinked), frames and commands of that gap are gone. Every forwarded socket, on both
  // sides, is closed so its phone reconnects and resends what was not acknowledged.
  let connections = subscriber.isReady ? 1 : 0
  subscriber.on('ready', () => {
    if (connections++ === 0) return
    log('订阅连接已恢复：转发的手机将重新连接')
    for (const edge of edges.values()) if (edge.state === 'remote') edge.ws.close(1012, 'resync')
    for (const room of owned.values()) for (const socket of room.remotes.values()) socket.terminate()
  })

  const ready = Promise.all([
    subscriber.subscribe(keys.frames(nodeId), onFrames),
    subscriber.subscribe(keys.owners, onOwner),
  ])

  function refuse(edge: Edge, message: ServerMessage): void {
    if (edge.ws.readyState === edge.ws.OPEN) edge.ws.send(JSON.stringify(message))
  }

  /** Which room a first message is for: a phone names it, a host window is found by its secret. */
  async function roomOf(edge: Edge, text: string): Promise<string | null> {
    const parsed = parseClientMessage(text, edge.endpoint === 'host' ? MAX_HOST_FRAME : MAX_PHONE_FRAME)
    if (!parsed.ok) return null
    const message = parsed.message
    let code: string | null = null
    if (message.t === 'join' || message.t === 'rejoin') code = message.room
    else if ((message.t === 'host' || message.t === 'screen') && edge.endpoint === 'host') code = ((await redis.hGet(keys.hosts, message.secret)) as string | null) ?? null
    else return null
    if (code === null) {
      refuse(edge, { t: 'refused', reason: 'not-host', message: '只有主持人可以操作竞赛。' })
      return null
    }
    if (!(await redis.sIsMember(keys.rooms, code))) {
      refuse(edge, { t: 'refused', reason: 'wrong-room', message: REFUSALS['wrong-room'] })
      return null
    }
    return code
  }

  async function route(edge: Edge, req: IncomingMessage, queue: string[], onMessage: (data: RawData, isBinary: boolean) => void, hint: string | null): Promise<void> {
    const code = hint !== null ? ((await redis.sIsMember(keys.rooms, hint)) ? hint : null) : await roomOf(edge, queue[0]!)
    if (code === null || edge.ws.readyState !== edge.ws.OPEN) {
      edge.state = 'new'
      queue.length = 0
      if (hint !== null) refuse(edge, { t: 'refused', reason: 'wrong-room', message: REFUSALS['wrong-room'] })
      return
    }
    let room = owned.get(code) ?? null
    if (!room) {
      const owner = (await redis.get(keys.lease(code))) as string | null
      if (owner === null || owner === nodeId) room = await claim(code)
    }
    if (edge.ws.readyState !== edge.ws.OPEN) return
    edge.code = code
    if (room) {
      // The owner is here: the relay takes the socket itself, with what arrived so far.
      edge.state = 'local'
      edges.delete(edge.id)
      edge.ws.off('message', onMessage)
      room.relay.connect(edge.ws, req, edge.endpoint)
      for (const text of queue.splice(0)) edge.ws.emit('message', Buffer.from(text), false)
      return
    }
    edge.state = 'remote'
    publishCommand(code, { k: 'open', c: edge.id, n: nodeId, ip: edge.ip, ep: edge.endpoint })
    for (const text of queue.splice(0)) publishCommand(code, { k: 'msg', c: edge.id, d: text })
  }

  return {
    ready,
    owned,
    /** Creates a room here: its first event goes to the stream before anyone may join it. */
    async createRoom(open: Extract<LiveEvent, { e: 'open' }>, name: string): Promise<boolean> {
      if (!(await redis.hSetNX(keys.names, open.code, name))) return false
      await redis.sendCommand(['XADD', keys.log(open.code), '*', 'e', JSON.stringify(open)])
      await redis.hSet(keys.hosts, open.hostSecret, open.code)
      await redis.sAdd(keys.rooms, open.code)
      return (await claim(open.code)) !== null
    },
    connect(ws: WebSocket, req: IncomingMessage, endpoint: Endpoint): void {
      const edge: Edge = { id: `${nodeId}.${++sequence}`, ws, ip: req.socket.remoteAddress ?? '', endpoint, code: null, state: 'new' }
      edges.set(edge.id, edge)
      const queue: string[] = []
      const onMessage = (data: RawData, isBinary: boolean) => {
        if (isBinary) return
        const text = data.toString()
        if (edge.state === 'remote') return publishCommand(edge.code!, { k: 'msg', c: edge.id, d: text })
        if (queue.length >= 20) return
        queue.push(text)
        if (edge.state === 'new') {
          edge.state = 'routing'
          route(edge, req, queue, onMessage, null).catch(() => ws.close(1011))
        }
      }
      // A phone that names its room on the socket address (/live?room=CODE) is routed at once, so a
      // new phone gets the room's welcome (its team list) before it says anything.
      const hint = new URL(req.url ?? '/', 'http://x').searchParams.get('room')
      if (hint !== null && /^\d{4,12}$/.test(hint)) {
        edge.state = 'routing'
        route(edge, req, queue, onMessage, hint).catch(() => ws.close(1011))
      }
      ws.on('message', onMessage)
      ws.on('error', () => {})
      ws.on('close', () => {
        edges.delete(edge.id)
        if (edge.state === 'remote') publishCommand(edge.code!, { k: 'gone', c: edge.id })
      })
    },
    async stop(): Promise<void> {
      stopped = true
      clearInterval(sweepTimer)
      for (const code of [...owned.keys()]) giveUp(code, '节点停止')
      for (const edge of edges.values()) edge.ws.close(1012, 'node stopping')
      await new Promise((r) => setTimeout(r, 50))
    },
  }
}
