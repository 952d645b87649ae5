import type { DayCount } from './stats'

export interface HeatCell extends DayCount {
  column: number
  /** 0 = Monday … 6 = Sunday. */
  row: number
  /** 0 (no reviews) … 4 (busiest). */
  level: number
}

export interface MonthLabel {
  column: number
  label: string
}

/** Intensity level of a day against the busiest day shown: 0 none, 1–4 in quarters. */
export function heatLevel(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4)))
}

/** Lays consecutive days out as a week-per-column calendar (Monday on top), with month labels where a month starts. */
export function heatmapLayout(days: readonly DayCount[]): { cells: HeatCell[]; columns: number; months: MonthLabel[] } {
  const first = days[0]
  if (!first) return { cells: [], columns: 0, months: [] }
  const offset = (new Date(first.start).getDay() + 6) % 7
  const max = Math.max(0, ...days.map((d) => d.count))
  const months: MonthLabel[] = []
  const cells = days.map((day, i) => {
    const slot = i + offset
    const column = Math.floor(slot / 7)
    const date = new Date(day.start)
    if (date.getDate() === 1 || i === 0) {
      const label = `${date.getMonth() + 1}月`
      if (!months.length || months.at(-1)!.column < column - 1) months.push({ column, label })
    }
    return { ...day, column, row: slot % 7, level: heatLevel(day.count, max) }
  })
  return { cells, columns: (cells.at(-1)?.column ?? 0) + 1, months }
}

/** A round upper bound for a bar chart's axis: 1, 2, 5, 10, 20, 50 … */
export function niceMax(value: number): number {
  if (value <= 1) return 1
  const power = 10 ** Math.floor(Math.log10(value))
  const step = [1, 2, 5, 10].find((m) => m * power >= value) ?? 10
  return step * power
}
