import { describe, expect, it } from 'vitest'
import { qrPath } from '@/lib/live/qr'

describe('join QR code', () => {
  it('is a square of modules with the three finder patterns', () => {
    const { size, d } = qrPath('http://192.168.1.5:8787/join?room=4821')
    expect(size).toBeGreaterThanOrEqual(21)
    // Top-left finder pattern: its corner and its 7th module are dark, the 8th (separator) is light.
    expect(d).toContain('M0 0h1v1h-1z')
    expect(d).toContain('M6 0h1v1h-1z')
    expect(d).not.toContain('M7 0h1v1h-1z')
    expect(d).toContain(`M${size - 1} 0h1v1h-1z`)
  })
})
