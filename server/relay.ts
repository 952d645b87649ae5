import { randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { WebSocket } from 'ws'
import { createRateLimiter, HOST_TYPES, MAX_HOST_FRAME, MAX_PHONE_FRAME, parseClientMessage, type ClientMessage, type RateLimiter, type ServerMessage } from '../src/lib/live/protocol'
import { liveResultsCsv } from '../src/lib/live/results'
import { applyEvent, currentKey, isClosed, decideAnswer, decideBuzz, decideJoin, decideStake, findSeat, openRoom, REFUSALS, replay, decideRename, type Decision, type LiveEvent, type LiveRoom, type Refusal } from '../src/lib/live/room'
import { toScreenFeed } from '../src/lib/meeting/screenFeed'
import { hostViewOf, liveSummary, playerViewOf, sharedPlayerData, type SharedPlayerData } from '../src/lib/live/views'
import type { Journal } from './journal'

/*
 * The relay: authenticates a role, validates a message, asks the room rules, journals the
 * event, and sends each role its own view. No rule of the meeting lives here.
 */

interface Conn {
  ws: WebSocket
  ip: string
  /** Which endpoint it came in on: the host endpoint is for the host window only. */
  endpoint: 'phone' | 'host'
  role: 'guest' | 'phone' | 'host' | 'screen'
  playerId?: string
  limiter: RateLimiter
  /** Answered our last websocket ping (a phone whose Wi-Fi went silent stops answering). */
  alive: boolean
}

export interface RelayOptions {
  journal: Journal
  /** Phone address for a room code, e.g. http://192.168.1.5:8787/join?room=CODE. */
  joinUrl(code: string): string
  /** Told when a new room opens (after the host ended the previous one). */
  onNewRoom(room: LiveRoom): void
  /** Joins allowed per address: burst, then per second. */
  joinBurst?: number
  joinPerSecond?: number
  /** Websocket ping interval: a connection that misses one whole interval is dropped, so the host sees the phone offline. */
  heartbeatMs?: number
  /** New seats one address may take (tests and the load run, all on 127.0.0.1, raise it). */
  seatsPerAddress?: number
  now?: () => number
}

const newCode = () => String(randomInt(1000, 10000))

export function createRelay(options: RelayOptions) {
  const now = options.now ?? Date.now
  const { journal } = options
  let room: LiveRoom
  const recovered = replay(journal.recovered)
  if (recovered && !recovered.closed) room = recovered
  else {
    const open: LiveEvent = { e: 'open', at: now(), code: newCode(), hostSecret: randomBytes(18).toString('base64url') }
    room = applyEvent(openRoom('', '', 0), open)
    journal.append(open)
  }
  const conns = new Set<Conn>()
  const joinLimits = new Map<string, RateLimiter>()
  let dropped = 0
  let viewTimer: NodeJS.Timeout | null = null
  const dirtyPlayers = new Set<string>()
  let allDirty = false

  // A phone that lost the Wi-Fi silently would count as connected for minutes: ping every
  // connection, and drop the ones that did not answer the previous ping.
  const heartbeat = setInterval(() => {
    for (const conn of conns) {
      if (!conn.alive) {
        conns.delete(conn)
        conn.ws.terminate()
        if (conn.role === 'phone') scheduleViews('host')
        continue
      }
      conn.alive = false
      try {
        conn.ws.ping()
      } catch {
        // A socket closing under us: the next round drops it.
      }
    }
  }, options.heartbeatMs ?? 10_000)
  heartbeat.unref()

  function send(conn: Conn, message: ServerMessage): void {
    if (conn.ws.readyState === conn.ws.OPEN) conn.ws.send(JSON.stringify(message))
  }

  function connectedIds(): Set<string> {
    return new Set([...conns].filter((c) => c.role === 'phone' && c.playerId).map((c) => c.playerId!))
  }

  function sendViews(): void {
    viewTimer = null
    const at = now()
    let shared: SharedPlayerData | null | undefined
    for (const conn of conns) {
      if (conn.role === 'phone' && conn.playerId && (allDirty || dirtyPlayers.has(conn.playerId))) {
        // What every phone's view shares (the screen view, the scores) is computed once per flush.
        shared ??= sharedPlayerData(room)
        const view = shared && playerViewOf(room, conn.playerId, at, shared)
        if (view) send(conn, { t: 'player', view })
      }
    }
    const screens = [...conns].filter((c) => c.role === 'screen')
    if (screens.length && room.session) {
      // The projector's final ranking comes from here too, not from a host window that may be gone.
      const frame = JSON.stringify({ t: 'screen', feed: toScreenFeed(room.session, { joinUrl: options.joinUrl(room.code), summary: liveSummary(room) }) } satisfies ServerMessage)
      for (const screen of screens) if (screen.ws.readyState === screen.ws.OPEN) screen.ws.send(frame)
    }
    const hosts = [...conns].filter((c) => c.role === 'host')
    if (hosts.length) {
      const view = hostViewOf(room, { connected: connectedIds(), dropped, joinUrl: options.joinUrl(room.code), now: at })
      const frame = JSON.stringify({ t: 'host', view } satisfies ServerMessage)
      for (const host of hosts) if (host.ws.readyState === host.ws.OPEN) host.ws.send(frame)
    }
    allDirty = false
    dirtyPlayers.clear()
  }

  /**
   * Views go out together shortly after a change: 300 answers in one second are not 300 × 300 frames.
   * The host's view goes out with every flush; 'host' marks a change only the host sees (a join, a
   * dropped message, a phone gone), so no phone's view is rebuilt for it.
   */
  function scheduleViews(who: string | 'all' | 'host'): void {
    if (who === 'all') allDirty = true
    else if (who !== 'host') dirtyPlayers.add(who)
    viewTimer ??= setTimeout(sendViews, 25)
  }

  /** Applies an event now (so the next decision sees it) and runs `then` once it is on disk. */
  function commit(event: LiveEvent, then?: () => void): void {
    room = applyEvent(room, event)
    journal.append(event, then)
  }

  function drop(conn: Conn, why: string): void {
    dropped += 1
    if (why === 'not-host') send(conn, { t: 'refused', reason: 'not-host', message: '只有主持人可以操作竞赛。' })
    scheduleViews('host')
  }

  function refuse(conn: Conn, reason: Refusal): void {
    send(conn, { t: 'refused', reason, message: REFUSALS[reason] })
  }

  function ack(conn: Conn, id: number, decision: Decision, extra: () => { place?: number } = () => ({})): void {
    if (!decision.ok) {
      send(conn, { t: 'ack', id, ok: false, reason: decision.reason, message: REFUSALS[decision.reason] })
      return
    }
    const reply = () => send(conn, { t: 'ack', id, ok: true, ...(decision.event ? {} : { duplicate: true }), ...extra() })
    if (decision.event) commit(decision.event, reply)
    else reply()
  }

  function seatConn(conn: Conn, playerId: string): void {
    // One connection per seat: a phone that comes back replaces its old, silent socket.
    for (const other of conns) if (other !== conn && other.playerId === playerId) other.ws.close(4001, 'replaced')
    conn.role = 'phone'
    conn.playerId = playerId
  }

  function welcome(conn: Conn): void {
    send(conn, { t: 'welcome', ...(conn.role === 'host' ? { code: room.code } : {}), teams: room.session?.teams.map(({ id, name }) => ({ id, name })) ?? null, serverNow: now() })
  }

  function handleHost(conn: Conn, message: ClientMessage): void {
    const at = now()
    switch (message.t) {
      case 'start':
        commit({ e: 'start', at, sessionId: randomUUID(), quiz: message.quiz }, () => {
          for (const c of conns) if (c.role === 'guest') welcome(c)
        })
        break
      case 'act':
        if (room.session) commit({ e: 'act', at, action: message.action })
        break
      case 'kick': {
        const ids = new Set([...(message.playerIds ?? []), ...(message.playerId ? [message.playerId] : [])])
        const seats = room.players.filter((p) => ids.has(p.id) && !p.kicked)
        if (!seats.length) return
        for (const seat of seats) commit({ e: 'kick', at, playerId: seat.id })
        for (const c of conns) {
          if (!c.playerId || !ids.has(c.playerId)) continue
          refuse(c, 'kicked')
          // The socket stays (the phone shows why), but holds no seat any more.
          c.playerId = undefined
          c.role = 'guest'
        }
        break
      }
      case 'lock':
        if (room.locked === message.locked) return
        commit({ e: 'lock', at, locked: message.locked })
        break
      case 'speed':
        if (room.speed !== message.on) commit({ e: 'speed', at, on: message.on })
        break
      case 'void':
        // Only the question shown, and only once something of it is to be voided.
        if (message.key !== currentKey(room) || !(isClosed(room, message.key) || room.answers[message.key]?.length || room.buzzes[message.key]?.length)) return
        commit({ e: 'void', at, key: message.key })
        break
      case 'rename': {
        const decision = decideRename(room, message.playerId, message.name, at)
        if (!decision.ok) return send(conn, { t: 'refused', reason: decision.reason, message: REFUSALS[decision.reason] })
        if (decision.event) commit(decision.event)
        break
      }
      case 'export':
        send(conn, { t: 'export', csv: liveResultsCsv(room) })
        return
      case 'close':
        closeRoom()
        return
      default:
        return
    }
    scheduleViews('all')
  }

  function closeRoom(): void {
    for (const c of conns) if (c.role !== 'host') send(c, { t: 'closed' })
    // Nothing is kept once the host ends the meeting: the journal goes, a fresh room opens.
    journal.discard()
    let code = newCode()
    while (code === room.code) code = newCode()
    const open: LiveEvent = { e: 'open', at: now(), code, hostSecret: room.hostSecret }
    room = applyEvent(room, open)
    journal.append(open)
    for (const c of conns) if (c.role === 'phone') c.ws.close(4002, 'closed')
    options.onNewRoom(room)
    scheduleViews('all')
  }

  function joinAllowed(conn: Conn): boolean {
    let limiter = joinLimits.get(conn.ip)
    if (!limiter) {
      limiter = createRateLimiter(options.joinPerSecond ?? 2, options.joinBurst ?? 20)
      joinLimits.set(conn.ip, limiter)
    }
    return limiter.take(now())
  }

  function handle(conn: Conn, raw: string): void {
    const at = now()
    if (!conn.limiter.take(at)) return drop(conn, 'rate')
    const parsed = parseClientMessage(raw, conn.role === 'host' ? MAX_HOST_FRAME : MAX_PHONE_FRAME)
    if (!parsed.ok) return drop(conn, parsed.why)
    const message = parsed.message
    if (message.t === 'ping') return send(conn, { t: 'pong', serverNow: at })
    // The host proves itself on the host endpoint only; phones' messages belong on theirs.
    if (conn.endpoint === 'phone' && (message.t === 'host' || message.t === 'screen')) return drop(conn, 'not-host')
    if (conn.endpoint === 'host' && (message.t === 'join' || message.t === 'rejoin' || message.t === 'answer' || message.t === 'buzz' || message.t === 'stake')) return drop(conn, 'wrong-endpoint')
    if ((HOST_TYPES as readonly string[]).includes(message.t)) {
      if (conn.role !== 'host') return drop(conn, 'not-host')
      return handleHost(conn, message)
    }
    switch (message.t) {
      case 'host':
      case 'screen': {
        const given = Buffer.from(message.secret)
        const expected = Buffer.from(room.hostSecret)
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
          if (!joinAllowed(conn)) return drop(conn, 'rate')
          return drop(conn, 'not-host')
        }
        if (message.t === 'screen') {
          conn.role = 'screen'
          conn.playerId = undefined
          scheduleViews('host')
          return
        }
        conn.role = 'host'
        conn.limiter = createRateLimiter(200, 400)
        conn.playerId = undefined
        welcome(conn)
        scheduleViews('host')
        return
      }
      case 'join': {
        if (!joinAllowed(conn)) return send(conn, { t: 'refused', reason: 'rate-limited', message: '尝试过于频繁，请稍候再试。' })
        if (message.room !== room.code) return refuse(conn, 'wrong-room')
        // One seat per connection: a second join on a seated socket is a script, not a phone.
        if (conn.playerId) return refuse(conn, 'already-seated')
        const playerId = randomUUID()
        const secret = randomBytes(18).toString('base64url')
        const decision = decideJoin(room, { name: message.name, teamId: message.teamId, playerId, secret, address: conn.ip, device: message.device, seatsPerAddress: options.seatsPerAddress }, at)
        if (!decision.ok) return refuse(conn, decision.reason)
        seatConn(conn, playerId)
        commit(decision.event!, () => {
          send(conn, { t: 'seat', playerId, secret })
          scheduleViews(playerId)
        })
        return
      }
      case 'rejoin': {
        if (!joinAllowed(conn)) return send(conn, { t: 'refused', reason: 'rate-limited', message: '尝试过于频繁，请稍候再试。' })
        if (message.room !== room.code) return refuse(conn, 'wrong-room')
        const seat = findSeat(room, message.playerId, message.secret)
        if (typeof seat === 'string') return refuse(conn, seat)
        seatConn(conn, seat.id)
        send(conn, { t: 'seat', playerId: seat.id, secret: seat.secret })
        scheduleViews(seat.id)
        return
      }
      case 'answer':
      case 'buzz':
      case 'stake': {
        if (conn.role !== 'phone' || !conn.playerId) return drop(conn, 'no-seat')
        const playerId = conn.playerId
        if (message.t === 'answer') ack(conn, message.id, decideAnswer(room, playerId, message.key, message.response, at))
        else if (message.t === 'stake') ack(conn, message.id, decideStake(room, playerId, message.key, message.points, at))
        else {
          const decision = decideBuzz(room, playerId, message.key, at)
          // A false start is recorded (the host and the projector see it) and refused to the phone.
          if (decision.ok && decision.event?.e === 'false-start') commit(decision.event, () => ack(conn, message.id, { ok: false, reason: 'false-start' }))
          else ack(conn, message.id, decision, () => ({ place: (room.buzzes[message.key] ?? []).findIndex((b) => b.playerId === playerId) + 1 }))
        }
        scheduleViews(message.t === 'answer' ? playerId : 'all')
        return
      }
    }
  }

  return {
    get room() {
      return room
    },
    get dropped() {
      return dropped
    },
    connect(ws: WebSocket, req: IncomingMessage, endpoint: 'phone' | 'host' = 'phone'): void {
      const conn: Conn = { ws, ip: req.socket.remoteAddress ?? '', endpoint, role: 'guest', limiter: createRateLimiter(20, 40), alive: true }
      conns.add(conn)
      ws.on('pong', () => (conn.alive = true))
      ws.on('message', (data, isBinary) => {
        if (isBinary) return drop(conn, 'binary')
        try {
          handle(conn, data.toString())
        } catch (cause) {
          // A bug must cost one message, never the room.
          console.error('消息处理出错：', cause instanceof Error ? cause.message : cause)
          drop(conn, 'error')
        }
      })
      ws.on('close', () => {
        conns.delete(conn)
        if (conn.role === 'phone') scheduleViews('host')
      })
      ws.on('error', () => conns.delete(conn))
      welcome(conn)
    },
    close(): void {
      clearInterval(heartbeat)
      if (viewTimer) clearTimeout(viewTimer)
      for (const conn of conns) conn.ws.terminate()
      journal.close()
    },
  }
}
