import type { MeetingRole, MeetingSession } from './types'

/** What windows of one quiz say to each other. */
export type MeetingMessage =
  | { kind: 'state'; session: MeetingSession }
  /** A window just opened (or reloaded) and asks for the current state. */
  | { kind: 'hello'; from: string; role: MeetingRole }

/**
 * The small interface the sync needs. Like BroadcastChannel, a transport never delivers a
 * message back to the endpoint that posted it — but a relay (a websocket server) might, so
 * the sync drops echoes by `lastUpdate.id` as well.
 */
export interface MeetingTransport<M = MeetingMessage> {
  post(message: M): void
  /** Returns the unsubscribe function. */
  subscribe(listener: (message: M) => void): () => void
  close(): void
}

export const MEETING_CHANNEL = 'study-garden-meeting'

/** Whether this browser can link windows (BroadcastChannel: every browser since 2022). */
export function isBroadcastSupported(): boolean {
  return typeof (globalThis as { BroadcastChannel?: unknown }).BroadcastChannel === 'function'
}

/**
 * Windows (tabs) of one browser on one origin. Host windows share the session on
 * MEETING_CHANNEL; the projector listens only on the screen channel (screenFeed.ts), where
 * no answer travels before it is revealed. Phones use the network (src/lib/live/connection.ts).
 */
export function createBroadcastTransport<M = MeetingMessage>(name = MEETING_CHANNEL): MeetingTransport<M> {
  const channel = new BroadcastChannel(name)
  const listeners = new Set<(message: M) => void>()
  channel.onmessage = (event: { data: unknown }) => {
    // Receivers validate what they get; here the message is only passed on.
    const message = event.data as M
    for (const listener of listeners) listener(message)
  }
  return {
    post(message) {
      // JSON first: a stray reactive proxy would make postMessage throw DataCloneError.
      channel.postMessage(JSON.parse(JSON.stringify(message)) as M)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close() {
      listeners.clear()
      channel.close()
    },
  }
}

export interface MemoryHub {
  /** A new endpoint; what it posts reaches every other endpoint of the hub. */
  connect(): MeetingTransport
  /** Messages posted so far, for assertions. */
  readonly sent: MeetingMessage[]
}

/** An in-memory transport for tests: synchronous delivery of deep copies. */
export function createMemoryHub(): MemoryHub {
  const endpoints = new Set<Set<(message: MeetingMessage) => void>>()
  const sent: MeetingMessage[] = []
  return {
    sent,
    connect() {
      const listeners = new Set<(message: MeetingMessage) => void>()
      endpoints.add(listeners)
      return {
        post(message) {
          sent.push(message)
          for (const other of endpoints) {
            if (other === listeners) continue
            for (const listener of other) listener(JSON.parse(JSON.stringify(message)) as MeetingMessage)
          }
        },
        subscribe(listener) {
          listeners.add(listener)
          return () => listeners.delete(listener)
        },
        close() {
          listeners.clear()
          endpoints.delete(listeners)
        },
      }
    },
  }
}
