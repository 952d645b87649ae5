import { formatNumeral } from '../content/numerals'

/**
 * Normalised text plus, for every normalised code unit, the span of the original
 * text it came from — so matches found in normalised text can be highlighted in the original.
 */
export interface NormalizedText {
  text: string
  starts: number[]
  ends: number[]
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
/**
 * 第7条 and 第七条, 18岁 and 十八岁 must meet: Arabic numbers in structural labels, and small numbers
 * before a measure word, are written as Chinese numerals. Years (2019年) stay digits: four digits never match.
 */
const LABEL_NUMBER = /第(\d{1,4})(?=[条章节编款项])|(?<![\d.])(\d{1,3})(?=[岁个条项名人次届种天倍周年月])/g
const HAS_DIGIT = /\d/

/** NFKC + lowercase per code point, with 第N条 → 第X条; the same rule serves index and query. */
export function normalizeWithMap(input: string): NormalizedText {
  const source = input.replace(LONE_SURROGATE, '\uFFFD')
  let text = ''
  const starts: number[] = []
  const ends: number[] = []
  let offset = 0
  for (const ch of source) {
    const out = ch.normalize('NFKC').toLowerCase()
    for (let i = 0; i < out.length; i++) {
      starts.push(offset)
      ends.push(offset + ch.length)
    }
    text += out
    offset += ch.length
  }
  if (!HAS_DIGIT.test(text)) return { text, starts, ends }
  // Rewrite 第N… labels, mapping every produced numeral character to the digits it replaces.
  let rewritten = ''
  const newStarts: number[] = []
  const newEnds: number[] = []
  let last = 0
  for (const m of text.matchAll(LABEL_NUMBER)) {
    const digits = (m[1] ?? m[2])!
    const digitsAt = m.index + m[0].length - digits.length
    for (let i = last; i < digitsAt; i++) {
      newStarts.push(starts[i]!)
      newEnds.push(ends[i]!)
    }
    rewritten += text.slice(last, digitsAt)
    const numeral = formatNumeral(Number(digits))
    for (let i = 0; i < numeral.length; i++) {
      newStarts.push(starts[digitsAt]!)
      newEnds.push(ends[digitsAt + digits.length - 1]!)
    }
    rewritten += numeral
    last = digitsAt + digits.length
  }
  for (let i = last; i < text.length; i++) {
    newStarts.push(starts[i]!)
    newEnds.push(ends[i]!)
  }
  rewritten += text.slice(last)
  return { text: rewritten, starts: newStarts, ends: newEnds }
}

/**
 * The same normalisation without the offset map, for the index and the query (hot paths).
 * Whole-string NFKC equals per-character NFKC for the texts we hold (no combining sequences
 * in Chinese study texts); the unit tests hold the two to the same output.
 */
export function normalize(input: string): string {
  const text = input.replace(LONE_SURROGATE, '\uFFFD').normalize('NFKC').toLowerCase()
  return HAS_DIGIT.test(text)
    ? text.replace(LABEL_NUMBER, (match: string, label?: string, count?: string) =>
        label ? `第${formatNumeral(Number(label))}` : formatNumeral(Number(count)),
      )
    : text
}

/** A run of Han characters, or a run of other letters and digits (Latin words, numbers). */
export const TOKEN_RUN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu
