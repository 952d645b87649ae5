import { describe, expect, it } from 'vitest'
import { heatLevel, heatmapLayout, niceMax, reviewCalendar } from '@/lib/schedule'
import { T0 } from './fixtures'

describe('chart helpers', () => {
  it('lays a calendar out Monday-first, one column per week', () => {
    // T0 is Friday 10 January 2025.
    const days = reviewCalendar([], T0, 10)
    const { cells, columns, months } = heatmapLayout(days)
    expect(cells[0]).toMatchObject({ day: '2025-01-01', row: 2, column: 0 }) // a Wednesday
    expect(cells.at(-1)).toMatchObject({ day: '2025-01-10', row: 4, column: 1 })
    expect(columns).toBe(2)
    expect(months).toEqual([{ column: 0, label: '1月' }])
  })

  it('grades intensity in quarters of the busiest day', () => {
    expect([0, 1, 5, 6, 20].map((n) => heatLevel(n, 20))).toEqual([0, 1, 1, 2, 4])
    expect(heatLevel(3, 0)).toBe(0)
  })

  it('rounds axis maxima', () => {
    expect([0, 1, 3, 7, 12, 48, 101].map(niceMax)).toEqual([1, 1, 5, 10, 20, 50, 200])
  })
})
