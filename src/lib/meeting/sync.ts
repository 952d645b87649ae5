import { parseSession } from './persist'
import { isNewer } from './session'
import type { MeetingMessage, MeetingTransport } from './transport'
import type { MeetingRole, MeetingSession } from './types'

export interface MeetingSyncOptions {
  transport: MeetingTransport
  /** This window. */
  self: { id: string; role: MeetingRole }
  getSession(): MeetingSession | null
  /** Called with a newer state from another window. */
  applyRemote(session: MeetingSession): void
}

/** What became of an incoming message (for tests and diagnostics). */
export type SyncOutcome = 'applied' | 'echo' | 'stale' | 'invalid' | 'replied' | 'ignored'

export interface MeetingSync {
  /** Sends a change made in this window; a state made elsewhere is never sent on (no ping-pong). */
  publish(session: MeetingSession): boolean
  /** Asks the other windows for the current state (on open and after a reload). */
  requestState(): void
  /**
   * Tells the others what this window holds (on open: a quiz just started on the setup page
   * reaches a projector that was already waiting). Safe: receivers keep only newer states.
   */
  announce(): void
  handle(message: MeetingMessage): SyncOutcome
  close(): void
}

/** Whether `incoming` should replace `known`: a later run, or a later revision of the same run. */
export function shouldAccept(incoming: MeetingSession, known: MeetingSession | null): boolean {
  if (!known) return true
  if (incoming.sessionId !== known.sessionId) return incoming.startedAt > known.startedAt
  return isNewer(incoming, known)
}

export function createMeetingSync({ transport, self, getSession, applyRemote }: MeetingSyncOptions): MeetingSync {
  function handle(message: MeetingMessage): SyncOutcome {
    if (message.kind === 'hello') {
      if (message.from === self.id) return 'echo'
      const session = getSession()
      if (!session) return 'ignored'
      transport.post({ kind: 'state', session })
      return 'replied'
    }
    const session = parseSession(message.session)
    if (!session) return 'invalid'
    if (session.lastUpdate.id === self.id) return 'echo'
    if (!shouldAccept(session, getSession())) return 'stale'
    applyRemote(session)
    return 'applied'
  }
  const unsubscribe = transport.subscribe((message) => void handle(message))
  return {
    handle,
    publish(session) {
      if (session.lastUpdate.id !== self.id) return false
      transport.post({ kind: 'state', session })
      return true
    },
    requestState() {
      transport.post({ kind: 'hello', from: self.id, role: self.role })
    },
    announce() {
      const session = getSession()
      if (session) transport.post({ kind: 'state', session })
    },
    close() {
      unsubscribe()
      transport.close()
    },
  }
}
