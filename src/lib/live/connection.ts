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
}

export interface LiveConnection {
  /** Sends now if connected; a request with an `id` is kept and resent until acknowledged. */
  send(message: ClientMessage): void
  status(): ConnectionStatus
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
      setStatus('open')
      const hello = options.hello()
      if (hello) ws.send(JSON.stringify(hello))
      for (const message of unacked.values()) ws.send(JSON.stringify(message))
    }
    ws.onmessage = (event) => {
      let message: ServerMessage
      try {
        message = JSON.parse(String(event.data)) as ServerMessage
      } catch {
        return
      }
      if (message.t === 'ack') unacked.delete(message.id)
      options.onMessage(message)
    }
    ws.onclose = () => {
      if (socket !== ws) return
      socket = null
      if (closed) return
      setStatus('waiting')
      retry = setTimeout(connect, backoff[Math.min(attempt++, backoff.length - 1)])
    }
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
    close() {
      closed = true
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
