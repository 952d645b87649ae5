import { BLANK } from './text'
import type { Card } from './types'

/** A fact group this large asks several things of one long sentence (八项规定's points). */
const BROAD = 3
/** Clauses are joined until a unit holds this many characters (a unit is one thing to remember). */
const UNIT_CHARS = 16

/**
 * The units of a passage a question can be about: its sentences, a long sentence cut at ； and
 * then into runs of clauses (要改进调查研究，到基层调研要深入了解真实情况 | 总结经验、研究问题…).
 */
export function factUnits(source: string): string[] {
  const units: string[] = []
  for (const piece of source.split(/[。！？；;\n]/)) {
    const text = piece.trim()
    if (!text) continue
    if (text.length <= UNIT_CHARS * 2) {
      units.push(text)
      continue
    }
    let run = ''
    for (const clause of text.split(/[，,：:]/)) {
      run += (run ? '，' : '') + clause
      if (run.length >= UNIT_CHARS) (units.push(run), (run = ''))
    }
    if (run) units.length && run.length < UNIT_CHARS / 2 ? (units[units.length - 1] += `，${run}`) : units.push(run)
  }
  return units
}

/** What a card's answer shows: its answer, or for a 判断 the wording it tests. */
function answersOf(card: Card): string[] {
  if (card.type === 'truefalse') return card.original ? [card.original] : []
  return [card.answer].flat()
}

function bigrams(text: string): string[] {
  const chars = [...text.replace(/[\p{P}\s]/gu, '')]
  return chars.slice(1).map((c, i) => chars[i]! + c)
}

/** The unit a card asks about: the one sharing most character pairs with its question and answer. */
function unitOf(card: Card, units: readonly string[]): number {
  const probe = new Set(bigrams(`${card.prompt.replace(BLANK, '')}${[card.answer].flat().join('')}${card.original ?? ''}`))
  let best = 0
  let bestScore = -1
  units.forEach((unit, i) => {
    const score = bigrams(unit).filter((b) => probe.has(b)).length
    if (score > bestScore) (best = i), (bestScore = score)
  })
  return best
}

/**
 * Splits over-broad facts: when many cards share one fact (a long sentence of many clauses), each
 * card's fact becomes the clause run it asks about, so a quiz or a paper may draw a card per
 * clause instead of one per sentence. Siblings on one clause (a 填空, a 单选 and a 判断 on 十八岁)
 * still share a fact. Card ids are untouched.
 */
export function splitBroadFacts(cards: readonly Card[]): Card[] {
  const groups = new Map<string, Card[]>()
  for (const card of cards) groups.set(card.fact, [...(groups.get(card.fact) ?? []), card])
  const refined = new Map<string, string>()
  for (const [fact, group] of groups) {
    if (group.length < BROAD) continue
    const units = factUnits(group[0]!.source)
    if (units.length < 2) continue
    const at = group.map((card) => unitOf(card, units))
    // Two cards where one's question shows the other's answer stay one fact, whatever their units.
    const root = (u: number): number => (parent.get(u) === undefined || parent.get(u) === u ? u : root(parent.get(u)!))
    const parent = new Map<number, number>()
    group.forEach((a, i) =>
      group.forEach((b, j) => {
        if (i !== j && answersOf(b).some((answer) => answer.length >= 2 && a.prompt.includes(answer))) parent.set(root(at[i]!), root(at[j]!))
      }),
    )
    const merged = at.map(root)
    if (new Set(merged).size < 2) continue
    group.forEach((card, i) => refined.set(card.id, `${fact}/${merged[i]}`))
  }
  return cards.map((card) => (refined.has(card.id) ? { ...card, fact: refined.get(card.id)! } : card))
}
