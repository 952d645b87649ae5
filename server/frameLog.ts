import type { ServerMessage } from '../src/lib/live/protocol'

/**
 * What a test or load client has received from the server, in order, and the waits on it: `next`
 * answers with the first frame (already here or still to come) that passes a test. One copy for the
 * one-laptop test client (harness.ts) and the cluster phone (cluster/phone.ts).
 */
export class FrameLog {
  readonly frames: ServerMessage[] = []
  private waiters: { test: (m: ServerMessage) => boolean; done: (m: ServerMessage) => void }[] = []

  record(message: ServerMessage): void {
    this.frames.push(message)
    this.waiters = this.waiters.filter((w) => {
      if (!w.test(message)) return true
      w.done(message)
      return false
    })
  }

  next<T extends ServerMessage>(test: (m: ServerMessage) => m is T, timeoutMs = 10_000, since = 0): Promise<T> {
    const seen = this.frames.slice(since).find(test)
    if (seen) return Promise.resolve(seen)
    return new Promise((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`no matching frame within ${timeoutMs} ms`)), timeoutMs)
      this.waiters.push({ test, done: (m) => (clearTimeout(timer), done(m as T)) })
    })
  }
}
