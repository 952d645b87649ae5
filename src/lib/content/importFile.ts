import { IMPORT_LIMITS, ImportError, cleanImportedText, markdownToText } from './localDocument'

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

/** Reads a .txt, .md or .docx into checked text; every failure is an ImportError in plain Chinese. */
export async function readImportFile(file: ImportFile): Promise<ImportedText> {
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? ''
  if (!['txt', 'md', 'markdown', 'docx'].includes(extension))
    throw new ImportError(`不支持“${file.name}”这种文件。请选择 .txt、.md 或 .docx 文件${extension === 'doc' ? '（旧版 .doc 请先在 Word 中另存为 .docx）' : ''}。`)
  if (file.size === 0) throw new ImportError(`“${file.name}”是空文件。`)
  if (file.size > IMPORT_LIMITS.fileBytes)
    throw new ImportError(`“${file.name}”有 ${(file.size / 1024 / 1024).toFixed(1)} MB，超过 ${IMPORT_LIMITS.fileBytes / 1024 / 1024} MB 的上限。`)
  const bytes = new Uint8Array(await file.arrayBuffer())
  const title = file.name.replace(/\.[^.]+$/, '')
  if (extension === 'docx') return { title, text: cleanImportedText(await docxText(bytes, file.name)) }
  const decoded = decodeText(bytes)
  return { title, text: cleanImportedText(extension === 'txt' ? decoded : markdownToText(decoded)) }
}

/** UTF-8 first; Chinese Windows tools often save GBK, which GB18030 covers. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes)
    } catch {
      throw new ImportError('文件编码无法识别，或者这不是文本文件。请用 UTF-8 或 GBK 编码另存后再导入。')
    }
  }
}

async function docxText(bytes: Uint8Array, name: string): Promise<string> {
  if (!DOCX_MAGIC.every((b, i) => bytes[i] === b)) throw new ImportError(`“${name}”不是有效的 Word（.docx）文件，可能已损坏。`)
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
