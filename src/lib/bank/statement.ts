/**
 * A bank question read as text the checks can compare with a passage: its wording reduced to what two
 * wordings of one sentence share, the text its key stands for, and the question put as one statement.
 * Linking, judging and the revision check all read a question through these.
 */
import { foldTraditional } from '../search/vocabulary'
import { halfWidth } from './questionParts'
import type { ParsedQuestion } from './types'

export type Fold = Readonly<Record<string, string>>

export const BLANK = /_{2,}|[(（][\s　]*[)）]/
/** A question asking what the text does NOT say: its key is not the passage's word. */
export const NEGATIVE = /不包括|不属于|不正确|错误的|(?:下列|以下)[^，,。]{0,12}不是/
/** 党章规定， / 根据…规定， : the paper's lead-in, not the text's wording. */
export const STEM_LEAD = /^(?:党章(?:总纲)?(?:规定|指出|明确|强调)?|根据[^，,]{0,30}(?:规定|要求)|按照[^，,]{0,30}规定)\s*[，,:：]\s*/

const LETTERS = 'ABCDEFGH'

/** Letters, digits and Han only, half-width, simplified: what two wordings of one sentence share. */
export function compact(text: string, fold: Fold): string {
  return foldTraditional(halfWidth(text), fold)
    .toLowerCase()
    .replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, '')
}

/** The overlapping character pairs of a text. */
export function pairs(text: string): Set<string> {
  const out = new Set<string>()
  for (let i = 0; i + 1 < text.length; i++) out.add(text.slice(i, i + 2))
  return out
}

/** Share of `part`'s pairs that `whole` holds. */
export function share(part: Set<string>, whole: string): number {
  if (!part.size) return 0
  let found = 0
  for (const pair of part) if (whole.includes(pair)) found++
  return found / part.size
}

/** The stem without the paper's lead-in (党章规定，). */
export function stemOf(q: ParsedQuestion): string {
  return q.stem.replace(STEM_LEAD, '')
}

/** The text a key stands for: an option's text, several options joined, a word, or the statement itself. */
export function keyText(q: ParsedQuestion): string {
  if (q.type === '单选' || q.type === '多选') return [...q.answer].map((letter) => q.options[LETTERS.indexOf(letter)] ?? '').join('、')
  if (q.type === '填空') return q.answer.split('；')[0] ?? ''
  return ''
}

/** The question as one statement: the key put into the blank. */
export function statement(q: ParsedQuestion): string {
  const stem = stemOf(q)
  if (q.type === '问答') return `${stem} ${q.answer}`
  // 不包括 / 错误的是: the key is what the text does not say; the stem alone finds the passage.
  if (NEGATIVE.test(stem)) return stem
  const key = keyText(q)
  return key && BLANK.test(stem) ? stem.replace(BLANK, key) : `${stem} ${key}`
}
