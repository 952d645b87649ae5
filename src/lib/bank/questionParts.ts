/**
 * What every reader of a bank shares, text or sheet: the forms of keys and types the papers write, options
 * written on one line, and the question a set of parts makes (or the Chinese reason it cannot make one).
 */
import type { BankQuestionType, ParsedQuestion } from './types'

/** Full-width ASCII to half-width, one code unit for one, so positions in both strings agree. */
export function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ')
}

export const LETTERS = 'ABCDEFGH'
const TRUE_WORDS = new Set(['√', '✓', '✔', '对', '正确', '是', 'T', 'TRUE', 'Y'])
const FALSE_WORDS = new Set(['×', 'X', '✗', '✘', '错', '错误', '否', 'F', 'FALSE', 'N'])

/** 正确 / 错误 for the ways papers write a 判断 key, or null. */
export function judgementOf(raw: string): '正确' | '错误' | null {
  const key = raw.trim().toUpperCase()
  if (TRUE_WORDS.has(key)) return '正确'
  if (FALSE_WORDS.has(key)) return '错误'
  return null
}

const SECTION_TYPES: [RegExp, BankQuestionType][] = [
  [/多项选择|多选|不定项/, '多选'],
  [/单项选择|单选|选择题/, '单选'],
  [/判断|是非/, '判断'],
  [/填空/, '填空'],
  [/简答|问答|论述|应知应会/, '问答'],
]
/** What a question is made from, however the file wrote it (text lines or sheet cells). */
export interface QuestionParts {
  n: number
  line: number
  stem: string
  options: string[]
  /** Raw key as found: letters, a judgement word, or text. */
  key: string | null
  /** The type the paper declares (section header or 题型 column), if any. */
  section: BankQuestionType | null
  explanation?: string
}

/** The type a 题型 cell or a section header names. */
export function typeNamed(text: string): BankQuestionType | null {
  return SECTION_TYPES.find(([pattern]) => pattern.test(text))?.[1] ?? null
}

/** Splits "A.53B.50C.58" or "A.主要问题 B.基本矛盾 C.主要矛盾" into options, when the letters run A, B, C… */
export function splitOptions(text: string, first = 'A', least = 2): { before: string; options: string[]; letters: string[] } | null {
  const marks: { at: number; end: number; letter: string }[] = []
  let want = LETTERS.indexOf(first)
  const pattern = /(?<![A-Za-z])([A-H])\s*[.、:]\s*/g
  for (const m of text.matchAll(pattern)) {
    if (m[1] !== LETTERS[want]) continue
    marks.push({ at: m.index, end: m.index + m[0].length, letter: m[1]! })
    want++
  }
  if (marks.length < least) return null
  const options = marks.map((mark, i) => text.slice(mark.end, marks[i + 1]?.at ?? text.length).trim())
  return { before: text.slice(0, marks[0]!.at).trim(), options, letters: marks.map((m) => m.letter) }
}

/** A blank in a stem as the readers see it (half-width brackets, or full-width ones a whole line kept). */
export const BLANK = /_{2,}|\(\s*\)|（\s*）/

/** The question the parts make, or the reason (Chinese) they cannot make one. */
export function finish(d: QuestionParts): ParsedQuestion | string {
  const label = `第 ${d.n} 题`
  const stem = d.stem.trim()
  if (!stem) return `${label}没有题干。`
  const key = d.key?.trim() ?? ''
  const base = { n: d.n, line: d.line, stem: fullWidthPunctuation(stem), ...(d.explanation?.trim() ? { explanation: d.explanation.trim() } : {}) }
  if (d.options.length) {
    if (d.options.some((o) => !o)) return `${label}有空选项（可能被截断），未导入。`
    const judged = judgementOptions(d.options)
    if (!key) return `${label}没有找到答案。`
    const letters = key.toUpperCase().replace(/[\s,、]/g, '')
    if (judged && /^[AB]$/.test(letters)) return { ...base, type: '判断', options: [], answer: judged[letters === 'A' ? 0 : 1]! }
    if (!/^[A-H]+$/.test(letters)) return `${label}的答案“${key}”不是选项字母。`
    const unique = [...new Set(letters)].sort().join('')
    const outside = [...unique].find((letter) => LETTERS.indexOf(letter) >= d.options.length)
    if (outside) return `${label}的答案 ${outside} 不在选项中（只有 ${LETTERS.slice(0, d.options.length).split('').join('、')}）。`
    if (d.options.length < 2) return `${label}只有一个选项，可能被截断，未导入。`
    const type = unique.length > 1 || d.section === '多选' ? '多选' : '单选'
    return { ...base, type, options: d.options.map(fullWidthPunctuation), answer: unique }
  }
  if (!key) return `${label}没有找到答案。`
  const judgement = judgementOf(key)
  if (judgement && (d.section === '判断' || d.section === null))
    return { ...base, stem: base.stem.replace(/\s*（[\s　]*）\s*([。.]?)$/, '$1'), type: '判断', options: [], answer: judgement }
  if (/^[A-H]+$/.test(key) && d.section !== '填空' && d.section !== '问答') return `${label}的答案是选项字母，但没有找到选项。`
  const type: BankQuestionType = d.section === '填空' || (d.section !== '问答' && BLANK.test(stem) && key.length <= 40) ? '填空' : '问答'
  return { ...base, type, options: [], answer: type === '填空' ? key.replace(/\s*[;；]\s*|\s{2,}/g, '；') : key }
}

const HAN = '\\p{Script=Han}'
const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' }
/**
 * Recognition reads half-width forms; what the member sees keeps the punctuation of Chinese text: a
 * comma or bracket beside a Chinese character is written full-width, whatever the paper's typist used.
 */
export function fullWidthPunctuation(text: string): string {
  return text
    .replace(/[(（][\s　]*[)）]/g, '（　）')
    .replace(new RegExp(`\\((?=[^()]*${HAN})([^()]*)\\)`, 'gu'), '（$1）')
    .replace(new RegExp(`(?<=${HAN}|[”“）])\\s*([,;:?!])`, 'gu'), (_, p: string) => FULL[p]!)
}

/** A 判断 written as a choice: A.正确 B.错误 (or 对/错, √/×). */
function judgementOptions(options: readonly string[]): ['正确' | '错误', '正确' | '错误'] | null {
  if (options.length !== 2) return null
  const [a, b] = options.map((o) => judgementOf(o))
  return a && b && a !== b ? [a, b] : null
}
