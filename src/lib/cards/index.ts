import type { StudyDocument } from '../content/types'
import { preparePassage } from './context'
import { groupEnumerationCards, passageEnumerationCards } from './generators/enumeration'
import { choiceCards, clozeCards, rankSpans, trueFalseCards } from './generators/spanCards'
import { ruleListCards } from './generators/ruleList'
import { topicCards } from './generators/topic'
import { CARD_RULES, conflictingDuplicates } from './lint'
import { splitBroadFacts } from './facts'
import { cardProblems, questionKey } from './quality'
import { findQuantities } from './numbers'
import { BLANK, hash } from './text'
import type { Card } from './types'

export type { Card, CardType } from './types'
export { CARD_TYPE_LABELS } from './types'
export { cardProblems, questionKey } from './quality'
export { parseCardFile, type CardFile, type ManualCardSource } from './manual'
export { noCardsReason } from './generators/ruleList'

/** How many cards of each kind one passage may yield, so long articles do not flood the bank. */
const LIMITS = { cloze: 3, choice: 2, truefalse: 1 }

/**
 * The cards of one document — bundled or added by the branch in the browser. Pure and
 * deterministic: the same document always gives the same cards, in the same order, with the
 * same ids and option orders. Distractors come from the document itself and a built-in lexicon,
 * so a document's cards do not change when other documents are added.
 */
export function generateDocumentCards(doc: StudyDocument): Card[] {
  const drafts = draftDocumentCards(doc)
  const conflicting = new Set(conflictingDuplicates(drafts))
  const fine = drafts.filter((c) => cardProblems(c).length === 0 && !conflicting.has(c.id) && !CARD_RULES.some((r) => r.test(c)))
  return capRepeatedAnswers(dedupe(fine))
}

/** How many generated cards of one document may share a term as answer (总纲 says “三个代表” seven times). */
const SAME_ANSWER_LIMIT = 2

/**
 * Keeps the first few cards per answered term, so one phrase does not fill a paper. Numbers are
 * exempt (五年 as the term of the Central Committee and of a provincial committee are two facts),
 * and so is a passage's only 填空 or 单选.
 */
function capRepeatedAnswers(cards: readonly Card[]): Card[] {
  const perPassage = new Map<string, number>()
  for (const c of cards) if (c.type === 'cloze' || c.type === 'choice') perPassage.set(c.anchor, (perPassage.get(c.anchor) ?? 0) + 1)
  const seen = new Map<string, number>()
  return cards.filter((card) => {
    if (card.type === 'truefalse' || Array.isArray(card.answer) || perPassage.get(card.anchor) === 1) return true
    const key = card.answer
    if (findQuantities(key).some((q) => q.text === key)) return true
    const n = (seen.get(key) ?? 0) + 1
    seen.set(key, n)
    if (n > SAME_ANSWER_LIMIT) perPassage.set(card.anchor, perPassage.get(card.anchor)! - 1)
    return n <= SAME_ANSWER_LIMIT
  })
}

/**
 * Every card the generators propose for a document, before the quality checks and the lint drop
 * what a secretary would not print (the bench reports what each rule drops here).
 */
export function draftDocumentCards(doc: StudyDocument): Card[] {
  // A report (the seed article) tells a branch's story: its sentences are figures, names and
  // awards, not rules to learn, so only its hand-written cards are asked.
  if (doc.kind === 'article') return []
  const all = doc.passages.map((p) => preparePassage(doc, p))
  // A branch document's title line (支部党员日常管理“五不准”) is not a rule: no card asks it.
  const contexts = doc.kind === 'local' ? all.filter((c) => c.passage.label || /[。；！？]/.test(c.text)) : all
  const cards: Card[] = []
  const glossary = doc.kind === 'glossary'
  const seenHeadings = new Set<string>()
  for (const ctx of contexts) {
    if (glossary) {
      // Only an entry's first paragraph (its definition), labelled 释义: the rest is the app's own prose.
      const key = ctx.passage.path.map((h) => h.anchor).join('/')
      if (seenHeadings.has(key)) continue
      seenHeadings.add(key)
      const ranked = rankSpans(ctx).filter((c) => c.sentence.index === 0)
      // Never the defined term itself: its definition names it (围绕一个主题……的一天 → 主题党日;
      // 严以……、……要实 → 三严三实), so only the facts inside a definition are asked.
      const defs = [...clozeCards(ctx, ranked, 1), ...choiceCards(ctx, ranked, 1)].filter((c) => !c.prompt.startsWith(BLANK))
      for (const card of defs) card.label = '释义'
      cards.push(...defs)
      continue
    }
    const ranked = rankSpans(ctx)
    cards.push(
      ...clozeCards(ctx, ranked, LIMITS.cloze),
      ...passageEnumerationCards(ctx),
      ...topicCards(ctx, contexts),
      ...choiceCards(ctx, ranked, LIMITS.choice),
      ...trueFalseCards(ctx, ranked, LIMITS.truefalse),
    )
  }
  if (doc.kind === 'local') {
    // A branch's rule list is asked as a rule list; its generic 列举 would ask the same list again.
    const rules = ruleListCards(contexts)
    const listed = new Set(rules.filter((c) => c.type === 'enumeration').map((c) => c.anchor))
    cards.push(...groupEnumerationCards(contexts).filter((c) => !listed.has(c.anchor)), ...rules)
    return cards
  }
  cards.push(...groupEnumerationCards(contexts))
  return cards
}

/**
 * Keeps 正确 near half of the 判断 (always answering 正确 must not pass a quiz): generated true
 * statements beyond the false ones (plus a tenth) are dropped, the same ones every time (by id).
 */
export function balanceVerdicts(cards: readonly Card[]): Card[] {
  const judged = cards.filter((c) => c.type === 'truefalse')
  const falseCount = judged.filter((c) => c.answer === '错误').length
  const manualTrue = judged.filter((c) => c.answer === '正确' && c.origin === 'manual').length
  // A branch's own rule list has no faithful false statement to offer (nothing to swap in a
  // 不准…… item), so its true items stay; they are a small share of any quiz.
  const trues = judged.filter((c) => c.answer === '正确' && c.origin === 'generated' && !c.docId.startsWith('local')).sort((a, b) => (hash(a.id) < hash(b.id) ? -1 : 1))
  const keep = Math.max(0, Math.ceil(falseCount * 1.1) - manualTrue)
  const dropped = new Set(trues.slice(keep).map((c) => c.id))
  return cards.filter((c) => !dropped.has(c.id))
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
  // A hand-written card replaces a generated one of the same type on the same fact, or asking
  // the same question (reviewed list answers replace the generated 列举).
  const written = new Set([...manual.map((c) => `${c.type}\u0000${c.fact}`), ...manual.map(questionKey), ...manual.filter(recalls).map(blankKey)])
  const repeats = (c: Card) => written.has(`${c.type}\u0000${c.fact}`) || written.has(questionKey(c)) || (asksABlank(c) && written.has(blankKey(c)))
  return splitBroadFacts(
    dedupe(
      balanceVerdicts(
        documents.flatMap((doc) => [
          ...generateDocumentCards(doc).filter((c) => !repeats(c)),
          ...manual.filter((c) => c.docId === doc.id),
        ]),
      ),
    ),
  )
}

/**
 * A generated 填空, 单选 or 判断 asks the same blank as a hand-written card of another type on the
 * same fact (年满（十八岁） beside 须年满多少岁？): it only repeats it. A 列举 (recall of the whole
 * list) and a 哪一方面 question (the other direction) ask more, and stay.
 */
function asksABlank(card: Card): boolean {
  return (card.type === 'cloze' || card.type === 'choice' || card.type === 'truefalse') && !card.generator.endsWith(':topic')
}

/** A hand-written 填空 or 单选 recalls its blank; a hand-written 判断 only shows it (a generated 填空 still asks more). */
function recalls(card: Card): boolean {
  return card.type === 'cloze' || card.type === 'choice'
}

function blankKey(card: Card): string {
  const tested = card.type === 'truefalse' ? card.original : card.answer
  return `${card.fact}\u0000${[tested ?? ''].flat().join('、')}`
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
