const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

function trim(value: number): string {
  return value >= 10 ? String(Math.round(value)) : String(Math.round(value * 10) / 10)
}

/** A rating button's interval: 1分钟, 10分钟, 3小时, 3天, 2.5个月, 1.2年. */
export function formatInterval(ms: number): string {
  if (!Number.isFinite(ms) || ms < MINUTE) return '1分钟内'
  if (ms < HOUR) return `${Math.round(ms / MINUTE)}分钟`
  if (ms < DAY) return `${trim(ms / HOUR)}小时`
  const days = ms / DAY
  if (days < 30) return `${Math.round(days)}天`
  if (days < 365) return `${trim(days / 30)}个月`
  return `${trim(days / 365)}年`
}
