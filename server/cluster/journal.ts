import type { LiveEvent } from '../../src/lib/live/room'
import { tickBatch, type Journal } from '../journal'
import { APPEND_SCRIPT, keys, type Redis } from './keys'

/**
 * The journal of one room in a Redis Stream, the same interface as the file journal: events of one
 * tick go in one fenced script call (XADD each), and nobody is told they happened before Redis
 * answered. Without the lease, or without Redis, nothing is acknowledged and `onLost` gives the room up.
 */
export function openStreamJournal(redis: Redis, code: string, nodeId: string, recovered: LiveEvent[], onLost: (why: string) => void): Journal {
  let open = true
  const batch = tickBatch((lines, acknowledge) => {
    if (!open) return
    redis.sendCommand<number>(['EVAL', APPEND_SCRIPT, '2', keys.lease(code), keys.log(code), nodeId, ...lines]).then(
      (written) => (written === -1 ? lost('lease') : acknowledge()),
      (cause: unknown) => lost(cause instanceof Error ? cause.message : String(cause)),
    )
  })

  function lost(why: string): void {
    if (!open) return
    open = false
    onLost(why)
  }

  return {
    recovered,
    notes: [],
    append(event, onDurable) {
      if (open) batch.add(JSON.stringify(event), onDurable)
    },
    discard() {
      // The host ended the meeting: the log ends with `close` and stays for the organiser's sheet;
      // the relay's fresh room after it is not part of the contest, so nothing more is written.
      batch.add(JSON.stringify({ e: 'close', at: Date.now() } satisfies LiveEvent))
      batch.flush()
      open = false
      void redis.sendCommand(['SMOVE', keys.rooms, keys.ended, code])
    },
    close() {
      batch.flush()
      open = false
    },
  }
}
