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
