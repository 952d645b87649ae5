const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
}
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }
const DIGIT_CHARS = '零一二三四五六七八九'

/** Characters that can make up a Chinese numeral as used in 第X条 / 一、 labels. */
export const NUMERAL_CLASS = '零〇一二三四五六七八九十百千两'

/** Parses 一 … 九千九百九十九 (and plain Arabic digits); NaN when it is not a numeral. */
export function parseNumeral(text: string): number {
  if (/^\d+$/.test(text)) return Number(text)
  if (text === '') return NaN
  let total = 0
  let digit = -1
  for (const ch of text) {
    if (ch in DIGITS) {
      if (digit >= 0 && digit !== 0) return NaN // two digits in a row: 一二
      digit = DIGITS[ch]!
    } else if (ch in UNITS) {
      total += (digit < 0 ? 1 : digit) * UNITS[ch]!
      digit = -1
    } else {
      return NaN
    }
  }
  return total + (digit > 0 ? digit : 0)
}

/** Writes 1 … 9999 as a Chinese numeral the way official texts number articles (十一, 二十, 一百零五). */
export function formatNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n)
  if (n === 0) return '零'
  const parts: string[] = []
  const places: [number, string][] = [[1000, '千'], [100, '百'], [10, '十'], [1, '']]
  let pendingZero = false
  let started = false
  for (const [value, unit] of places) {
    const d = Math.floor(n / value) % 10
    if (d === 0) {
      if (started) pendingZero = true
      continue
    }
    if (pendingZero) parts.push('零')
    pendingZero = false
    // 10–19 are written 十, 十一 … not 一十一 when they stand alone.
    if (!(d === 1 && value === 10 && !started)) parts.push(DIGIT_CHARS[d]!)
    parts.push(unit)
    started = true
  }
  return parts.join('')
}

const NUMBERED_LABEL = new RegExp(`^(?:第([${NUMERAL_CLASS}\\d]+)条|([${NUMERAL_CLASS}\\d]+)、)$`)

/**
 * A numbered passage's label read: `第七条` → 七, 7, 条; `三、` → 三, 3, 项 (an item of a list of
 * points); null for any other label. Headings, citations and the cards all read labels here.
 */
export function readLabel(label: string): { numeral: string; number: number; unit: '条' | '项' } | null {
  const m = NUMBERED_LABEL.exec(label)
  if (!m) return null
  const numeral = (m[1] ?? m[2])!
  return { numeral, number: parseNumeral(numeral), unit: m[1] !== undefined ? '条' : '项' }
}
