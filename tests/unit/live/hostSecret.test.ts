import { describe, expect, it } from 'vitest'
import { HOST_SECRET_KEPT_MS, isStoredHostSecret, keepHostSecret, keptHostSecret } from '@/lib/live/hostSecret'
import { reloadsForUpdate } from '@/lib/common/update'

describe('the host secret on the host laptop', () => {
  const now = Date.UTC(2026, 11, 6, 9)
  it('is kept for the meeting day, then forgotten', () => {
    const stored = keepHostSecret('s3cret', now)
    expect(keptHostSecret(stored, now + 60_000)).toBe('s3cret')
    expect(keptHostSecret(stored, now + HOST_SECRET_KEPT_MS + 1)).toBeNull()
    expect(keptHostSecret(null, now)).toBeNull()
  })

  it('as an older version stored it (a bare string, kept for ever), it is not read back', () => {
    expect(isStoredHostSecret('s3cret')).toBe(false)
    expect(isStoredHostSecret(null)).toBe(true)
    expect(isStoredHostSecret({ secret: 's', until: 1 })).toBe(true)
  })
})

describe('a new version accepted in another tab', () => {
  it('reloads ordinary pages and the tab that accepted it, never a meeting’s projector, host window or phone', () => {
    expect(reloadsForUpdate({ acceptedHere: false, path: '/meeting/screen', bare: true })).toBe(false)
    expect(reloadsForUpdate({ acceptedHere: false, path: '/meeting/host', bare: false })).toBe(false)
    expect(reloadsForUpdate({ acceptedHere: false, path: '/join', bare: true })).toBe(false)
    expect(reloadsForUpdate({ acceptedHere: false, path: '/study', bare: false })).toBe(true)
    expect(reloadsForUpdate({ acceptedHere: true, path: '/meeting/host', bare: false })).toBe(true)
  })
})
