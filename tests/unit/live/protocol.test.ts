import { describe, expect, it } from 'vitest'
import { readJournal, encodeEvent } from '@/lib/live/journal'
import { createRateLimiter, MAX_PHONE_FRAME, parseClientMessage } from '@/lib/live/protocol'

describe('messages at the edge', () => {
  it('accepts the phone messages of the protocol', () => {
    expect(parseClientMessage('{"t":"join","room":"4821","name":"张三"}', MAX_PHONE_FRAME)).toMatchObject({ ok: true })
    expect(parseClientMessage('{"t":"answer","id":1,"key":"s:0:0","response":["甲","乙"]}', MAX_PHONE_FRAME)).toMatchObject({ ok: true })
  })

  it('drops oversized frames before parsing, then broken JSON, then wrong shapes', () => {
    expect(parseClientMessage(`{"t":"join","room":"1","name":"${'长'.repeat(3000)}"}`, MAX_PHONE_FRAME)).toEqual({ ok: false, why: 'size' })
    expect(parseClientMessage('{"t":"join",', MAX_PHONE_FRAME)).toEqual({ ok: false, why: 'json' })
    expect(parseClientMessage('[1,2]', MAX_PHONE_FRAME)).toEqual({ ok: false, why: 'shape' })
    expect(parseClientMessage('{"t":"answer","id":-1,"key":"k","response":"a"}', MAX_PHONE_FRAME)).toEqual({ ok: false, why: 'shape' })
    expect(parseClientMessage('{"t":"answer","id":1,"key":"k","response":{"x":1}}', MAX_PHONE_FRAME)).toEqual({ ok: false, why: 'shape' })
    expect(parseClientMessage('{"t":"__proto__"}', MAX_PHONE_FRAME)).toEqual({ ok: false, why: 'shape' })
  })

  it('refuses host actions that only the room itself may take', () => {
    expect(parseClientMessage('{"t":"act","action":{"type":"awardShares","tallies":[]}}', 10_000)).toEqual({ ok: false, why: 'shape' })
    expect(parseClientMessage('{"t":"act","action":{"type":"adjustScore","teamId":"t1","delta":1e9}}', 10_000)).toEqual({ ok: false, why: 'shape' })
    expect(parseClientMessage('{"t":"act","action":{"type":"next"}}', 10_000)).toMatchObject({ ok: true })
  })

  it('takes the host’s speed-points switch only as a yes or no, and journals it', () => {
    expect(parseClientMessage('{"t":"speed","on":true}', 10_000)).toEqual({ ok: true, message: { t: 'speed', on: true } })
    expect(parseClientMessage('{"t":"speed","on":"yes"}', 10_000)).toEqual({ ok: false, why: 'shape' })
    const journal = readJournal(new TextEncoder().encode([encodeEvent({ e: 'open', at: 1, code: '4821', hostSecret: 's' }), encodeEvent({ e: 'speed', at: 2, on: true })].join('')))
    expect(journal.events.map((e) => e.e)).toEqual(['open', 'speed'])
  })

  it('rate-limits: a burst, then a steady rate', () => {
    const limiter = createRateLimiter(2, 3)
    expect([0, 0, 0, 0].map(() => limiter.take(1000))).toEqual([true, true, true, false])
    expect(limiter.take(1500)).toBe(true)
    expect(limiter.take(1500)).toBe(false)
  })
})

describe('journal file', () => {
  const open = encodeEvent({ e: 'open', at: 1, code: '1234', hostSecret: 'h' })
  const kick = encodeEvent({ e: 'kick', at: 2, playerId: 'p' })
  const bytes = (text: string) => new TextEncoder().encode(text)

  it('reads whole events', () => {
    expect(readJournal(bytes(open + kick))).toMatchObject({ events: [{ e: 'open' }, { e: 'kick' }], cutBytes: 0 })
  })

  it('cuts a torn last line at the last whole event', () => {
    const torn = open + kick + kick.slice(0, 10)
    const read = readJournal(bytes(torn))
    expect(read.events).toHaveLength(2)
    expect(read.goodBytes).toBe(bytes(open + kick).length)
    expect(read.cutBytes).toBe(10)
  })

  it('stops at garbage and at an event of an unknown kind', () => {
    expect(readJournal(bytes(`${open}\u0000\u0000garbage\n${kick}`)).events).toHaveLength(1)
    expect(readJournal(bytes(`${open}{"e":"boom","at":1}\n`)).events).toHaveLength(1)
    expect(readJournal(bytes(kick)).events).toHaveLength(0)
  })
})
