import WebSocket from 'ws'
import { createLiveConnection, type LiveConnection, type SocketLike } from '../../src/lib/live/connection'
import { LIVE_PATH, type ClientMessage, type ServerMessage } from '../../src/lib/live/protocol'
import { FrameLog } from '../frameLog'

/**
 * A phone for tests and the load run that behaves like the real one (src/lib/live/connection):
 * it reconnects by itself, says its seat again and resends what was not acknowledged. `ports`
 * chooses the node of each attempt, as a load balancer would after a node is gone.
 */
export class ClusterPhone {
  private readonly log = new FrameLog()
  get frames(): readonly ServerMessage[] {
    return this.log.frames
  }
  seat: { playerId: string; secret: string } | null = null
  /** Times (performance.now) at which a seat was confirmed: the first join and every return. */
  readonly seatedAt: number[] = []
  readonly closedAt: number[] = []
  private readonly connection: LiveConnection
  private joinRequest: ClientMessage | null = null

  constructor(
    readonly room: string,
    nextPort: () => number,
  ) {
    this.connection = createLiveConnection({
      url: '',
      // A join goes first on connecting (a message sent before the socket is open is not kept).
      hello: (): ClientMessage | null => (this.seat ? { t: 'rejoin', room: this.room, ...this.seat } : this.joinRequest),
      onMessage: (message) => this.receive(message),
      onStatus: (status) => {
        if (status === 'waiting') this.closedAt.push(performance.now())
      },
      // ws implements the browser's onopen/onmessage/onclose properties; its event types are wider.
      createSocket: () => new WebSocket(`ws://127.0.0.1:${nextPort()}${LIVE_PATH}`) as unknown as SocketLike,
      backoff: [200, 500, 1000],
    })
  }

  private receive(message: ServerMessage): void {
    if (message.t === 'seat') {
      this.seat = { playerId: message.playerId, secret: message.secret }
      this.seatedAt.push(performance.now())
    }
    this.log.record(message)
  }

  join(name: string): void {
    this.joinRequest = { t: 'join', room: this.room, name }
    this.connection.send(this.joinRequest)
  }

  send(message: ClientMessage): void {
    this.connection.send(message)
  }

  /** The first frame (already received or coming) that passes `test`. */
  next<T extends ServerMessage>(test: (m: ServerMessage) => m is T, timeoutMs = 10_000, since = 0): Promise<T> {
    return this.log.next(test, timeoutMs, since)
  }

  close(): void {
    this.connection.close()
  }
}
