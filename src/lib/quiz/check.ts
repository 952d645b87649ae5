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

/** What answer checking reads of a card; a meeting question (a snapshot of a card) has it too. */
export type CheckableCard = Pick<Card, 'type' | 'answer' | 'options' | 'ordered'>

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
export function checkAnswer(card: CheckableCard, response: QuizResponse): boolean {
  const expected = asList(card.answer)
  switch (card.type) {
    case 'choice':
    case 'truefalse':
      return typeof response === 'string' && expected.length === 1 && response === expected[0]
    case 'multi':
      return Array.isArray(response) && new Set(response).size === response.length && sameMultiset(response, expected)
    case 'enumeration':
      return checkItems(card, response).every(Boolean)
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

/**
 * A 列举 judged item by item against the reviewed item list: an item is right when the typed
 * text holds it (punctuation, spaces and numbering aside), so typing the displayed answer —
 * whose items contain 、 and ， themselves — is right, whatever separates the items. For an
 * ordered list the items must come in order. One flag per expected item.
 */
export function checkItems(card: CheckableCard, response: QuizResponse): boolean[] {
  const expected = asList(card.answer)
  // Numbering the member typed (1. / （一）) stays in the text: it never stops an item being found.
  let typed = asList(response).map(normalizeAnswer).join('|')
  const wanted = expected.map(normalizeAnswer)
  if (card.ordered) {
    let from = 0
    return wanted.map((item) => {
      const at = item ? typed.indexOf(item, from) : -1
      if (at >= 0) from = at + item.length
      return at >= 0
    })
  }
  // Longest items first, each cut out once found, so 严重警告 typed once does not also count as 警告.
  const found = wanted.map(() => false)
  for (const i of wanted.map((_, i) => i).sort((a, b) => wanted[b]!.length - wanted[a]!.length)) {
    const at = wanted[i] ? typed.indexOf(wanted[i]!) : -1
    if (at < 0) continue
    found[i] = true
    typed = `${typed.slice(0, at)}|${typed.slice(at + wanted[i]!.length)}`
  }
  return found
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
