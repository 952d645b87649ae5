import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import { flushSession, loadDurableSession, loadSession, onSessionMerged, resetSessionCacheForTests, saveServerSession, saveSession, SESSION_KEY } from '@/lib/meeting/persist'
import { reduce, teamScores } from '@/lib/meeting/session'
import { HOST, session } from './fixtures'

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial))
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k), data }
}

describe('meeting session in IndexedDB', () => {
  beforeEach(async () => {
    resetSessionCacheForTests()
    indexedDB.deleteDatabase('study-garden-meeting-session')
  })

  it('a save is in IndexedDB (not localStorage) once flushed, and a new page load reads it', async () => {
    const legacy = memoryStorage()
    ;(globalThis as { localStorage?: unknown }).localStorage = legacy
    const s = reduce(reduce(session(), { type: 'next' }, 2_000, HOST), { type: 'score', teamId: 't2', outcome: 'right' }, 3_000, HOST)
    expect(saveSession(s)).toBe(true)
    await flushSession()
    expect(legacy.data.has(SESSION_KEY)).toBe(false)
    resetSessionCacheForTests()
    const resumed = await loadDurableSession()
    expect(resumed).toEqual(s)
    delete (globalThis as { localStorage?: unknown }).localStorage
  })

  it('moves a session saved by the older version out of localStorage, once', async () => {
    const s = reduce(session(), { type: 'next' }, 2_000, HOST)
    const legacy = memoryStorage({ [SESSION_KEY]: JSON.stringify(s) })
    ;(globalThis as { localStorage?: unknown }).localStorage = legacy
    expect(await loadDurableSession()).toEqual(s)
    expect(legacy.data.has(SESSION_KEY)).toBe(false)
    resetSessionCacheForTests()
    expect(await loadDurableSession()).toEqual(s)
    expect(loadSession()).toEqual(s)
    delete (globalThis as { localStorage?: unknown }).localStorage
  })

  it("the meeting server's session replaces a copy this window started itself, though that copy started later", async () => {
    // The host window's own copy (shown until the server answers) and the server's session: two sessions, and the
    // server's clock may stand behind the laptop's. A merge keeps the later-started one, the wrong one here.
    const own = { ...session(5_000), sessionId: 'own' }
    const server = reduce({ ...session(4_000), sessionId: 'server' }, { type: 'next' }, 6_000, HOST)
    saveSession(own)
    await flushSession()
    saveSession(server)
    await flushSession()
    expect((await loadDurableSession())?.sessionId).toBe('own')

    const told: string[] = []
    const stop = onSessionMerged((merged) => told.push(merged.sessionId))
    saveServerSession(server)
    await flushSession()
    stop()
    expect(told).toEqual([])
    expect(loadSession()).toEqual(server)
    resetSessionCacheForTests()
    expect(await loadDurableSession()).toEqual(server)
  })

  it('two windows saving from the same state: both scores are stored', async () => {
    const start = reduce(session(), { type: 'next' }, 2_000, HOST)
    saveSession(start)
    await flushSession()
    const a = reduce(start, { type: 'score', teamId: 't1', outcome: 'right' }, 3_000, HOST)
    saveSession(a)
    await flushSession()
    // The other window still believes `start` is current.
    resetSessionCacheForTests()
    await loadDurableSession()
    const b = reduce(start, { type: 'score', teamId: 't2', outcome: 'right' }, 3_001, { id: 'other', role: 'host' })
    // Simulate: the other window's base is `start` (it loaded before a was written).
    resetSessionCacheForTests()
    const { mergeSessions } = await import('@/lib/meeting/mergeLog')
    const merged = mergeSessions(start, b, a)
    expect(teamScores(merged.session).get('t1')).toBe(110)
    expect(teamScores(merged.session).get('t2')).toBe(110)
  })
})
