/** Option letters across a bank: whether single-choice keys pile up on one letter, and a shuffle that spreads them. */
import { seededRandom, shuffleWith } from '../common/random'
import type { ParsedQuestion } from './types'

/** Share of single-choice keys on one letter above which the bank is called biased (chance is 25% for A–D). */
export const LETTER_BIAS_SHARE = 0.5
const LETTER_BIAS_MIN_QUESTIONS = 8
const LETTER_ORDER = 'ABCDEFGH'

/** The letter that holds more than LETTER_BIAS_SHARE of single-choice keys, if the bank is large enough to tell. */
export function biasedLetter(questions: readonly ParsedQuestion[]): { letter: string; share: number } | null {
  const single = questions.filter((q) => q.type === '单选')
  if (single.length < LETTER_BIAS_MIN_QUESTIONS) return null
  const counts = new Map<string, number>()
  for (const q of single) counts.set(q.answer, (counts.get(q.answer) ?? 0) + 1)
  const [letter, count] = [...counts].sort((a, b) => b[1] - a[1])[0]!
  const ratio = count / single.length
  return ratio > LETTER_BIAS_SHARE ? { letter, share: ratio } : null
}

/**
 * The bank with its options reordered so single-choice keys spread evenly over the letters (seeded:
 * the same bank and seed give the same order); each key follows its option. Other questions keep theirs.
 */
export function shuffleBank<Q extends ParsedQuestion>(questions: readonly Q[], seed: number): Q[] {
  const next = seededRandom(seed)
  let turn = Math.floor(next() * 8)
  return questions.map((q) => {
    if (q.type !== '单选' || q.options.length < 2) return q
    const size = q.options.length
    const key = LETTER_ORDER.indexOf(q.answer)
    const target = turn++ % size
    const others = shuffleWith(q.options.map((_, i) => i).filter((i) => i !== key), next)
    const order = [...others.slice(0, target), key, ...others.slice(target)]
    return { ...q, options: order.map((i) => q.options[i]!), answer: LETTER_ORDER[target]! }
  })
}
