import { formatNumeral, parseNumeral } from '../content/numerals'

/**
 * Quantities worth learning: a numeral with its unit (一年, 十八岁, 六个月, 五种, 三人以上, 6名),
 * a range (三年至五年) or a fraction (三分之一以上). Ordinals (第三条) and dates (2016-2017年度) are not.
 */
export interface Quantity {
  text: string
  start: number
  end: number
  /** Value in units (0.5 for 半年); for a range, the upper end; for a fraction, its value. */
  value: number
  unit: string
  /** `以上` / `以下` / `以内`, kept on every option. */
  suffix: string
  kind: 'count' | 'range' | 'fraction'
  arabic: boolean
}

const CN = '[零〇一二三四五六七八九十百千两]+'
const NUMBER = `(?:${CN}|\\d+)`
const UNIT = '周岁|岁|个月|年|天|种|名|人|次|项|类|位|个方面'
const SUFFIX = '以上|以下|以内'
const QUANTITY = new RegExp(
  `(${CN})分之(${CN})(${SUFFIX})?` + // fraction
    `|(${NUMBER})(${UNIT})至(${NUMBER})\\5` + // range: 三年至五年
    `|(半年|${NUMBER}(${UNIT})半?)(${SUFFIX})?`, // count (一年半)
  'g',
)

function numberValue(text: string): number {
  if (text === '半') return 0.5
  if (/^\d+$/.test(text)) return Number(text)
  return parseNumeral(text)
}

/** All quantities in a sentence, left to right. */
export function findQuantities(sentence: string): Quantity[] {
  const found: Quantity[] = []
  for (const m of sentence.matchAll(QUANTITY)) {
    const start = m.index
    const end = start + m[0].length
    const before = sentence[start - 1] ?? ''
    const after = sentence[end] ?? ''
    // Ordinals, parts of larger numbers, ranges written with a dash, 年度 / 年代 …
    if (/[第\d\-—～~.]/.test(before) || /[\-—～~度代级初底]/.test(after)) continue
    if (m[1] !== undefined) {
      const value = numberValue(m[2]!) / numberValue(m[1])
      if (!Number.isFinite(value)) continue
      found.push({ text: m[0], start, end, value, unit: '', suffix: m[3] ?? '', kind: 'fraction', arabic: false })
    } else if (m[4] !== undefined) {
      const value = numberValue(m[6]!)
      if (!Number.isFinite(value)) continue
      found.push({ text: m[0], start, end, value, unit: m[5]!, suffix: '', kind: 'range', arabic: /\d/.test(m[0]) })
    } else {
      const core = m[7]!
      const unit = m[8] ?? '年'
      const digits = core === '半年' ? '半' : core.slice(0, core.length - unit.length - (core.endsWith('半') ? 1 : 0))
      let value = numberValue(digits)
      if (core.endsWith('半') && core !== '半年') value += 0.5
      if (!Number.isFinite(value)) continue
      // 一次、一名、一个 are rarely the fact a sentence is about; 一年 and 一个月 are, and so is
      // a quantity of one the sentence bounds (至少一次, 每……一次).
      const before8 = sentence.slice(Math.max(0, start - 8), start)
      const bounded = /至少$/.test(before8) || (unit === '次' && /每[^，,。]{0,6}$/.test(before8))
      if (value === 1 && !/^(年|个月|周岁|岁)$/.test(unit) && !bounded) continue
      // Calendar years (2019年) are dates, not durations.
      if (unit === '年' && value >= 1000) continue
      found.push({ text: m[0], start, end, value, unit, suffix: m[9] ?? '', kind: 'count', arabic: /\d/.test(digits) })
    }
  }
  return found
}

/** Units after which 2 is read 两 (两年, 两名), not 二. */
const MEASURE = /^(年|个月|天|种|名|人|次|项|类|位|个方面)$/

function writeNumber(value: number, unit: string, arabic: boolean): string {
  if (value === 0.5) return '半'
  const whole = Math.floor(value)
  const half = value - whole === 0.5 ? '半' : ''
  if (arabic) return `${whole}${unit}${half}`
  const numeral = whole === 2 && MEASURE.test(unit) ? '两' : formatNumeral(whole)
  return `${numeral}${unit}${half}`
}

/** Writes a quantity of the same shape with another value. */
export function formatQuantity(q: Quantity, value: number): string {
  if (q.kind === 'fraction') {
    const [num, den] = FRACTIONS.find(([n, d]) => n / d === value) ?? [1, 2]
    return `${formatNumeral(den)}分之${formatNumeral(num)}${q.suffix}`
  }
  if (value === 0.5 && q.unit === '年') return `半年${q.suffix}`
  if (q.kind === 'range') {
    const low = value - (q.value - numberValue(q.text.split('至')[0]!.replace(q.unit, '')))
    return `${writeNumber(low, q.unit, q.arabic)}至${writeNumber(value, q.unit, q.arabic)}`
  }
  return `${writeNumber(value, q.unit, q.arabic)}${q.suffix}`
}

const FRACTIONS: [number, number][] = [[1, 5], [1, 4], [1, 3], [1, 2], [2, 3], [3, 4], [4, 5]]

/**
 * Three other values around the right one, of the same unit and form, evenly spaced (a ladder a
 * printed test would use: 三年/四年/五年/六年): the right value's place on the ladder is picked
 * from the seed, so it is not always the same option.
 */
export function neighbourValues(q: Quantity, seed: number): number[] {
  let ladder: number[]
  if (q.kind === 'fraction') ladder = FRACTIONS.map(([n, d]) => n / d)
  else {
    const v = q.value
    const step = v % 1 !== 0 ? 0.5 : v >= 20 ? Math.max(1, Math.round(v / 10)) : 1
    const width = q.kind === 'range' ? q.value - numberValue(q.text.split('至')[0]!.replace(q.unit, '')) : 0
    const floor = q.kind === 'range' ? 1 + width : step
    ladder = Array.from({ length: 7 }, (_, i) => v + (i - 3) * step).filter((x) => x >= floor)
  }
  if (!ladder.includes(q.value)) ladder = [...ladder, q.value].sort((a, b) => a - b)
  const at = ladder.indexOf(q.value)
  const offset = seed % 4
  const from = Math.max(0, Math.min(at - offset, ladder.length - 4))
  return ladder.slice(from, from + 4).filter((x) => x !== q.value)
}
