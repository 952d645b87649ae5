import { describe, expect, it } from 'vitest'
import { parseRecent, RECENT_LIMIT, rememberQuery } from '../../../src/lib/search/recent'

describe('recent searches', () => {
  it('puts the newest first, once, trimmed, and keeps a few', () => {
    let list: string[] = []
    for (const q of ['三会一课', ' 党费 ', '三会一课', '']) list = rememberQuery(list, q)
    expect(list).toEqual(['三会一课', '党费'])
    for (let i = 0; i < 10; i++) list = rememberQuery(list, `第${i}条`)
    expect(list.length).toBe(RECENT_LIMIT)
    expect(list[0]).toBe('第9条')
  })
  it('reads back only what it wrote, never throwing on old or edited storage', () => {
    expect(parseRecent(JSON.stringify(['党费', 3, '', null, '四风']))).toEqual(['党费', '四风'])
    expect(parseRecent('{not json')).toEqual([])
    expect(parseRecent('{"a":1}')).toEqual([])
    expect(parseRecent(null)).toEqual([])
  })
})
