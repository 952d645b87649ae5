/** How many recent searches the empty search box offers. */
export const RECENT_LIMIT = 6

/** The list with `query` first, once, trimmed; at most `limit` entries. */
export function rememberQuery(list: readonly string[], query: string, limit = RECENT_LIMIT): string[] {
  const q = query.trim()
  if (!q) return list.slice(0, limit)
  return [q, ...list.filter((item) => item !== q)].slice(0, limit)
}

/** Reads a stored list back, dropping anything that is not a non-empty string (old or edited storage). */
export function parseRecent(stored: string | null): string[] {
  if (!stored) return []
  try {
    const value: unknown = JSON.parse(stored)
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '').slice(0, RECENT_LIMIT) : []
  } catch {
    return []
  }
}
