/**
 * Reads a question bank given as text (paste, .txt, or a .docx turned into text): the forms real
 * published papers use — numbering 1、 1. （1）; options A. A、 A． one per line or several on a line;
 * keys as 【答案】:A, 答案：, 正确答案, 答:, a letter after the stem, a bracket in the stem （A）(√), or a
 * table at the end of the paper (参考答案 1-5 ABCDA); section headers (一、单选题). Every line that is
 * not part of a question is reported with its number and a Chinese reason.
 */
import { BLANK, finish, halfWidth, judgementOf, LETTERS, splitOptions, typeNamed } from './questionParts'
import type { BankLineError, BankQuestionType, ParsedBank, ParsedQuestion } from './types'

/** 一、单选题 / (一)单项选择题(共30题) / 第一部分单选题(50题) / 单选题(共80题) / 单项选择题。 */
const SECTION = /^(?:第[一二三四五六七八九十\d]+部分|[一二三四五六七八九十]+\s*[、.]|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+\s)?\s*(单项选择题?|单选题?|多项选择题?|多选题?|不定项选择题?|选择题|判断题?|是非题|填空题?|简答题?|问答题?|论述题?)\s*(?:\(.*?\)|[:.。]|\s|$)/
const ANSWER_TABLE = /^(?:[一二三四五六七八九十]+[、.]\s*)?(?:参考答案|答案(?:及解析)?|标准答案|答案汇总)\s*[:.]?\s*$/
const QUESTION = /^(?:(\d{1,4})\s*[、.](?!\d)|\((\d{1,4})\)|(\d{1,4})\))\s*/
const OPTION = /^([A-H])\s*[.、:)]\s*/
const ANSWER = /^[\[【(]?\s*(?:正确答案|参考答案|标准答案|答案)\s*[\]】)]?\s*:?\s*|^[\[【]?答[\]】]?\s*:\s*/
const EXPLANATION = /^[\[【]?\s*(?:解析|答案解析|解答|出处|依据)\s*[\]】]?\s*[:]?\s*/
/** A bare page number or page footer line a .docx or web page leaves between lines. */
const PAGE_NOISE = /^(?:\d{1,3}|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|-\s*\d+\s*-)$/
/** 1. 2、 in the middle of a line after a closed key bracket: "…(×) 52、…" is two questions. */
const SECOND_QUESTION = /(?<=[)\]】])\s+(?=\d{1,4}\s*[、.](?!\d))/
/** A key in brackets inside the stem: (C) ( ABD ) (√) (对) (正确). */
const BRACKET_KEY = /\(\s*([A-H](?:\s*[,、]?\s*[A-H])*|√|×|✓|✔|✗|✘|X|对|错|正确|错误)\s*\)/
const PINYIN_NOTE = /(?<=\p{Script=Han})\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6})\)/gu

interface Draft {
  n: number
  line: number
  stem: string
  options: string[]
  /** Raw key as found: letters, a judgement word, or text. */
  key: string | null
  keyLine: number
  section: BankQuestionType | null
  explanation: string
  /** Where continuation lines go. */
  state: 'stem' | 'options' | 'answer' | 'explanation'
  /** The paper gives it no number (a question page, or a bank that numbers nothing): `n` is its position. */
  unnumbered?: boolean
}

/** Reads the text of a bank. Line numbers count from 1 over `text` as given. */
export function parseBankText(text: string): ParsedBank {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  const questions: ParsedQuestion[] = []
  const errors: BankLineError[] = []
  const drafts: Draft[] = []
  let section: BankQuestionType | null = null
  let draft: Draft | null = null
  let inTable = false
  const table: { n: number; key: string; line: number }[] = []
  let unplaced: number[] = []

  const flushUnplaced = (reason: string) => {
    for (const line of unplaced) errors.push({ line, reason })
    unplaced = []
  }
  let numbered = false
  let unnumberedCount = 0
  const close = (upTo: number) => {
    const d: Draft | null = draft
    draft = null
    if (!d) return
    // An unnumbered line with a blank and nothing after it (a page title, an instruction) was not a question.
    if (d.unnumbered && d.key === null && !d.options.length) {
      unnumberedCount--
      const reported = new Set(errors.map((e) => e.line))
      for (let line = d.line; line < upTo; line++) if (lines[line - 1]!.trim() && !reported.has(line)) unplaced.push(line)
      return
    }
    drafts.push(d)
  }
  /** The next non-empty line after `lineNo`, read as `handle` reads it. */
  const peek = (lineNo: number): string => {
    for (let i = lineNo; i < lines.length; i++) {
      const line = halfWidth(lines[i]!.replace(PINYIN_NOTE, '').trim())
      if (line) return line
    }
    return ''
  }

  lines.forEach((rawLine, index) => {
    const lineNo = index + 1
    // Pages converted from traditional characters carry pinyin after rare characters: 發(fā)展.
    const original = rawLine.replace(PINYIN_NOTE, '').trim()
    if (!original) return
    // Full-width letters and punctuation read as half-width; a whole line of them stays as written in stems.
    for (const piece of halfWidth(original).split(SECOND_QUESTION)) handle(piece.trim(), lineNo)
  })
  close(lines.length + 1)
  flushUnplaced('不是题目的一部分（没有题号），未导入。')

  function handle(line: string, lineNo: number): void {
    if (!line) return
    if (PAGE_NOISE.test(line) && !(draft && draft.state === 'answer' && draft.key === '')) return
    // "……" marks where a web page or an excerpt left questions out: not part of the question before it.
    if (/^[.…。·]{2,}$/.test(line)) {
      errors.push({ line: lineNo, reason: '省略号（此处有删节的内容），未导入。' })
      return
    }
    const header = SECTION.exec(line)
    if (header && !QUESTION.test(line) && line.length <= 40) {
      close(lineNo)
      inTable = false
      flushUnplaced('不是题目的一部分（没有题号），未导入。')
      section = typeNamed(header[1]!)
      return
    }
    if (ANSWER_TABLE.test(line)) {
      // 答案 alone above the open question's own key (the key on the next line, as question pages and some banks
      // write it), not the heading of an answer table at the end of the paper.
      if (draft && draft.key === null && !inTable && !readAnswerTable(peek(lineNo)).length) {
        draft.key = ''
        draft.keyLine = lineNo
        draft.state = 'answer'
        return
      }
      close(lineNo)
      flushUnplaced('不是题目的一部分（没有题号），未导入。')
      inTable = true
      return
    }
    if (inTable) {
      const entries = readAnswerTable(line)
      if (entries.length) for (const entry of entries) table.push({ ...entry, line: lineNo })
      else errors.push({ line: lineNo, reason: '答案表中的这一行无法识别（应为“1-5 ABCDA”或“1.A 2.B”）。' })
      return
    }
    const number = QUESTION.exec(line)
    // "1.A" alone on a line is an answer-table entry without a table header, not a question.
    if (number && !/^\d{1,4}\s*[、.]\s*[A-H]\s*$/.test(line)) {
      close(lineNo)
      flushUnplaced('不是题目的一部分（没有题号），未导入。')
      numbered = true
      const n = Number(number[1] ?? number[2] ?? number[3])
      draft = { n, line: lineNo, stem: '', options: [], key: null, keyLine: lineNo, section, explanation: '', state: 'stem' }
      stemText(draft, line.slice(number[0].length))
      return
    }
    // A paper that numbers nothing: a line with a blank starts a question, once the one before is complete
    // or was only a line with a blank (a page's title repeating the question).
    const open: Draft | null = draft
    if (!numbered && BLANK.test(line) && !OPTION.test(line) && !ANSWER.test(line) && (!open || open.unnumbered) && (!open || open.key !== null || !open.options.length)) {
      close(lineNo)
      flushUnplaced('不是题目的一部分（没有题号），未导入。')
      unnumberedCount++
      draft = { n: unnumberedCount, line: lineNo, stem: '', options: [], key: null, keyLine: lineNo, section, explanation: '', state: 'stem', unnumbered: true }
      stemText(draft, line)
      return
    }
    if (!draft) {
      unplaced.push(lineNo)
      return
    }
    const d: Draft = draft
    const answer = ANSWER.exec(line)
    if (answer) {
      const [keyText, explanationText] = line.slice(answer[0].length).split(/[【\[](?:答案)?解析[\]】]\s*:?/, 2) as [string, string?]
      d.key = keyText.trim()
      if (explanationText) d.explanation = explanationText.trim()
      d.keyLine = lineNo
      d.state = 'answer'
      return
    }
    const explanation = EXPLANATION.exec(line)
    if (explanation && explanation[0].trim()) {
      d.explanation = line.slice(explanation[0].length).trim()
      d.state = 'explanation'
      return
    }
    const option = OPTION.exec(line)
    if (option && d.state !== 'answer' && d.state !== 'explanation') {
      const split = splitOptions(line, LETTERS[d.options.length] ?? 'A', 1)
      if (split && !split.before && option[1] === LETTERS[d.options.length]) {
        d.options.push(...split.options)
        d.state = 'options'
        return
      }
    }
    // A line that goes on what came before: a stem over several lines, an option cut by the page, an answer paragraph.
    if (d.state === 'stem') stemText(d, line)
    else if (d.state === 'options' && d.options.length) {
      const inline = splitOptions(line, 'A')
      if (inline) errors.push({ line: lineNo, reason: '选项重复出现（这一行又从 A 开始），未导入。' })
      else d.options[d.options.length - 1] += line
    } else if (d.state === 'answer' && d.key !== null && !/^[A-H]+$/.test(d.key) && !judgementOf(d.key)) d.key += `\n${line}`
    else if (d.state === 'explanation') d.explanation += line
    else errors.push({ line: lineNo, reason: '无法识别这一行（不是题干、选项或答案）。' })
  }

  /** The stem, with options, a bracketed key or a trailing key letter taken out of it. */
  function stemText(d: Draft, text: string): void {
    let rest = text
    const inlineAnswer = /\s*[\[【(]?\s*(?:正确答案|参考答案|答案)\s*[\]】)]?\s*[:]\s*(.+)$/.exec(rest)
    if (inlineAnswer) {
      d.key = inlineAnswer[1]!.trim()
      rest = rest.slice(0, inlineAnswer.index)
    }
    const split = splitOptions(rest)
    if (split && split.before) {
      rest = split.before
      d.options.push(...split.options)
      d.state = 'options'
    }
    const bracket = BRACKET_KEY.exec(rest)
    if (bracket && d.key === null) {
      d.key = bracket[1]!.replace(/[\s,、]/g, '')
      // (√) closes a 判断; a letter in the bracket is followed by the options.
      if (judgementOf(d.key)) d.state = 'answer'
      rest = `${rest.slice(0, bracket.index)}( )${rest.slice(bracket.index + bracket[0].length)}`
    }
    // "十八大党章共11章____条。A": a key letter written right after the stem's closing punctuation.
    const trailing = /([。?.!])\s*([A-H]{1,8})$/.exec(rest)
    if (trailing && d.key === null && BLANK.test(rest)) {
      d.key = trailing[2]!
      rest = rest.slice(0, trailing.index + 1)
    }
    const piece = rest.trim()
    // A line broken mid-sentence (by the page or the web page's width) joins without a break.
    d.stem = !d.stem ? piece : /[。？！?!:：；;]$/.test(d.stem) ? `${d.stem}\n${piece}` : d.stem + piece
  }

  // Keys from an answer table go to the questions that have none, by number, in order.
  for (const entry of table) {
    const target = drafts.find((d) => d.key === null && d.n === entry.n)
    if (target) {
      target.key = entry.key
      target.keyLine = entry.line
    } else errors.push({ line: entry.line, reason: `答案表中的第 ${entry.n} 题没有对应的题目。` })
  }

  for (const d of drafts) {
    const result = finish(d)
    if (typeof result === 'string') errors.push({ line: d.line, reason: result })
    else questions.push(result)
  }
  errors.sort((a, b) => a.line - b.line)
  return { questions, errors }
}

/** "1-5 ABCDA 6-10 BBCAD", "1.A 2.B 3.√", "1～5：ACBDA", "11. ABD". */
export function readAnswerTable(line: string): { n: number; key: string }[] {
  const entries: { n: number; key: string }[] = []
  const text = line.replace(/[～~—–]/g, '-')
  const range = /(\d{1,4})\s*-\s*(\d{1,4})\s*[:.、]?\s*([A-H√×对错]+)/g
  let matched = false
  for (const m of text.matchAll(range)) {
    const from = Number(m[1])
    const keys = [...m[3]!]
    if (Number(m[2]) - from + 1 !== keys.length) return []
    keys.forEach((key, i) => entries.push({ n: from + i, key }))
    matched = true
  }
  if (matched) return entries
  for (const m of text.matchAll(/(\d{1,4})\s*[.、:]?\s*([A-H]+|√|×|对|错|正确|错误)(?![A-Za-z])/g)) entries.push({ n: Number(m[1]), key: m[2]! })
  return entries
}

