/**
 * Reads a question bank laid out as a sheet (.xlsx or .csv): a header row such as
 * 题型 | 题干 | 选项A … 选项H | 答案 | 解析 (or A…D, 选项1…, one 选项 cell holding “A.… B.…”), and the
 * Kahoot template (Question - max 120 characters | Answer 1 … 4 | Time limit | Correct answer(s)).
 * Row numbers are the sheet's own, so the preview points where the secretary looks in Excel.
 */
import { finish, splitOptions, typeNamed, type QuestionParts } from './questionParts'
import type { BankLineError, ParsedBank, ParsedQuestion } from './types'

export type SheetCell = string | number | boolean | Date | null | undefined
export type SheetRows = readonly (readonly SheetCell[])[]

const LETTERS = 'ABCDEFGH'
const CHINESE_DIGITS = '一二三四五六七八'

interface Columns {
  type?: number
  stem: number
  options: { column: number; letter: number }[]
  /** One cell holding every option. */
  optionsCell?: number
  answer?: number
  explanation?: number
  /** Kahoot gives the key as answer numbers (1,3). */
  numberedKey: boolean
}

export function cellText(cell: SheetCell): string {
  if (cell === null || cell === undefined) return ''
  if (cell instanceof Date) return cell.toISOString().slice(0, 10)
  return String(cell).trim()
}

function findColumns(row: readonly SheetCell[]): Columns | null {
  const names = row.map((cell) => cellText(cell).replace(/\s+/g, ''))
  const stem = names.findIndex((name) => /^(题干|题目|试题|问题|题目内容|试题内容|question)/i.test(name) && !/类型|题型|编号|序号/.test(name))
  if (stem < 0) return null
  const options: Columns['options'] = []
  let optionsCell: number | undefined
  names.forEach((name, column) => {
    const m =
      /^(?:选项|option|答案选项)?([A-H])(?:选项)?$/i.exec(name) ??
      /^(?:选项|option)([1-8一二三四五六七八])$/i.exec(name) ??
      /^answer([1-8])/i.exec(name)
    if (m) {
      const mark = m[1]!.toUpperCase()
      const letter = LETTERS.includes(mark) ? LETTERS.indexOf(mark) : CHINESE_DIGITS.includes(mark) ? CHINESE_DIGITS.indexOf(mark) : Number(mark) - 1
      options.push({ column, letter })
    } else if (/^(选项|选项内容|options?)$/i.test(name)) optionsCell = column
  })
  const answer = names.findIndex((name) => /^(正确答案|标准答案|参考答案|答案|正确选项|correctanswer)/i.test(name))
  const type = names.findIndex((name) => /^(题型|题目类型|试题类型|类型|questiontype|type)$/i.test(name))
  const explanation = names.findIndex((name) => /^(解析|答案解析|说明|出处|依据)/.test(name))
  return {
    stem,
    options: options.sort((a, b) => a.letter - b.letter),
    ...(optionsCell !== undefined ? { optionsCell } : {}),
    ...(answer >= 0 ? { answer } : {}),
    ...(type >= 0 ? { type } : {}),
    ...(explanation >= 0 ? { explanation } : {}),
    numberedKey: answer >= 0 && /^correctanswer/i.test(names[answer]!),
  }
}

/** Reads rows (first row = sheet row 1). `firstRow` shifts the numbers when rows were cut before. */
export function parseBankSheet(rows: SheetRows, sheetName = ''): ParsedBank {
  const questions: ParsedQuestion[] = []
  const errors: BankLineError[] = []
  const where = sheetName ? `工作表“${sheetName}”` : ''
  const headerAt = rows.slice(0, 20).findIndex((row) => findColumns(row) !== null)
  if (headerAt < 0) {
    errors.push({ line: 1, reason: `${where}没有找到表头（需要“题干”或“题目”列，以及“答案”列）。` })
    return { questions, errors }
  }
  const columns = findColumns(rows[headerAt]!)!
  if (columns.answer === undefined) errors.push({ line: headerAt + 1, reason: `${where}表头中没有“答案”列，题目无法判分。` })
  let n = 0
  for (let i = headerAt + 1; i < rows.length; i++) {
    const row = rows[i]!
    const line = i + 1
    const cells = row.map(cellText)
    if (cells.every((cell) => !cell)) continue
    const stem = cells[columns.stem] ?? ''
    if (!stem) {
      errors.push({ line, reason: `${where}第 ${line} 行没有题干，未导入。` })
      continue
    }
    n++
    let options = columns.options.map(({ column }) => cells[column] ?? '')
    while (options.length && !options[options.length - 1]) options.pop()
    if (!options.length && columns.optionsCell !== undefined) options = splitOptions(cells[columns.optionsCell] ?? '')?.options ?? []
    let key = columns.answer === undefined ? '' : (cells[columns.answer] ?? '')
    if (columns.numberedKey && /^[1-8](?:\s*[,，、]\s*[1-8])*$/.test(key))
      key = key.split(/\s*[,，、]\s*/).map((d) => LETTERS[Number(d) - 1]!).join('')
    const parts: QuestionParts = {
      n,
      line,
      stem,
      options,
      key: key || null,
      section: columns.type === undefined ? null : typeNamed(cells[columns.type] ?? ''),
      ...(columns.explanation !== undefined && cells[columns.explanation] ? { explanation: cells[columns.explanation] } : {}),
    }
    const result = finish(parts)
    if (typeof result === 'string') errors.push({ line, reason: `${where}第 ${line} 行：${result}` })
    else questions.push(result)
  }
  return { questions, errors }
}

/** RFC 4180 CSV (quotes, doubled quotes, newlines inside quotes), comma or tab separated. */
export function parseCsv(text: string): string[][] {
  const source = text.replace(/^\uFEFF/, '')
  const firstLine = source.slice(0, source.indexOf('\n') >>> 0)
  const separator = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ','
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"' && !cell) quoted = true
    else if (ch === separator) {
      row.push(cell)
      cell = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
    } else cell += ch
  }
  if (cell || row.length) {
    row.push(cell)
    rows.push(row)
  }
  return rows
}
