/**
 * Turns a bank file (.txt/.md, .docx, .xlsx, .csv) into parsed questions. Every refusal is an
 * ImportError in plain Chinese; sizes are checked before reading and zips before inflating.
 */
import { IMPORT_LIMITS, ImportError } from '../content/localDocument'
import { decodeText, docxText, type ImportFile } from '../content/importFile'
import { measureUnpacked, readZipDirectory } from '../content/zipDirectory'
import { parseBankSheet, parseCsv, type SheetCell, type SheetRows } from './parseSheet'
import { parseBankText } from './parseText'
import type { ParsedBank } from './types'

export const BANK_LIMITS = {
  /** Larger files are refused unread: a bank of 5,000 questions is about 1 MB as .xlsx or .docx. */
  fileBytes: IMPORT_LIMITS.fileBytes,
  /** What an .xlsx may unpack to (its XML): a 5,000-question sheet unpacks to a few MB. */
  unpackedBytes: 50 * 1024 * 1024,
  /** Characters of text: 5,000 questions of about 150 characters with options. */
  textChars: 2_000_000,
  /** Questions in one import. */
  questions: 10_000,
}

const EXTENSIONS = ['txt', 'md', 'docx', 'xlsx', 'csv']

export function bankFileExtension(file: Pick<ImportFile, 'name' | 'size'>): string {
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? ''
  if (!EXTENSIONS.includes(extension)) {
    const hint = extension === 'doc' ? '（旧版 .doc 请先在 Word 中另存为 .docx）' : extension === 'xls' ? '（旧版 .xls 请先在 Excel 中另存为 .xlsx）' : ''
    throw new ImportError(`不支持“${file.name}”这种文件。题库请选择 .txt、.docx、.xlsx 或 .csv 文件${hint}。`)
  }
  if (file.size === 0) throw new ImportError(`“${file.name}”是空文件。`)
  if (file.size > BANK_LIMITS.fileBytes)
    throw new ImportError(`“${file.name}”有 ${(file.size / 1024 / 1024).toFixed(1)} MB，超过 ${BANK_LIMITS.fileBytes / 1024 / 1024} MB 的上限，未读取。请分成几个文件导入。`)
  return extension
}

/** Reads a bank file into questions and unparsed lines. */
export async function readBankFile(file: ImportFile): Promise<ParsedBank> {
  const extension = bankFileExtension(file)
  const bytes = new Uint8Array(await file.arrayBuffer())
  if (extension === 'xlsx') return parseXlsx(bytes, file.name)
  if (extension === 'docx') return limitQuestions(parseBankText(checkText(await docxText(bytes, file.name))))
  const text = checkText(decodeText(bytes))
  return limitQuestions(extension === 'csv' ? parseBankSheet(parseCsv(text)) : parseBankText(text))
}

/** Pasted text goes through the same checks as a .txt file. */
export function readBankText(text: string): ParsedBank {
  return limitQuestions(parseBankText(checkText(text)))
}

function checkText(text: string): string {
  if (/\u0000/.test(text)) throw new ImportError('该文件不是文本文件（含有二进制内容），无法导入。')
  if (!text.trim()) throw new ImportError('内容为空，请粘贴或选择有题目的文件。')
  if (text.length > BANK_LIMITS.textChars)
    throw new ImportError(`内容过长（${text.length} 字），一次最多导入 ${BANK_LIMITS.textChars} 字。请分成几个文件导入。`)
  return text
}

function limitQuestions(bank: ParsedBank): ParsedBank {
  if (bank.questions.length > BANK_LIMITS.questions)
    throw new ImportError(`题目过多（${bank.questions.length} 道），一次最多导入 ${BANK_LIMITS.questions} 道。请分成几个文件导入。`)
  return bank
}

async function parseXlsx(bytes: Uint8Array, name: string): Promise<ParsedBank> {
  const broken = `“${name}”不是有效的 Excel（.xlsx）文件，可能已损坏。请在 Excel 中打开后另存一份再试。`
  const entries = readZipDirectory(bytes)
  if (!entries || !entries.some((entry) => entry.name === 'xl/workbook.xml')) throw new ImportError(broken)
  const tooBig = new ImportError(`“${name}”解压后超过 ${BANK_LIMITS.unpackedBytes / 1024 / 1024} MB 的上限，可能是异常文件，未导入。`)
  if (entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0) > BANK_LIMITS.unpackedBytes) throw tooBig
  // The directory may lie about sizes: inflate once, counting, before the reader inflates anything.
  if (typeof DecompressionStream !== 'undefined') {
    const unpacked = await measureUnpacked(bytes, entries, BANK_LIMITS.unpackedBytes)
    if (unpacked === null) throw new ImportError(broken)
    if (unpacked > BANK_LIMITS.unpackedBytes) throw tooBig
  }
  // read-excel-file is loaded only when a member opens a sheet.
  const { default: readXlsxFile } = await import('read-excel-file/universal')
  let sheets: { sheet: string; data: SheetRows }[]
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
    sheets = (await readXlsxFile(buffer)).map(({ sheet, data }) => ({ sheet, data: data.map((row) => row.map(sheetCell)) }))
  } catch {
    throw new ImportError(broken)
  }
  const withQuestions = sheets.map(({ sheet, data }) => parseBankSheet(data, sheets.length > 1 ? sheet : ''))
  const used = withQuestions.filter((bank) => bank.questions.length)
  const chosen = used.length ? used : withQuestions.slice(0, 1)
  return limitQuestions({
    questions: chosen.flatMap((bank) => bank.questions),
    errors: chosen.flatMap((bank) => bank.errors),
  })
}

/** read-excel-file types a date cell as `typeof Date`; a cell is a string, number, boolean or Date. */
function sheetCell(cell: unknown): SheetCell {
  return typeof cell === 'string' || typeof cell === 'number' || typeof cell === 'boolean' || cell instanceof Date ? cell : null
}
