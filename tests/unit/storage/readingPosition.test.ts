import { describe, expect, it } from 'vitest'
import { readingPositions } from '../../../src/lib/storage/readingPosition'

function memory() {
  const data = new Map<string, string>()
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data }
}

describe('reading positions', () => {
  it('remembers the last passage per document, keeps the most recent 50, survives bad data', () => {
    const store = memory()
    const positions = readingPositions(() => store)
    positions.set('constitution', 'art-7', new Date('2026-11-27T08:00:00Z'))
    positions.set('constitution', 'art-9', new Date('2026-11-27T08:05:00Z'))
    expect(positions.get('constitution')?.anchor).toBe('art-9')
    expect(positions.get('glossary')).toBeUndefined()
    for (let i = 0; i < 60; i++) positions.set(`doc-${i}`, 'p-1', new Date(Date.UTC(2026, 10, 28, 0, i)))
    expect(positions.get('constitution')).toBeUndefined()
    expect(positions.get('doc-59')?.anchor).toBe('p-1')
    store.data.set('study-garden:reading-positions', '{"x": 3}')
    expect(positions.get('x')).toBeUndefined()
  })
})
