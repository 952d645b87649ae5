/**
 * The banks a branch imported and kept: one set per file name, holding the questions the member
 * accepted in the preview. Kept in this browser (src/lib/storage/bankDb.ts) and in the backup.
 */
import type { Card } from '../cards/types'
import { hash } from '../cards/text'
import { importedQuestionCard, importedQuestionId, type ImportedQuestion } from './toCard'
import { BANK_QUESTION_TYPES, type BankQuestionType } from './types'

export interface ImportedBankSet {
  /** `bank-${hash of the file name}`: importing a file of the same name again adds to its set. */
  id: string
  fileName: string
  /** ISO times. */
  addedAt: string
  updatedAt: string
  questions: ImportedQuestion[]
}

export const importedSetId = (fileName: string): string => `bank-${hash(fileName)}`

/** Every imported card, one per question id: a question kept in two sets is studied once. */
export function importedCards(sets: readonly ImportedBankSet[]): Card[] {
  const seen = new Set<string>()
  const cards: Card[] = []
  for (const set of sets)
    for (const q of set.questions) {
      const card = importedQuestionCard(q, set.fileName)
      if (seen.has(card.id)) continue
      seen.add(card.id)
      cards.push(card)
    }
  return cards
}

/** The card ids a set brings (its questions' ids). */
export const setCardIds = (set: Pick<ImportedBankSet, 'questions'>): string[] => set.questions.map(importedQuestionId)

export interface AddedQuestions {
  /** The set to store (new, or the file's set with the new questions appended). */
  set: ImportedBankSet
  added: number
  /** Questions already kept (in this or another set): not added again. */
  already: number
}

/** Adds accepted questions to the file's set; a question any set already holds is not added twice. */
export function addToSets(sets: readonly ImportedBankSet[], fileName: string, questions: readonly ImportedQuestion[], now: Date): AddedQuestions {
  const id = importedSetId(fileName)
  const existing = sets.find((s) => s.id === id)
  const kept = new Set(sets.flatMap(setCardIds))
  const fresh: ImportedQuestion[] = []
  for (const q of questions) {
    const qid = importedQuestionId(q)
    if (kept.has(qid)) continue
    kept.add(qid)
    fresh.push(plainQuestion(q))
  }
  const stamp = now.toISOString()
  const set: ImportedBankSet = existing
    ? { ...existing, updatedAt: fresh.length ? stamp : existing.updatedAt, questions: [...existing.questions, ...fresh] }
    : { id, fileName, addedAt: stamp, updatedAt: stamp, questions: fresh }
  return { set, added: fresh.length, already: questions.length - fresh.length }
}

/** Two versions of one set (this device's and a backup's): every question of both, this device's first. */
export function mergeSets(ours: ImportedBankSet, theirs: ImportedBankSet): ImportedBankSet {
  const ids = new Set(setCardIds(ours))
  const extra = theirs.questions.filter((q) => !ids.has(importedQuestionId(q)))
  if (!extra.length) return ours
  return { ...ours, updatedAt: ours.updatedAt > theirs.updatedAt ? ours.updatedAt : theirs.updatedAt, questions: [...ours.questions, ...extra] }
}

/**
 * Sizes beyond which a stored or backed-up value is damage, not a bank. A set grows by one import after
 * another (each at most BANK_LIMITS.questions), so its own cap is larger.
 */
const MAX = { questions: 50_000, fileName: 200, stem: 5_000, option: 1_000, options: 8, answer: 10_000, clause: 50_000, ref: 200 }

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const text = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max
const LETTERS = 'ABCDEFGH'

/** A question that keeps its meaning: its key names options it has, a 判断 is 正确 or 错误. */
function plausibleKey(type: BankQuestionType, options: readonly string[], answer: string): boolean {
  const letters = LETTERS.slice(0, options.length)
  if (type === '单选') return options.length >= 2 && answer.length === 1 && letters.includes(answer)
  if (type === '多选') return options.length >= 2 && answer.length >= 1 && [...answer].every((l) => letters.includes(l)) && new Set(answer).size === answer.length
  if (type === '判断') return options.length === 0 && (answer === '正确' || answer === '错误')
  return options.length === 0 && answer.trim().length > 0
}

/** A stored or backed-up question, as a plain record in exactly this shape; null when it is not plausible. */
export function screenQuestion(value: unknown): ImportedQuestion | null {
  if (!isObject(value)) return null
  const { type, stem, options, answer, explanation, link, clause } = value
  if (!BANK_QUESTION_TYPES.includes(type as BankQuestionType) || !text(stem, MAX.stem) || !stem.trim() || !text(answer, MAX.answer)) return null
  if (!Array.isArray(options) || options.length > MAX.options || !options.every((o) => text(o, MAX.option))) return null
  if (!plausibleKey(type as BankQuestionType, options as string[], answer)) return null
  if (explanation !== undefined && !text(explanation, MAX.answer)) return null
  if (link !== null && !(isObject(link) && text(link.doc, MAX.ref) && text(link.anchor, MAX.ref) && link.doc && link.anchor)) return null
  if (clause !== null && !text(clause, MAX.clause)) return null
  return plainQuestion({
    type: type as BankQuestionType,
    stem,
    options: options as string[],
    answer,
    ...(explanation ? { explanation } : {}),
    link: link ? { doc: link.doc as string, anchor: link.anchor as string } : null,
    clause: clause as string | null,
  })
}

function plainQuestion(q: ImportedQuestion): ImportedQuestion {
  return {
    type: q.type,
    stem: q.stem,
    options: [...q.options],
    answer: q.answer,
    ...(q.explanation ? { explanation: q.explanation } : {}),
    link: q.link ? { doc: q.link.doc, anchor: q.link.anchor } : null,
    clause: q.clause,
  }
}

export interface ScreenedSet {
  set: ImportedBankSet
  /** Questions left out as implausible. */
  dropped: number
}

/**
 * A stored or backed-up set: its fields checked, its questions screened one by one (a damaged
 * question is left out, the rest kept); null when the set itself is not plausible.
 */
export function screenImportedSet(value: unknown): ScreenedSet | null {
  if (!isObject(value)) return null
  const { id, fileName, addedAt, updatedAt, questions } = value
  if (!text(fileName, MAX.fileName) || !fileName || id !== importedSetId(fileName)) return null
  if (!text(addedAt, 40) || !text(updatedAt, 40) || !Number.isFinite(Date.parse(addedAt)) || !Number.isFinite(Date.parse(updatedAt))) return null
  if (!Array.isArray(questions) || questions.length > MAX.questions) return null
  const kept = questions.map(screenQuestion).filter((q): q is ImportedQuestion => q !== null)
  return { set: { id, fileName, addedAt, updatedAt, questions: kept }, dropped: questions.length - kept.length }
}
