/**
 * Writes a bank back out: as text in the form the importer reads (so a secretary can edit it in Word and
 * import it again), and as CSV or .xlsx with the 题型/题干/选项A…/答案 header that Excel and WPS open.
 */
import type { BankQuestionType, ParsedQuestion } from './types'

type ExportedQuestion = Pick<ParsedQuestion, 'type' | 'stem' | 'options' | 'answer' | 'explanation'>

const LETTERS = 'ABCDEFGH'
const SECTION_ORDER: readonly BankQuestionType[] = ['单选', '多选', '判断', '填空', '问答']
const CHINESE_NUMBERS = '一二三四五'

/** 一、单选题 … sections, 1、 numbering, one option a line, 【答案】 after each question. */
export function formatBankText(questions: readonly ExportedQuestion[]): string {
  const lines: string[] = []
  let section = 0
  for (const type of SECTION_ORDER) {
    const ofType = questions.filter((q) => q.type === type)
    if (!ofType.length) continue
    lines.push(`${CHINESE_NUMBERS[section++]}、${type}题`, '')
    ofType.forEach((q, i) => {
      // A stem over several lines stays one question: its later lines are not read as numbers or options.
      lines.push(`${i + 1}、${q.stem.replace(/\n+/g, ' ')}`)
      q.options.forEach((option, o) => lines.push(`${LETTERS[o]}．${option.replace(/\n+/g, ' ')}`))
      lines.push(`【答案】：${q.answer.replace(/\n+/g, ' ')}`)
      if (q.explanation) lines.push(`【解析】：${q.explanation.replace(/\n+/g, ' ')}`)
      lines.push('')
    })
  }
  return lines.join('\n')
}

/**
 * A cell Excel would run as a formula (=, +, -, @ first) is written with a leading apostrophe
 * (OWASP's CSV-injection advice): an imported bank must not become a spreadsheet that runs commands.
 */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** The sheet the importer reads: a 题型/题干/选项A…/答案/解析 header, then one question a row. */
export function bankSheetRows(questions: readonly ExportedQuestion[]): string[][] {
  const width = Math.max(4, ...questions.map((q) => q.options.length))
  const header = ['题型', '题干', ...[...LETTERS.slice(0, width)].map((l) => `选项${l}`), '答案', '解析']
  const rows = questions.map((q) => [q.type, q.stem, ...Array.from({ length: width }, (_, i) => q.options[i] ?? ''), q.answer, q.explanation ?? ''])
  return [header, ...rows]
}

/** CSV with a BOM (Excel reads it as UTF-8) and the header the importer reads. */
export function formatBankCsv(questions: readonly ExportedQuestion[]): string {
  return `\uFEFF${bankSheetRows(questions).map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`
}

/**
 * The same sheet as .xlsx. Every cell is written as a text cell, never a formula, so a stem that
 * starts with = stays words; write-excel-file is loaded only when a member exports.
 */
export async function formatBankXlsx(questions: readonly ExportedQuestion[]): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal')
  const rows = bankSheetRows(questions).map((row) => row.map((value) => ({ value, type: String })))
  return writeXlsxFile(rows, { sheet: '题库' }).toBlob()
}
