import { hash, sentenceAbout } from './text'
import type { Card, CardType } from './types'

/**
 * A card's identity across versions of the bank.
 *
 * An id is `${docId}#${anchor}:${type}:${hash}`, the hash taken from what the card asks (the tested
 * span and its sentence, or a hand-written card's `key`), never from its position: a new card gets
 * its id by itself, and an unchanged question keeps it. But generators improve and hand-written
 * cards replace generated ones, so a released bank's ids do not all survive. Each release's bank is
 * kept as a small table of fingerprints (`src/lib/cards/legacy/*.json`, written by
 * `scripts/legacy-bank.ts`), and a member's progress on an id the bank no longer has moves to the
 * current card that asks the same — or, failing that, the nearest — question (planCardMigration).
 */
export interface CardFingerprint {
  id: string
  docId: string
  anchor: string
  type: CardType
  /** The answer, punctuation-blind. */
  answer: string
  /** The passage sentence the card is about, punctuation-blind. */
  sentence: string
}

/** A released bank: `"id answerKey sentenceKey"` per card, in bank order. */
export interface LegacyBank {
  release: string
  cards: string[]
}

const key = (text: string) => hash(text.replace(/[\p{P}\p{S}\s]/gu, '')).slice(0, 7)

/** `constitution#art-3:cloze:abc` → its document, anchor and type; null for anything else. */
export function parseCardId(id: string): Pick<CardFingerprint, 'docId' | 'anchor' | 'type'> | null {
  const m = /^(.+)#([^#:]+):([a-z]+):[^:]+$/.exec(id)
  return m ? { docId: m[1]!, anchor: m[2]!, type: m[3] as CardType } : null
}

type Askable = Pick<Card, 'id' | 'docId' | 'anchor' | 'type' | 'prompt' | 'answer' | 'source'>

export function fingerprintOf(card: Askable): CardFingerprint {
  const answer = [card.answer].flat().join('、')
  return {
    id: card.id,
    docId: card.docId,
    anchor: card.anchor,
    type: card.type,
    answer: key(answer),
    sentence: key(sentenceAbout(card.source, `${card.prompt}${answer}`)),
  }
}

export function encodeFingerprint(fp: CardFingerprint): string {
  return `${fp.id} ${fp.answer} ${fp.sentence}`
}

export function decodeFingerprint(line: string): CardFingerprint | null {
  const [id = '', answer = '', sentence = ''] = line.split(' ')
  const parsed = parseCardId(id)
  return parsed ? { id, ...parsed, answer, sentence } : null
}

/** How closely a current card asks what an old one asked; the first that holds wins. */
const TIERS: ((old: CardFingerprint, now: CardFingerprint) => boolean)[] = [
  (o, n) => o.type === n.type && o.answer === n.answer,
  (o, n) => o.answer === n.answer,
  (o, n) => o.type === n.type && o.sentence === n.sentence,
  (o, n) => o.sentence === n.sentence,
  (o, n) => o.type === n.type,
  () => true,
]

/** The passages of a document in reading order (only anchors are needed). */
export interface AnchorOrder {
  id: string
  passages: readonly { anchor: string }[]
}

/**
 * Old id → current id, for every id of the released banks that the current bank no longer has
 * (and whose document it still has). Deterministic — the same on every device, so a backup made
 * after the move and one made before it merge into the same cards. Within one released bank, old
 * cards take distinct current cards while any are left (a closer match first, then bank order):
 * the member keeps as many learned cards as the current bank allows.
 */
export function planCardMigration(legacy: readonly LegacyBank[], cards: readonly Askable[], documents: readonly AnchorOrder[]): Map<string, string> {
  const current = new Set(cards.map((c) => c.id))
  const byPassage = new Map<string, CardFingerprint[]>()
  const byDoc = new Map<string, CardFingerprint[]>()
  for (const card of cards) {
    const fp = fingerprintOf(card)
    push(byPassage, `${card.docId}#${card.anchor}`, fp)
    push(byDoc, card.docId, fp)
  }
  const order = new Map(documents.map((d) => [d.id, new Map(d.passages.map((p, i) => [p.anchor, i]))]))
  /** Cards of the nearest passage that has cards, when the old passage has none left. */
  const nearest = (old: CardFingerprint): CardFingerprint[] => {
    const positions = order.get(old.docId)
    const all = byDoc.get(old.docId) ?? []
    const at = positions?.get(old.anchor)
    if (!positions || at === undefined) return all
    const distance = (fp: CardFingerprint) => Math.abs((positions.get(fp.anchor) ?? Infinity) - at)
    const best = Math.min(...all.map(distance))
    return all.filter((fp) => distance(fp) === best)
  }

  const plan = new Map<string, string>()
  // Newest release first: an id two releases share is placed as the newer one places it.
  for (const bank of [...legacy].reverse()) {
    const olds = bank.cards.map(decodeFingerprint).filter((fp): fp is CardFingerprint => !!fp && byDoc.has(fp.docId))
    const claimed = new Set<string>()
    const placed = new Map<string, string>()
    for (const fp of olds) if (current.has(fp.id)) placed.set(fp.id, fp.id), claimed.add(fp.id)
    const candidates = (fp: CardFingerprint) => {
      const here = byPassage.get(`${fp.docId}#${fp.anchor}`)
      return here ? TIERS.map((fits) => here.filter((n) => fits(fp, n))) : [nearest(fp)]
    }
    const open = olds.filter((fp) => !placed.has(fp.id))
    const choices = new Map(open.map((fp) => [fp.id, candidates(fp)]))
    const rounds = Math.max(...open.map((fp) => choices.get(fp.id)!.length), 0)
    for (let tier = 0; tier < rounds; tier++) {
      for (const fp of open) {
        if (placed.has(fp.id)) continue
        const free = choices.get(fp.id)![tier]?.find((n) => !claimed.has(n.id))
        if (free) placed.set(fp.id, free.id), claimed.add(free.id)
      }
    }
    // More old cards than current ones: the rest share the closest card.
    for (const fp of open) {
      const closest = choices.get(fp.id)!.find((list) => list.length)?.[0]
      if (!placed.has(fp.id) && closest) placed.set(fp.id, closest.id)
    }
    for (const [from, to] of placed) if (from !== to && !plan.has(from)) plan.set(from, to)
  }
  return plan
}

/**
 * Where the progress of an id belongs in the current bank: itself when the bank has it, the plan's
 * card for a released id, and for another id (a branch document's card from an older generator) a
 * card of the same type on the same passage, else any card on it; null when nothing fits.
 */
export function cardResolver(plan: ReadonlyMap<string, string>, cards: readonly Pick<Card, 'id' | 'docId' | 'anchor' | 'type'>[]): (id: string) => string | null {
  const current = new Set(cards.map((c) => c.id))
  const byPassage = new Map<string, Pick<Card, 'id' | 'type'>[]>()
  for (const card of cards) push(byPassage, `${card.docId}#${card.anchor}`, card)
  return (id) => {
    if (current.has(id)) return id
    const planned = plan.get(id)
    if (planned) return planned
    const parsed = parseCardId(id)
    const here = parsed ? byPassage.get(`${parsed.docId}#${parsed.anchor}`) : undefined
    if (!parsed || !here) return null
    return (here.find((c) => c.type === parsed.type) ?? here[0]!).id
  }
}

function push<K, V>(map: Map<K, V[]>, k: K, v: V) {
  const list = map.get(k)
  if (list) list.push(v)
  else map.set(k, [v])
}
