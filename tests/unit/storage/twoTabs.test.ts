import 'fake-indexeddb/auto'
import { openDB } from 'idb'
import { describe, expect, it } from 'vitest'
import { createScheduler } from '@/lib/schedule'
import { DatabaseClosedError, describeOpenError, openProgressDb } from '@/lib/storage/progressDb'
import { makeCard, MINUTE, T0 } from '../schedule/fixtures'

const scheduler = createScheduler()
const card = makeCard(1)
let serial = 0

describe('two tabs on one database', () => {
  it('a card rated in one tab is not rated again from the same state in another: no duplicate, no overwrite', async () => {
    const name = `two-tabs-${++serial}`
    const tabA = await openProgressDb({ name })
    const tabB = await openProgressDb({ name })
    // Both tabs show the new card and rate it from "new".
    const a = scheduler.rate(null, card, 3, T0)
    const b = scheduler.rate(null, card, 1, T0 + MINUTE)
    expect(await tabA.saveReview(a.after, a.log, a.before)).toBe(true)
    expect(await tabB.saveReview(b.after, b.log, b.before)).toBe(false)
    const data = await tabA.loadAll()
    expect(data.reviewLogs.map((l) => l.id)).toEqual([a.log.id])
    expect(data.cardStates).toEqual([a.after])
    // Tab B, having reloaded from the database, rates from the stored state: accepted.
    const c = scheduler.rate(data.cardStates[0]!, card, 3, T0 + 20 * MINUTE)
    expect(await tabB.saveReview(c.after, c.log, c.before)).toBe(true)
    // An undo in tab A of its older rating would now wipe tab B's: refused.
    expect(await tabA.undoReview(a.before, card.id, a.log.id, a.after)).toBe(false)
    expect((await tabB.loadAll()).reviewLogs).toHaveLength(2)
    tabA.close()
    tabB.close()
  })

  it('a tab whose database is upgraded elsewhere closes, says so, and refuses to keep ratings in memory', async () => {
    const name = `upgrade-${++serial}`
    const reasons: string[] = []
    const old = await openProgressDb({ name, onClosed: (reason) => reasons.push(reason) })
    const newer = await openDB(name, 99)
    expect(reasons).toEqual(['versionchange'])
    const a = scheduler.rate(null, card, 3, T0)
    await expect(old.saveReview(a.after, a.log, a.before)).rejects.toBeInstanceOf(DatabaseClosedError)
    newer.close()
    // Reopening with the older version fails with words that ask for a reload, not "private mode".
    const failure = await openProgressDb({ name }).catch((cause: unknown) => cause)
    expect(describeOpenError(failure)).toContain('刷新')
  })
})
