import 'fake-indexeddb/auto'
import { readFileSync } from 'node:fs'
import { IDBFactory } from 'fake-indexeddb'
import { beforeEach, describe, expect, it } from 'vitest'
import { generateCards } from '@/lib/cards'
import { cardResolver, decodeFingerprint, encodeFingerprint, fingerprintOf, parseCardId, planCardMigration } from '@/lib/cards/identity'
import { cardMoves, LEGACY_BANKS } from '@/lib/cards/legacy'
import type { Card } from '@/lib/cards/types'
import type { ProgressFile } from '@/lib/storage/progressTypes'
import { restoreBackup } from '@/lib/storage/backupFile'
import { openProgressDb } from '@/lib/storage/progressDb'
import { loadManualCards } from '../../../scripts/build/cardFiles'
import { corpus } from './corpus'

const bank = generateCards(corpus, loadManualCards(corpus))
const bankIds = new Set(bank.map((c) => c.id))
/** Documents the current bank asks about: progress on any other document cannot go anywhere. */
const asked = new Set(bank.map((c) => c.docId))
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/releases/${name}`, import.meta.url), 'utf8')
const releases = [
  { name: '2026-11-26', cards: 413, backup: 'backup-2026-11-26.json' },
  { name: '2026-11-27', cards: 342, backup: 'backup-2026-11-27.json' },
]

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory()
})

describe('the released banks', () => {
  it('are all shipped, with every card', () => {
    expect(LEGACY_BANKS.map((b) => b.cards.length)).toEqual(releases.map((r) => r.cards))
    for (const b of LEGACY_BANKS) for (const line of b.cards) expect(decodeFingerprint(line), line).not.toBeNull()
  })

  it.each(releases.map((r, i) => [r.name, i] as const))('%s: every card of a document still asked has a current card of its document', (_name, i) => {
    const released = LEGACY_BANKS[i]!.cards.map((l) => decodeFingerprint(l)!)
    const resolve = cardResolver(planCardMigration(LEGACY_BANKS, bank, corpus), bank)
    const byId = new Map(bank.map((c) => [c.id, c]))
    for (const old of released.filter((fp) => asked.has(fp.docId))) {
      const to = resolve(old.id)
      expect(to, old.id).not.toBeNull()
      expect(byId.get(to!)!.docId).toBe(old.docId)
      // An id the bank still has keeps its progress where it is.
      if (bankIds.has(old.id)) expect(to).toBe(old.id)
    }
  })
})

describe('a bank change keeps the progress of its questions', () => {
  /** The next version rewrites some cards: same question, another id (a new generator's hash, a hand-written key). */
  function rewritten(cards: readonly Card[], pick: (c: Card) => boolean): Card[] {
    return cards.map((c) => (pick(c) ? { ...c, id: `${c.docId}#${c.anchor}:${c.type}:next-${c.id.split(':').at(-1)}` } : c))
  }

  it('a card asking the same with a new id takes the old one’s progress, each its own', () => {
    const released = { release: 'test', cards: bank.map((c) => encodeFingerprint(fingerprintOf(c))) }
    const next = rewritten(bank, (c) => c.type === 'cloze')
    const resolve = cardResolver(planCardMigration([released], next, corpus), next)
    for (const old of bank.filter((c) => c.type === 'cloze')) {
      expect(resolve(old.id)).toBe(`${old.docId}#${old.anchor}:cloze:next-${old.id.split(':').at(-1)}`)
    }
  })

  it('cards added by hand or for new documents move nothing', () => {
    const extra: Card = { ...bank[0]!, id: 'constitution#art-1:cloze:key-new', prompt: '新增的题目（    ）', answer: '新答案' }
    expect(cardMoves(bankIds, [...bank, extra], corpus).size).toBe(0)
  })

  it('an id of no release (a branch document from an older generator) goes to a card of its passage, the same type first', () => {
    const some = bank.find((c) => c.type === 'choice')!
    const resolve = cardResolver(new Map(), bank)
    expect(parseCardId(resolve(`${some.docId}#${some.anchor}:choice:old`)!)?.type).toBe('choice')
    expect(resolve(`${some.docId}#no-such-anchor:choice:old`)).toBeNull()
    expect(resolve('not an id')).toBeNull()
  })
})

describe('a backup from an older release keeps every review', () => {
  it.each(releases.map((r) => [r.name, r.backup] as const))('%s: imported, then moved to the current cards', async (_name, name) => {
    const text = fixture(name)
    const file = JSON.parse(text) as ProgressFile
    const reviewed = file.cardStates.filter((s) => s.reps > 0)
    expect(reviewed).toHaveLength(20)
    const repo = await openProgressDb()
    const outcome = await restoreBackup(text, { repo, sections: [], now: Date.UTC(2026, 11, 6), knownDocIds: corpus.map((d) => d.id), bundled: corpus })
    expect(outcome.ok).toBe(true)
    const imported = await repo.loadAll()
    const stranded = new Set([...imported.cardStates.map((s) => s.cardId), ...imported.reviewLogs.map((l) => l.cardId)].filter((id) => !bankIds.has(id)))
    await repo.moveCards(cardMoves(stranded, bank, corpus))
    const after = await repo.loadAll()
    // Not one review is dropped.
    expect(after.reviewLogs).toHaveLength(file.reviewLogs.length)
    const stillAsked = reviewed.filter((s) => asked.has(s.docId))
    const learned = after.cardStates.filter((s) => bankIds.has(s.cardId) && s.reps > 0)
    // Each reviewed card lands on a card of its own (the current bank has enough cards on those passages).
    expect(learned).toHaveLength(stillAsked.length)
    for (const log of after.reviewLogs.filter((l) => asked.has(l.docId))) expect(bankIds.has(log.cardId), log.cardId).toBe(true)
    // A document the bank no longer asks about (the seed article) keeps its progress as it was, in case its cards return.
    for (const s of reviewed.filter((s) => !asked.has(s.docId))) expect(after.cardStates.map((x) => x.cardId)).toContain(s.cardId)
    repo.close()
  })

  it('moving twice changes nothing, and two old cards on one new card keep the later review', async () => {
    const file = JSON.parse(fixture('backup-2026-11-26.json')) as ProgressFile
    const repo = await openProgressDb()
    const [a, b] = file.cardStates
    const target = bank[0]!.id
    await repo.replaceAll({ cardStates: [a!, b!], reviewLogs: file.reviewLogs.filter((l) => l.cardId === a!.cardId || l.cardId === b!.cardId), mistakes: [], settings: null })
    const moves = new Map([[a!.cardId, target], [b!.cardId, target]])
    expect(await repo.moveCards(moves)).toBe(2)
    expect(await repo.moveCards(moves)).toBe(0)
    const after = await repo.loadAll()
    expect(after.cardStates).toHaveLength(1)
    const later = [a!, b!].sort((x, y) => y.lastReview! - x.lastReview!)[0]!
    expect(after.cardStates[0]).toEqual({ ...later, cardId: target })
    expect(after.reviewLogs.every((l) => l.cardId === target && l.id === `${l.review}:${target}`)).toBe(true)
    repo.close()
  })
})
