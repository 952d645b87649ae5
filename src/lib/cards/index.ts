import type { StudyDocument } from '../content/types'
import { preparePassage } from './context'
import { buildPool } from './distractors'
import { groupEnumerationCards, passageEnumerationCards } from './generators/enumeration'
import { choiceCards, clozeCards, rankSpans, trueFalseCards } from './generators/spanCards'
import { sourceCards } from './generators/source'
import { cardProblems, questionKey } from './quality'
import type { Card } from './types'

export type { Card, CardType } from './types'
export { CARD_TYPE_LABELS } from './types'
export { cardProblems, questionKey } from './quality'
export { parseCardFile, type CardFile, type ManualCardSource } from './manual'

/** How many cards of each kind one passage may yield, so long articles do not flood the bank. */
const LIMITS = { cloze: 3, choice: 2, truefalse: 1 }

/**
 * The cards of one document — bundled or added by the branch in the browser. Pure and
 * deterministic: the same document always gives the same cards, in the same order, with the
 * same ids and option orders. Distractors come from the document itself and a built-in lexicon,
 * so a document's cards do not change when other documents are added.
 */
export function generateDocumentCards(doc: StudyDocument): Card[] {
  const contexts = doc.passages.map((p) => preparePassage(doc, p))
  const pool = buildPool(contexts)
  const docText = contexts.map((c) => c.text).join('\n')
  const cards: Card[] = []
  for (const ctx of contexts) {
    const ranked = rankSpans(ctx)
    cards.push(
      ...clozeCards(ctx, ranked, LIMITS.cloze),
      ...passageEnumerationCards(ctx),
      ...sourceCards(ctx, contexts, docText),
      ...choiceCards(ctx, ranked, pool, LIMITS.choice),
      ...trueFalseCards(ctx, ranked, pool, LIMITS.truefalse),
    )
  }
  cards.push(...groupEnumerationCards(contexts))
  return dedupe(cards.filter((c) => cardProblems(c).length === 0))
}

/** Drops later cards that repeat an id or ask the same question in the same form. */
export function dedupe(cards: readonly Card[]): Card[] {
  const ids = new Set<string>()
  const questions = new Set<string>()
  return cards.filter((card) => {
    const key = questionKey(card)
    if (ids.has(card.id) || questions.has(key)) return false
    ids.add(card.id)
    questions.add(key)
    return true
  })
}

/**
 * The card bank, in corpus order. Hand-written cards (parsed companion files) are added after
 * the generated cards of their document; they pass the same quality checks.
 */
export function generateCards(documents: readonly StudyDocument[], manual: readonly Card[] = []): Card[] {
  return dedupe(
    documents.flatMap((doc) => [...generateDocumentCards(doc), ...manual.filter((c) => c.docId === doc.id)]),
  )
}

/** Times one full generation of the bank (for the bench): milliseconds and card count. */
export function measureCardGeneration(documents: readonly StudyDocument[], runs = 5): { ms: number; cards: number } {
  let best = Infinity
  let cards = 0
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    cards = generateCards(documents).length
    best = Math.min(best, performance.now() - t0)
  }
  return { ms: best, cards }
}
