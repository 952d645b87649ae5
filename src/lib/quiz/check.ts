import type { Card } from '../cards/types'
import { formatNumeral } from '../content/numerals'
import type { QuizResponse } from './types'

const PUNCTUATION_OR_SPACE = /[\p{P}\p{S}\p{Z}\s]/gu
const DIGITS = /\d{1,4}/g

/**
 * The comparable form of a typed answer: full-width folded to half-width (NFKC), lower case,
 * no spaces or punctuation, Arabic numbers as Chinese numerals (18 → 十八), so 「十八周岁。」 = "18周岁".
 */
export function normalizeAnswer(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(PUNCTUATION_OR_SPACE, '')
    .replace(DIGITS, (digits) => formatNumeral(Number(digits)))
}

/** Splits one typed list (、，,；; spaces or new lines) into its items. */
export function splitItems(text: string): string[] {
  return text
    .split(/[、，,；;\s]+/u)
    .map((item) => item.trim())
    .filter(Boolean)
}

function asList(value: QuizResponse): string[] {
  return Array.isArray(value) ? value : [value]
}

function sameMultiset(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false
  const sortedA = [...a].sort()
  const sortedB = [...b].sort()
  return sortedA.every((item, i) => item === sortedB[i])
}

/** Whether a response answers the card: exact for choices, normalised text for typed answers. */
export function checkAnswer(card: Card, response: QuizResponse): boolean {
  const expected = asList(card.answer)
  switch (card.type) {
    case 'choice':
    case 'truefalse':
      return typeof response === 'string' && expected.length === 1 && response === expected[0]
    case 'multi':
      return Array.isArray(response) && new Set(response).size === response.length && sameMultiset(response, expected)
    case 'enumeration': {
      const given = asList(response).flatMap(splitItems).map(normalizeAnswer).filter(Boolean)
      const wanted = expected.map(normalizeAnswer)
      return card.ordered ? given.length === wanted.length && given.every((item, i) => item === wanted[i]) : sameMultiset(given, wanted)
    }
    case 'cloze':
    case 'source':
    default: {
      if (card.options?.length) return typeof response === 'string' && response === expected[0]
      const given = asList(response).map(normalizeAnswer)
      const wanted = expected.map(normalizeAnswer)
      return given.length === wanted.length && given.every((item, i) => item !== '' && item === wanted[i])
    }
  }
}

/** A response or answer as one line for the 错题本 and the result list. */
export function formatResponse(value: QuizResponse): string {
  const list = asList(value).filter((item) => item.trim() !== '')
  return list.length ? list.join('、') : '（未作答）'
}

/** Whether the user gave anything at all (an empty answer is allowed but counts as wrong). */
export function isAnswered(value: QuizResponse | undefined): boolean {
  return value !== undefined && asList(value).some((item) => item.trim() !== '')
}
