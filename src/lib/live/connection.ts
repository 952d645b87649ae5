import { HOST_PATH, LIVE_PATH, type ClientMessage, type ServerMessage } from './protocol'

/*
 * The browser's end of the live room: one websocket that comes back by itself. A phone that
 * locks, reloads or changes network reconnects with growing pauses, says who it is again
 * (`hello`), and resends every request not yet acknowledged — the server takes a resend once.
 */

/** The part of WebSocket this needs, so tests can pass a fake. */
export interface SocketLike {
  readyState: number
  send(data: string): void
  close(): void
  onopen: ((event: unknown) => void) | null
  onclose: ((event: unknown) => void) | null
  onmessage: ((event: { data: unknown }) => void) | null
  onerror: ((event: unknown) => void) | null
}

export type ConnectionStatus = 'connecting' | 'open' | 'waiting'

export interface LiveConnectionOptions {
  url: string
  /** Sent first on every (re)connection: the host secret, or the phone's seat. */
  hello(): ClientMessage | null
  onMessage(message: ServerMessage): void
  onStatus?(status: ConnectionStatus): void
  createSocket?: (url: string) => SocketLike
  /** Pauses between attempts, in ms; the last one repeats. */
  backoff?: number[]
  /** How often to ping the server, and how long a silence means the link is dead (ms). */
  heartbeatMs?: number
  deadAfterMs?: number
}

export interface LiveConnection {
  /** Sends now if connected; a request with an `id` is kept and resent until acknowledged. */
  send(message: ClientMessage): void
  status(): ConnectionStatus
  /** Ids of requests sent (or waiting to be sent) and not yet acknowledged. */
  pending(): number[]
  close(): void
}

const OPEN = 1

interface EventSource {
  addEventListener?(type: string, listener: () => void): void
  removeEventListener?(type: string, listener: () => void): void
}
/** The browser's globals, typed here because src/lib is also compiled without the DOM library. */
const env = globalThis as unknown as EventSource & {
  document?: EventSource & { visibilityState: string }
  WebSocket?: new (url: string) => SocketLike
}

export function liveUrl(location: { protocol: string; host: string }, role: 'phone' | 'host' = 'phone'): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${role === 'host' ? HOST_PATH : LIVE_PATH}`
}

export function createLiveConnection(options: LiveConnectionOptions): LiveConnection {
  const backoff = options.backoff ?? [300, 1000, 2000, 4000]
  const create = options.createSocket ?? ((url: string) => new env.WebSocket!(url))
  const unacked = new Map<number, ClientMessage>()
  let socket: SocketLike | null = null
  let attempt = 0
  let closed = false
  let state: ConnectionStatus = 'connecting'
  let retry: ReturnType<typeof setTimeout> | null = null
  const heartbeatMs = options.heartbeatMs ?? 5_000
  const deadAfterMs = options.deadAfterMs ?? 12_000
  let heartbeat: ReturnType<typeof setInterval> | null = null
  let heardAt = 0

  function stopHeartbeat(): void {
    if (heartbeat) clearInterval(heartbeat)
    heartbeat = null
  }

  /** The socket is gone (closed, or silent too long): say so and try again after a pause. */
  function lost(ws: SocketLike): void {
    if (socket !== ws) return
    socket = null
    stopHeartbeat()
    if (closed) return
    setStatus('waiting')
    retry = setTimeout(connect, backoff[Math.min(attempt++, backoff.length - 1)])
  }

  const setStatus = (next: ConnectionStatus) => {
    state = next
    options.onStatus?.(next)
  }

  function connect(): void {
    setStatus('connecting')
    const ws = create(options.url)
    socket = ws
    ws.onopen = () => {
      attempt = 0
      heardAt = Date.now()
      // A Wi-Fi that goes silent closes nothing: only a missing answer to our pings tells.
      stopHeartbeat()
      heartbeat = setInterval(() => {
        if (Date.now() - heardAt > deadAfterMs) {
          lost(ws)
          ws.onclose = null
          ws.close()
          return
        }
        if (ws.readyState === OPEN) ws.send(JSON.stringify({ t: 'ping' }))
      }, Math.min(heartbeatMs, deadAfterMs / 2))
      setStatus('open')
      const hello = options.hello()
      if (hello) ws.send(JSON.stringify(hello))
      for (const message of unacked.values()) ws.send(JSON.stringify(message))
    }
    ws.onmessage = (event) => {
      heardAt = Date.now()
      let message: ServerMessage
      try {
        message = JSON.parse(String(event.data)) as ServerMessage
      } catch {
        return
      }
      if (message.t === 'ack') unacked.delete(message.id)
      if (message.t === 'pong') return
      options.onMessage(message)
    }
    ws.onclose = () => lost(ws)
    ws.onerror = () => {}
  }

  // Coming back to a locked phone: try at once rather than after the pause.
  const wake = () => {
    if (closed || socket || (env.document && env.document.visibilityState !== 'visible')) return
    if (retry) clearTimeout(retry)
    connect()
  }
  env.addEventListener?.('online', wake)
  env.document?.addEventListener?.('visibilitychange', wake)

  connect()
  return {
    send(message) {
      if ('id' in message) unacked.set(message.id, message)
      if (socket && socket.readyState === OPEN) socket.send(JSON.stringify(message))
    },
    status: () => state,
    pending: () => [...unacked.keys()],
    close() {
      closed = true
      stopHeartbeat()
      if (retry) clearTimeout(retry)
      env.removeEventListener?.('online', wake)
      env.document?.removeEventListener?.('visibilitychange', wake)
      socket?.close()
      socket = null
    },
  }
}

/** The host secret from the address the server printed (`/meeting#host=…`), or null. */
export function hostSecretFromHash(hash: string): string | null {
  return /(?:^#|&)host=([\w-]{8,128})/.exec(hash)?.[1] ?? null
}
