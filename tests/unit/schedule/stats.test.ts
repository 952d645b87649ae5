import { describe, expect, it } from 'vitest'
import { addDays, dayKey, startOfDay } from '@/lib/schedule/days'
import { reviewsPerDay } from '@/lib/schedule/stats'
import type { ReviewLogEntry } from '@/lib/schedule/types'

const log = (review: number): ReviewLogEntry => ({
  id: `${review}:c`, cardId: 'c', docId: 'constitution', grade: 3, state: 2, due: review, stability: 3, difficulty: 5, elapsedDays: 1, scheduledDays: 1, review,
})

describe('reviewsPerDay', () => {
  it('counts by local day, in order or not, on both sides of midnight', () => {
    const day = startOfDay(Date.UTC(2025, 0, 10, 12))
    const next = addDays(day, 1)
    const reviews = [day, day + 1000, next - 1, next, next + 5, day + 7, addDays(day, -3) + 10]
    const counts = reviewsPerDay(reviews.map(log))
    expect(counts).toEqual(new Map([[dayKey(day), 4], [dayKey(next), 2], [dayKey(addDays(day, -3)), 1]]))
    expect(reviewsPerDay([...reviews].sort((a, b) => a - b).map(log))).toEqual(counts)
  })
})
