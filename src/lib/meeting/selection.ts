import { seededRandom, shuffleWith } from '../common/random'
import { factOf, type Card, type CardType } from '../cards/types'
import { studyOrder } from '../schedule/order'
import { DEFAULT_SECONDS, ROUND_RULES, roundOrdinal, spreadRiskPoints } from './rules'
import type { MeetingQuestion, RiskPoints, RoundKind, RoundPlan } from './types'

/** How the setup page asks for one round's questions. */
export interface RoundSpec {
  kind: RoundKind
  types: CardType[]
  count: number
  secondsPerQuestion: number
}

export function defaultRoundSpecs(teamCount: number): RoundSpec[] {
  return [
    { kind: 'required', types: ['choice', 'truefalse', 'cloze'], count: teamCount * 2, secondsPerQuestion: DEFAULT_SECONDS },
    { kind: 'buzzer', types: ['choice', 'multi', 'truefalse', 'cloze'], count: 6, secondsPerQuestion: 20 },
    { kind: 'risk', types: ['choice', 'multi', 'cloze', 'enumeration'], count: teamCount * 2, secondsPerQuestion: 45 },
  ]
}

export function roundTitle(kind: RoundKind, index: number): string {
  return `${roundOrdinal(index)} ${ROUND_RULES[kind].label}`
}

export function toMeetingQuestion(card: Card, points?: RiskPoints): MeetingQuestion {
  return {
    id: card.id,
    docId: card.docId,
    anchor: card.anchor,
    type: card.type,
    prompt: card.prompt,
    answer: Array.isArray(card.answer) ? [...card.answer] : card.answer,
    ...(card.options ? { options: [...card.options] } : {}),
    ...(card.ordered ? { ordered: true } : {}),
    source: card.source,
    heading: card.heading,
    ...(points ? { points } : {}),
  }
}

export interface SelectOptions {
  docIds: readonly string[]
  types: readonly CardType[]
  count: number
  seed: number
  /** Card ids already used elsewhere in the quiz. */
  exclude?: ReadonlySet<string>
}

/**
 * Picks `count` cards of the given documents and types at random (seeded), in the study order
 * (hand-written and headline questions first, documents and chapters in turn), never one twice.
 */
export function selectCards(cards: readonly Card[], { docIds, types, count, seed, exclude }: SelectOptions): Card[] {
  const docs = new Set(docIds)
  const kinds = new Set(types)
  const pool = cards.filter((card) => docs.has(card.docId) && kinds.has(card.type) && !exclude?.has(card.id) && !exclude?.has(card.fact))
  // One card per fact (siblings give each other away): the first drawn stands for its fact.
  const facts = new Set<string>()
  const drawn = studyOrder(shuffleWith(pool, seededRandom(seed))).filter((card) => !facts.has(factOf(card)) && facts.add(factOf(card)))
  return drawn.slice(0, Math.max(0, count))
}

/** Rounds for a quiz: each spec filled from the bank, no card used twice in the quiz. */
export function buildRounds(cards: readonly Card[], specs: readonly RoundSpec[], docIds: readonly string[], seed: number): RoundPlan[] {
  const used = new Set<string>()
  return specs.map((spec, index) => {
    const picked = selectCards(cards, { docIds, types: spec.types, count: spec.count, seed: seed + index, exclude: used })
    for (const card of picked) used.add(card.id).add(factOf(card))
    const stakes = spec.kind === 'risk' ? spreadRiskPoints(picked.length) : []
    return {
      kind: spec.kind,
      title: roundTitle(spec.kind, index),
      secondsPerQuestion: spec.secondsPerQuestion,
      questions: picked.map((card, i) => toMeetingQuestion(card, stakes[i])),
    }
  })
}

const squeeze = (text: string) => text.replace(/\s+/g, '').toLowerCase()

/** Hand-picking: cards whose prompt, source or heading contains every space-separated word. */
export function filterCards(cards: readonly Card[], query: string, limit = 30): Card[] {
  const words = query.split(/\s+/).map(squeeze).filter(Boolean)
  if (!words.length) return []
  const found: Card[] = []
  for (const card of cards) {
    const haystack = squeeze(`${card.prompt} ${card.source} ${card.heading}`)
    if (words.every((word) => haystack.includes(word))) found.push(card)
    if (found.length >= limit) break
  }
  return found
}
