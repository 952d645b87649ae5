import 'fake-indexeddb/auto'
import { openDB } from 'idb'
import { describe, expect, it } from 'vitest'
import { createQuizStore, MEETING_DB } from '@/lib/meeting/quizStore'
import { ROUNDS } from './fixtures'

describe('saved quizzes (IndexedDB)', () => {
  it('saves, lists newest first, loads, deletes, and skips bad records', async () => {
    const store = createQuizStore()
    await store.save({ id: 'a', name: '七一竞赛', teams: ['甲', '乙'], startingScore: 100, rounds: ROUNDS, updatedAt: 1 })
    await store.save({ id: 'b', name: '党章竞赛', teams: ['甲', '乙', '丙'], startingScore: 50, rounds: ROUNDS, updatedAt: 2 })
    const db = await openDB(MEETING_DB, 1)
    await db.put('quizzes', { id: 'broken', name: 3 })
    db.close()
    expect((await store.list()).map((q) => q.id)).toEqual(['b', 'a'])
    expect((await store.get('a'))?.name).toBe('七一竞赛')
    expect(await store.get('broken')).toBeNull()
    await store.remove('a')
    expect((await store.list()).map((q) => q.id)).toEqual(['b'])
  })
})
