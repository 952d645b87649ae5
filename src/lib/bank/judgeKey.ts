/**
 * Judges a question's key against the passage it is linked to: whether the passage says the key, says
 * another option or word in the blank's place, or says nothing there.
 */
import { BLANK, compact, type Fold, keyText, NEGATIVE, stemOf } from './statement'
import type { BankFlag, ParsedQuestion } from './types'

export interface KeyVerdict {
  flag: BankFlag
  note: string
}

const LETTERS = 'ABCDEFGH'

/** Strips measure words and particles the papers drop (三至五 for 三年至五年, 发展规律 for 发展的规律). */
const loose = (text: string) => text.replace(/[年个名次届的]/g, '')

/** Whether `span` says `key`: holds it, or holds its characters in order with at most two more. */
function says(span: string, key: string): boolean {
  const a = loose(span)
  const b = loose(key)
  if (!b) return false
  if (a.includes(b)) return true
  let at = 0
  for (const ch of b) {
    at = a.indexOf(ch, at) + 1
    if (!at) return false
  }
  return at - b.length <= 2
}

/** Share of the key's characters the text holds at the same places (行为准则 / 行为规则: 3 of 4). */
function sameShape(text: string, key: string): number {
  let same = 0
  for (let i = 0; i < key.length; i++) if (text[i] === key[i]) same++
  return key.length ? same / key.length : 0
}

/**
 * Whether the linked passage states the key, states another option or word, or states nothing in the
 * blank's place: found by the words just before the blank, and after it when the passage has them too.
 * `passage` is compacted as the question is.
 */
export function judgeKey(q: ParsedQuestion, passage: string, fold: Fold): KeyVerdict | null {
  if (NEGATIVE.test(q.stem)) return null
  if (q.type === '判断') {
    const said = compact(stemOf(q), fold)
    if (q.answer === '错误' && said.length >= 12 && passage.includes(said)) return { flag: 'key-contradicts-text', note: '原文正是这样表述的，答案却为“错误”。' }
    return null
  }
  if (q.type !== '单选' && q.type !== '填空') return null
  const stem = stemOf(q)
  const blank = BLANK.exec(stem)
  if (!blank || BLANK.test(stem.slice(blank.index + blank[0].length))) return null
  const before = compact(stem.slice(0, blank.index), fold)
  const after = compact(stem.slice(blank.index + blank[0].length), fold)
  const key = compact(keyText(q), fold)
  const options = q.options.map((option) => compact(option, fold))
  if (!key) return null
  const longest = Math.max(key.length, ...options.map((option) => option.length))
  let verdict: KeyVerdict | null = null
  for (const size of [8, 6, 4]) {
    const left = before.slice(-size)
    if (left.length < Math.min(size, 2)) continue
    // The words before the blank may stand in the passage more than once: any place that says the key clears it.
    for (let at = passage.indexOf(left); at >= 0; at = passage.indexOf(left, at + 1)) {
      const rest = passage.slice(at + left.length, at + left.length + longest + 12)
      if (loose(rest).startsWith(loose(key))) return null
      const place = placeVerdict(rest, after, key, options, longest)
      if (place === 'agrees') return null
      verdict ??= place
    }
    if (verdict) return verdict
  }
  return null
}

/** What one place of the passage says in the blank's place, against the key. */
function placeVerdict(rest: string, after: string, key: string, options: readonly string[], longest: number): KeyVerdict | 'agrees' | null {
  const otherOption = (text: string, whole: boolean) =>
    options.findIndex((option) => option && option !== key && (whole ? says(text, option) : loose(text).startsWith(loose(option))))
  let end = -1
  for (const rightSize of [4, 3, 2]) {
    const right = after.slice(0, rightSize)
    if (!after || right.length < Math.min(rightSize, after.length)) continue
    end = rest.slice(0, longest + 6).indexOf(right)
    if (end >= 0) break
  }
  if (end >= 0) {
    // The passage holds the words on both sides: what stands between them is what it says.
    const span = rest.slice(0, end)
    if (says(span, key)) return 'agrees'
    if (!span) return { flag: 'not-in-texts', note: '原文在此处没有相应的词，答案无法从原文得到印证。' }
    const other = otherOption(span, true)
    if (other >= 0) return { flag: 'key-contradicts-text', note: `原文为“${span}”，对应选项 ${LETTERS[other]}。` }
    return span.length <= 12 ? { flag: 'key-contradicts-text', note: `原文为“${span}”。` } : null
  }
  // Only the words before the blank: the passage goes on with the key, another option, or a near word.
  if (says(rest.slice(0, key.length + 8), key)) return 'agrees'
  const other = otherOption(rest, false)
  if (other >= 0) return { flag: 'key-contradicts-text', note: `原文为“${rest.slice(0, options[other]!.length)}”，对应选项 ${LETTERS[other]}。` }
  const near = rest.slice(0, key.length)
  if (key.length >= 2 && sameShape(near, key) >= 0.5) return { flag: 'key-contradicts-text', note: `原文为“${near}”。` }
  return null
}
