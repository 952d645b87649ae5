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

/** Official names and the short forms members write for them (both sides are folded alike). */
const SHORT_FORMS: readonly [string, string][] = [
  ['中国共产党章程', '党章'],
  ['中央纪律检查委员会', '中央纪委'],
  ['纪律检查委员会', '纪委'],
  ['马克思列宁主义', '马列主义'],
  ['全国代表大会', '全国党代会'],
]

/** Words that open every item of a list (八项规定's 要, 准则's 坚持, 十不准's 不准): not required. */
const ITEM_LEAD = /^(?:要|坚持|必须|不准|不得|严禁)/

function foldShortForms(text: string): string {
  let out = text
  for (const [full, short] of SHORT_FORMS) out = out.split(normalizeAnswer(full)).join(normalizeAnswer(short))
  return out
}

function bigrams(text: string): Set<string> {
  const chars = [...text]
  const out = new Set<string>()
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!)
  return out
}

function share(wanted: ReadonlySet<string>, typed: ReadonlySet<string>): number {
  if (!wanted.size) return 0
  let n = 0
  for (const b of wanted) if (typed.has(b)) n++
  return n / wanted.size
}

/** How much of an item's wording must be there when it is not written out word for word. */
const KEY_WORDS_SHARE = 0.6

/**
 * A 列举 judged item by item as a branch secretary marks a paper: an item is right when the
 * typed text holds it (punctuation, spaces and numbering aside), without the lead every item
 * repeats (要, 坚持, 不准), by its heading alone (廉洁从政 for 廉洁从政，自觉保持人民公仆本色), in
 * common short forms (党章), or when most of its words are there including what sets it apart
 * from the list's other items (先进文化的前进方向 for 代表中国先进文化的前进方向; 选举中央纪律检查委员会
 * is still not 审查中央纪律检查委员会的报告). For an ordered list the items must come in order,
 * word for word. One flag per expected item: the interface shows partial credit item by item.
 */
export function checkItems(card: CheckableCard, response: QuizResponse): boolean[] {
  const expected = asList(card.answer)
  // Numbering the member typed (1. / （一）) stays in the text: it never stops an item being found.
  let typed = foldShortForms(asList(response).map(normalizeAnswer).join('|'))
  const wanted = expected.map((item) => foldShortForms(normalizeAnswer(item)))
  if (card.ordered) {
    let from = 0
    return wanted.map((item) => {
      const at = item ? typed.indexOf(item, from) : -1
      if (at >= 0) from = at + item.length
      return at >= 0
    })
  }
  const cores = wanted.map((item) => item.replace(ITEM_LEAD, ''))
  // The heading of a point written 廉洁从政，自觉……: its first clause, when short.
  const headings = expected.map((item) => {
    const clauses = normalizeAnswer(item.replace(/[，,；;].*$/s, '')).replace(ITEM_LEAD, '')
    return /[，,；;]/.test(item) && clauses.length >= 2 && clauses.length <= 6 ? foldShortForms(clauses) : ''
  })
  const found = wanted.map(() => false)
  // Longest items first, each cut out once found, so 严重警告 typed once does not also count as 警告.
  const order = wanted.map((_, i) => i).sort((a, b) => wanted[b]!.length - wanted[a]!.length)
  for (const pass of [wanted, cores, headings]) {
    for (const i of order) {
      const item = pass[i]
      if (found[i] || !item) continue
      const at = typed.indexOf(item)
      if (at < 0) continue
      found[i] = true
      typed = `${typed.slice(0, at)}|${typed.slice(at + item.length)}`
    }
  }
  // Key words: most of the item's character pairs, and most of those no other item has.
  const pairs = cores.map(bigrams)
  const typedPairs = bigrams(typed)
  pairs.forEach((own, i) => {
    if (found[i] || own.size < 3) return
    const others = new Set(pairs.flatMap((p, j) => (j === i ? [] : [...p])))
    const distinct = new Set([...own].filter((b) => !others.has(b)))
    found[i] = distinct.size > 0 && share(own, typedPairs) >= KEY_WORDS_SHARE && share(distinct, typedPairs) >= 0.5
  })
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
