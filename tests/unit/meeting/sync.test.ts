import { describe, expect, it } from 'vitest'
import { reduce } from '@/lib/meeting/session'
import { createMeetingSync, type MeetingSync } from '@/lib/meeting/sync'
import { createMemoryHub, type MeetingTransport } from '@/lib/meeting/transport'
import type { MeetingRole, MeetingSession } from '@/lib/meeting/types'
import { HOST, SCREEN, session } from './fixtures'

/** A window: its own copy of the state, linked through a transport. */
function windowOn(transport: MeetingTransport, self: { id: string; role: MeetingRole }, initial: MeetingSession | null) {
  const win = { state: initial, applied: 0, sync: null as unknown as MeetingSync }
  win.sync = createMeetingSync({
    transport,
    self,
    getSession: () => win.state,
    applyRemote: (s) => {
      win.state = s
      win.applied++
    },
  })
  return {
    win,
    act(action: Parameters<typeof reduce>[1], now = 5_000) {
      if (!win.state) return
      win.state = reduce(win.state, action, now, self)
      win.sync.publish(win.state)
    },
  }
}

describe('session sync', () => {
  it('delivers a change to the other window, which does not send it back', () => {
    const hub = createMemoryHub()
    const host = windowOn(hub.connect(), HOST, session())
    const screen = windowOn(hub.connect(), SCREEN, session())
    host.act({ type: 'next' })
    expect(screen.win.state?.questionIndex).toBe(0)
    expect(screen.win.applied).toBe(1)
    // Only the host's one message crossed: a received state is never re-published.
    expect(hub.sent.filter((m) => m.kind === 'state')).toHaveLength(1)
    expect(screen.win.sync.publish(screen.win.state as MeetingSession)).toBe(false)
  })

  it('drops an echo of its own change (as a relay would send back)', () => {
    const hub = createMemoryHub()
    const host = windowOn(hub.connect(), HOST, session())
    host.act({ type: 'next' })
    const echo = JSON.parse(JSON.stringify(host.win.state)) as MeetingSession
    expect(host.win.sync.handle({ kind: 'state', session: echo })).toBe('echo')
    expect(host.win.applied).toBe(0)
  })

  it('drops an older state arriving late, and keeps the newer run over an old one', () => {
    const hub = createMemoryHub()
    const screen = windowOn(hub.connect(), SCREEN, session())
    const s1 = reduce(session(), { type: 'next' }, 2_000, HOST)
    const s2 = reduce(s1, { type: 'next' }, 3_000, HOST)
    expect(screen.win.sync.handle({ kind: 'state', session: s2 })).toBe('applied')
    expect(screen.win.sync.handle({ kind: 'state', session: s1 })).toBe('stale')
    expect(screen.win.state?.questionIndex).toBe(1)
    const oldRun = { ...session(500), sessionId: 'older', revision: 99 }
    expect(screen.win.sync.handle({ kind: 'state', session: oldRun })).toBe('stale')
    const newRun = { ...session(9_000), sessionId: 'newer' }
    expect(screen.win.sync.handle({ kind: 'state', session: newRun })).toBe('applied')
  })

  it('rejects malformed states', () => {
    const hub = createMemoryHub()
    const screen = windowOn(hub.connect(), SCREEN, null)
    const broken = { ...session(), teams: 'nope' } as unknown as MeetingSession
    expect(screen.win.sync.handle({ kind: 'state', session: broken })).toBe('invalid')
    expect(screen.win.state).toBeNull()
  })

  it('a window opened late (or reloaded) asks and catches up', () => {
    const hub = createMemoryHub()
    const host = windowOn(hub.connect(), HOST, session())
    host.act({ type: 'next' })
    host.act({ type: 'score', teamId: 't1', outcome: 'right' })
    const late = windowOn(hub.connect(), { id: 'screen-2', role: 'screen' }, null)
    late.win.sync.requestState()
    expect(late.win.state).toEqual(host.win.state)
  })

  it('a quiz started elsewhere reaches a projector that was already waiting', () => {
    const hub = createMemoryHub()
    const screen = windowOn(hub.connect(), SCREEN, null)
    const old = windowOn(hub.connect(), { id: 'old-host', role: 'host' }, session(500))
    // The waiting projector got the old run on opening; now a new host window announces a new run.
    screen.win.sync.requestState()
    expect(screen.win.state?.startedAt).toBe(500)
    const host = windowOn(hub.connect(), HOST, { ...session(9_000), sessionId: 'new' })
    host.win.sync.announce()
    expect(screen.win.state?.sessionId).toBe('new')
    // …and the old window, announcing in turn, does not take it back.
    old.win.sync.announce()
    expect(screen.win.state?.sessionId).toBe('new')
  })

  it('two windows acting in turn stay identical', () => {
    const hub = createMemoryHub()
    const host = windowOn(hub.connect(), HOST, session())
    const screen = windowOn(hub.connect(), SCREEN, session())
    host.act({ type: 'next' }, 2_000)
    screen.act({ type: 'startTimer' }, 3_000)
    host.act({ type: 'reveal' }, 4_000)
    screen.act({ type: 'score', teamId: 't1', outcome: 'right' }, 5_000)
    expect(screen.win.state).toEqual(host.win.state)
    expect(host.win.state?.revision).toBe(5)
  })
})
