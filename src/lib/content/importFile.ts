import { IMPORT_LIMITS, ImportError, cleanImportedText, markdownToText } from './localDocument'
import { measureUnpacked, readZipDirectory, type ZipEntry } from './zipDirectory'

/** The part of a browser File this needs (so Node tests can pass a plain object). */
export interface ImportFile {
  name: string
  size: number
  arrayBuffer(): Promise<ArrayBuffer>
}

export interface ImportedText {
  title: string
  text: string
}

const DOCX_MAGIC = [0x50, 0x4b, 0x03, 0x04] // a .docx is a zip archive

export const DOCX_LIMITS = {
  /**
   * What a .docx may unpack to, read from the zip's directory before anything is inflated. A long
   * study document with heavy formatting unpacks to a few MB; 700 KB that unpacks to 200 MB is a zip bomb.
   */
  unpackedBytes: 50 * 1024 * 1024,
}

/** Reads a .txt, .md or .docx into checked text; every failure is an ImportError in plain Chinese. */
export async function readImportFile(file: ImportFile): Promise<ImportedText> {
  const extension = checkImportFile(file)
  const bytes = new Uint8Array(await file.arrayBuffer())
  const title = file.name.replace(/\.[^.]+$/, '')
  if (extension === 'docx') return { title, text: cleanImportedText(await docxText(bytes, file.name)) }
  const decoded = decodeText(bytes)
  return { title, text: cleanImportedText(extension === 'txt' ? decoded : markdownToText(decoded)) }
}

/** What can be refused from a file's name and size alone, before it is read; returns its extension. */
export function checkImportFile(file: Pick<ImportFile, 'name' | 'size'>): string {
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? ''
  if (!['txt', 'md', 'markdown', 'docx'].includes(extension))
    throw new ImportError(`不支持“${file.name}”这种文件。请选择 .txt、.md 或 .docx 文件${extension === 'doc' ? '（旧版 .doc 请先在 Word 中另存为 .docx）' : ''}。`)
  if (file.size === 0) throw new ImportError(`“${file.name}”是空文件。`)
  if (file.size > IMPORT_LIMITS.fileBytes)
    throw new ImportError(`“${file.name}”有 ${(file.size / 1024 / 1024).toFixed(1)} MB，超过 ${IMPORT_LIMITS.fileBytes / 1024 / 1024} MB 的上限。`)
  return extension
}

const UNKNOWN_ENCODING = '文件编码无法识别，或者这不是文本文件。请用 UTF-8、GBK 或 Unicode（UTF-16）编码另存后再导入。'

/**
 * Text files reach us as Windows Notepad, WPS and phones save them: UTF-8 (with or without BOM),
 * "Unicode" = UTF-16 LE (with BOM, or without when written by other tools), UTF-16 BE, or GBK (GB18030).
 */
export function decodeText(bytes: Uint8Array): string {
  const bom = bytes[0]! << 16 | bytes[1]! << 8 | bytes[2]!
  if (bom === 0xefbbbf) return decodeStrict('utf-8', bytes.subarray(3))
  if (bom >> 8 === 0xfffe) return decodeStrict('utf-16le', bytes.subarray(2))
  if (bom >> 8 === 0xfeff) return decodeStrict('utf-16be', bytes.subarray(2))
  // UTF-8 text never holds a zero byte; UTF-16 has one in every ASCII character and line break.
  const hasZero = bytes.includes(0)
  if (!hasZero) {
    const utf8 = tryDecode('utf-8', bytes)
    if (utf8 !== null) return utf8
    // UTF-8 with a stray bad byte (a file cut mid-character) is still UTF-8; read as GBK it would be
    // mojibake that looks just as Chinese to the scoring below.
    const loose = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
    const bad = loose.split('\uFFFD').length - 1
    if (bad <= Math.max(1, loose.length / 200)) return loose
  }
  // Otherwise the reading that looks most like Chinese text wins: GBK read as UTF-16, UTF-16 read as GBK,
  // or UTF-16 read with the wrong byte order give rare characters, symbols and control characters.
  const candidates = (bytes.length % 2 ? ['gb18030'] : ['gb18030', 'utf-16le', 'utf-16be'])
    .map((encoding) => tryDecode(encoding, bytes))
    .filter((text): text is string => text !== null)
    .map((text) => ({ text, score: chineseTextScore(text) }))
    .sort((a, b) => b.score - a.score)
  const best = candidates[0]
  if (best && best.score >= 0.8) return best.text
  if (hasZero) throw new ImportError('该文件不是文本文件（含有二进制内容），无法导入。请导入 .txt、.md 或 .docx 文件。')
  throw new ImportError(UNKNOWN_ENCODING)
}

function tryDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return null
  }
}

function decodeStrict(encoding: string, bytes: Uint8Array): string {
  const text = tryDecode(encoding, bytes)
  if (text === null) throw new ImportError(UNKNOWN_ENCODING)
  return text
}

/** Share of characters usual in Chinese prose: common CJK ideographs, CJK and full-width punctuation, printable ASCII. */
function chineseTextScore(text: string): number {
  let usual = 0
  for (const ch of text) {
    const c = ch.codePointAt(0)!
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x2026 || c === 0x2014)
      usual++
  }
  return text.length ? usual / [...text].length : 0
}

/** Refuses a .docx by what its zip directory says it holds, before a single byte is inflated. */
export function checkDocxDirectory(bytes: Uint8Array, name: string): ZipEntry[] {
  const entries = readZipDirectory(bytes)
  if (!entries) throw new ImportError(`“${name}”不是有效的 Word（.docx）文件，可能已损坏。`)
  if (!entries.some((entry) => entry.name === 'word/document.xml'))
    throw new ImportError(`“${name}”中没有 Word 正文，可能不是 Word 文件或已损坏。`)
  const unpacked = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0)
  if (unpacked > DOCX_LIMITS.unpackedBytes) throw tooBig(name, `解压后有 ${(unpacked / 1024 / 1024).toFixed(0)} MB，超过`)
  return entries
}

/** The directory may lie: inflate once, counting, and stop at the limit, before mammoth inflates anything. */
async function checkDocxUnpacked(bytes: Uint8Array, entries: readonly ZipEntry[], name: string): Promise<void> {
  if (typeof DecompressionStream === 'undefined') return
  const unpacked = await measureUnpacked(bytes, entries, DOCX_LIMITS.unpackedBytes)
  if (unpacked === null) throw new ImportError(`“${name}”不是有效的 Word（.docx）文件，可能已损坏。请在 Word 中打开后另存一份再试。`)
  if (unpacked > DOCX_LIMITS.unpackedBytes) throw tooBig(name, '解压后超过')
}

function tooBig(name: string, what: string): ImportError {
  return new ImportError(
    `“${name}”${what} ${DOCX_LIMITS.unpackedBytes / 1024 / 1024} MB 的上限，可能是异常文件，未导入。请在 Word 中另存一份，或把正文复制粘贴进来。`,
  )
}

export async function docxText(bytes: Uint8Array, name: string): Promise<string> {
  if (!DOCX_MAGIC.every((b, i) => bytes[i] === b)) throw new ImportError(`“${name}”不是有效的 Word（.docx）文件，可能已损坏。`)
  await checkDocxUnpacked(bytes, checkDocxDirectory(bytes, name), name)
  // mammoth is large; it is loaded only when a member actually opens a .docx.
  const mammoth = await import('mammoth')
  try {
    // The browser build reads `arrayBuffer`, the Node build (CLI, tests) reads `buffer`.
    const input = { arrayBuffer: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, buffer: bytes }
    const result = await mammoth.extractRawText(input)
    // mammoth separates paragraphs with blank lines; the content format wants one paragraph per line.
    return result.value.replace(/\n{2,}/g, '\n')
  } catch {
    throw new ImportError(`无法读取“${name}”，Word 文件可能已损坏。请在 Word 中打开后另存一份再试。`)
  }
}
