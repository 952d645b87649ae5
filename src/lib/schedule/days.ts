/** Calendar days in the user's local time zone: a study day runs from local midnight to midnight. */
export const DAY_MS = 24 * 60 * 60 * 1000

export function startOfDay(ms: number): number {
  const d = new Date(ms)
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime()
}

/** The local midnight `days` days after the day of `ms` (safe across daylight-saving changes). */
export function addDays(ms: number, days: number): number {
  const d = new Date(ms)
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days).getTime()
}

export function endOfDay(ms: number): number {
  return addDays(ms, 1) - 1
}

/** 2025-01-10 for any moment of that local day. */
export function dayKey(ms: number): string {
  const d = new Date(ms)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** Whole calendar days from the day of `from` to the day of `to` (negative when `to` is earlier). */
export function daysBetween(from: number, to: number): number {
  return Math.round((startOfDay(to) - startOfDay(from)) / DAY_MS)
}
