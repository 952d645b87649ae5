/**
 * The host secret printed by `npm run meeting-server`, as the host laptop keeps it: with the time it
 * stops being kept. It is a key to the meeting, so it is not left in the browser for good: it is
 * cleared when the meeting ends (结束会场) and forgotten a day after it was last used.
 */
export interface StoredHostSecret {
  secret: string
  until: number
}

export const HOST_SECRET_KEPT_MS = 24 * 60 * 60 * 1000

export function isStoredHostSecret(value: unknown): value is StoredHostSecret | null {
  if (value === null) return true
  const v = value as Partial<StoredHostSecret> | undefined
  return typeof v === 'object' && typeof v?.secret === 'string' && typeof v.until === 'number'
}

export function keepHostSecret(secret: string, now: number): StoredHostSecret {
  return { secret, until: now + HOST_SECRET_KEPT_MS }
}

/** The secret still kept at `now`, or null (none, expired, or stored by an older version without an end). */
export function keptHostSecret(stored: StoredHostSecret | null, now: number): string | null {
  return stored && stored.until > now ? stored.secret : null
}
