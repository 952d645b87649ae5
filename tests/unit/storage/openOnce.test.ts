import { describe, expect, it, vi } from 'vitest'
import { openOnce } from '@/lib/storage/openOnce'

describe('openOnce', () => {
  it('opens the database on first use and shares it', async () => {
    const open = vi.fn(async () => ({ name: 'db' }))
    const repository = openOnce(open, () => {})
    const [a, b] = await Promise.all([repository(), repository()])
    expect(a).toBe(b)
    expect(open).toHaveBeenCalledTimes(1)
  })

  it('where IndexedDB cannot open, reports once and answers null from then on', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const unavailable = vi.fn()
    const repository = openOnce(() => Promise.reject(new Error('private mode')), unavailable)
    expect(await repository()).toBeNull()
    expect(await repository()).toBeNull()
    expect(unavailable).toHaveBeenCalledTimes(1)
  })
})
