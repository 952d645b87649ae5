import { afterEach, describe, expect, it, vi } from 'vitest'
import { createLiveConnection, hostSecretFromHash, type SocketLike } from '@/lib/live/connection'

class FakeSocket implements SocketLike {
  readyState = 0
  sent: string[] = []
  onopen: ((e: unknown) => void) | null = null
  onclose: ((e: unknown) => void) | null = null
  onmessage: ((e: { data: unknown }) => void) | null = null
  onerror: ((e: unknown) => void) | null = null
  send(data: string) {
    this.sent.push(data)
  }
  close() {
    this.readyState = 3
    this.onclose?.({})
  }
  open() {
    this.readyState = 1
    this.onopen?.({})
  }
  receive(message: object) {
    this.onmessage?.({ data: JSON.stringify(message) })
  }
}

afterEach(() => vi.useRealTimers())

describe('live connection', () => {
  it('says who it is on every connection and resends what was not acknowledged, after a pause', () => {
    vi.useFakeTimers()
    const sockets: FakeSocket[] = []
    const connection = createLiveConnection({
      url: 'ws://x/live',
      hello: () => ({ t: 'rejoin', room: '4821', playerId: 'p', secret: 's' }),
      onMessage: () => {},
      createSocket: () => (sockets.push(new FakeSocket()), sockets.at(-1)!),
      backoff: [500],
    })
    sockets[0]!.open()
    connection.send({ t: 'answer', id: 1, key: 'k', response: '一年' })
    connection.send({ t: 'buzz', id: 2, key: 'k' })
    sockets[0]!.receive({ t: 'ack', id: 2, ok: true })
    sockets[0]!.close() // Wi-Fi lost
    expect(connection.status()).toBe('waiting')
    vi.advanceTimersByTime(499)
    expect(sockets).toHaveLength(1)
    vi.advanceTimersByTime(1)
    sockets[1]!.open()
    expect(sockets[1]!.sent.map((s) => JSON.parse(s).t)).toEqual(['rejoin', 'answer'])
    connection.close()
  })

  it('reads the host secret from the printed address only', () => {
    expect(hostSecretFromHash('#host=rKvs253uuYUwARRhbssby_j1')).toBe('rKvs253uuYUwARRhbssby_j1')
    expect(hostSecretFromHash('#x=1')).toBeNull()
    expect(hostSecretFromHash('#host=<script>')).toBeNull()
  })
})

describe('heartbeat (issue 18)', () => {
  it('pings the server and, when nothing comes back, says so and connects again', () => {
    vi.useFakeTimers()
    const sockets: FakeSocket[] = []
    const statuses: string[] = []
    createLiveConnection({
      url: 'ws://x/live',
      hello: () => null,
      onMessage: () => {},
      onStatus: (s) => statuses.push(s),
      createSocket: () => (sockets.push(new FakeSocket()), sockets.at(-1)!),
      backoff: [500],
      heartbeatMs: 5_000,
      deadAfterMs: 12_000,
    })
    sockets[0]!.open()
    vi.advanceTimersByTime(5_000)
    expect(sockets[0]!.sent).toContain('{"t":"ping"}')
    sockets[0]!.receive({ t: 'pong', serverNow: 1 })
    vi.advanceTimersByTime(10_000)
    expect(statuses.at(-1)).toBe('open') // heard 10 s ago: still alive
    // The Wi-Fi goes silent: no pong, no view, and the socket never reports its own death.
    sockets[0]!.close = () => {}
    vi.advanceTimersByTime(5_000)
    expect(statuses.at(-1)).toBe('waiting')
    vi.advanceTimersByTime(500)
    expect(sockets).toHaveLength(2)
  })

  it('keeps a request made while disconnected and tells the caller it is pending until acknowledged', () => {
    vi.useFakeTimers()
    const sockets: FakeSocket[] = []
    const connection = createLiveConnection({ url: 'ws://x/live', hello: () => null, onMessage: () => {}, createSocket: () => (sockets.push(new FakeSocket()), sockets.at(-1)!), backoff: [500] })
    connection.send({ t: 'answer', id: 7, key: 'k', response: '一年' })
    expect(connection.pending()).toEqual([7])
    sockets[0]!.open()
    expect(sockets[0]!.sent).toContain('{"t":"answer","id":7,"key":"k","response":"一年"}')
    sockets[0]!.receive({ t: 'ack', id: 7, ok: true })
    expect(connection.pending()).toEqual([])
  })
})
