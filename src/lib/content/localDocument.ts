import { parseBody } from './parse'
import { ContentError, type StudyDocument } from './types'

/** A document the branch added in the browser: its own text, kept as given and parsed on load. */
export interface LocalDocumentRecord {
  id: string
  title: string
  text: string
  /** Where it came from: a file name, or '粘贴文本'. */
  origin: string
  addedAt: string
  updatedAt: string
}

/** A problem with an added document, worded for the member who added it. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ImportError'
  }
}

export const IMPORT_LIMITS = {
  /** Larger files are refused before they are read. */
  fileBytes: 10 * 1024 * 1024,
  /** Longer texts are refused: the longest study documents are a few tens of thousands of characters. */
  textChars: 300_000,
  titleChars: 60,
}

/**
 * Checks and tidies a text before it becomes a document: one paragraph per line,
 * no control characters, not a web page, not empty, not enormous.
 */
export function cleanImportedText(raw: string): string {
  if (/\u0000/.test(raw)) throw new ImportError('该文件不是文本文件（含有二进制内容），无法导入。请导入 .txt、.md 或 .docx 文件。')
  if (/<script[\s>]|<html[\s>]|<!doctype html/i.test(raw))
    throw new ImportError('该内容是网页代码，不能直接导入。请复制网页中的正文文字粘贴，或另存为纯文本后导入。')
  const text = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .split('\n')
    .map((line) => line.replace(/[\s\u3000]+$/u, ''))
    .join('\n')
    .trim()
  if (!text) throw new ImportError('内容为空，请粘贴或选择有文字的文件。')
  if (text.length > IMPORT_LIMITS.textChars)
    throw new ImportError(`内容过长（${text.length} 字），单个文件最多 ${IMPORT_LIMITS.textChars} 字。请分成几个文件导入。`)
  const replaced = (text.match(/\uFFFD/g) ?? []).length
  if (replaced > text.length / 20) throw new ImportError('文件编码无法识别，文字会变成乱码。请用 UTF-8 或 GBK 编码另存后再导入。')
  return text
}

/** Light Markdown to the content format: headings stay, emphasis and list marks go. */
export function markdownToText(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s*>\s?/, '')
        .replace(/^\s*[-*+]\s+/, '')
        .replace(/(\*\*|__)(.+?)\1/g, '$2')
        .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1'),
    )
    .join('\n')
}

export function cleanTitle(title: string, fallback: string): string {
  const clean = title.replace(/\s+/g, ' ').trim().slice(0, IMPORT_LIMITS.titleChars)
  return clean || fallback
}

/** Parses a stored record into a document like the bundled ones (kind 本地文件), leniently. */
export function localDocument(record: LocalDocumentRecord): StudyDocument {
  try {
    return parseBody(
      record.origin,
      {
        id: record.id,
        title: record.title,
        shortTitle: record.title.slice(0, 12),
        kind: 'local',
        issuer: '本支部导入',
        date: record.addedAt.slice(0, 10),
        version: `本地文本，${record.updatedAt.slice(0, 10)}导入`,
        source: record.origin,
      },
      record.text.split('\n'),
      1,
      { strict: false },
    )
  } catch (error) {
    // Lenient parsing leaves only one way to fail (nothing but editor notes); the English reason is
    // for authors of bundled files and never reaches a member.
    if (error instanceof ContentError) throw new ImportError('内容中没有可用的正文（只有空行或注释）。请检查后重新粘贴或导入。')
    throw error
  }
}

/**
 * Bumped whenever parsing of added documents changes, so stored parsed forms are made afresh once.
 * The fingerprint ties a stored parsed form to exactly the record it came from.
 */
export const LOCAL_PARSE_VERSION = 1

export function recordFingerprint(record: LocalDocumentRecord): string {
  // FNV-1a over every field that reaches the parsed document; fast enough for 300 000 characters (~1 ms).
  let h = 0x811c9dc5
  for (const part of [record.id, record.title, record.origin, record.addedAt, record.updatedAt, record.text]) {
    for (let i = 0; i < part.length; i++) h = Math.imul(h ^ part.charCodeAt(i), 0x01000193)
    h = Math.imul(h ^ 0x1f, 0x01000193)
  }
  return `v${LOCAL_PARSE_VERSION}:${record.text.length}:${(h >>> 0).toString(36)}`
}

/** A new id for an added document; kept when the document is renamed or replaced, so its cards keep their progress. */
export function newLocalId(now: Date, random: () => number = Math.random): string {
  return `local-${now.getTime().toString(36)}-${Math.floor(random() * 36 ** 4).toString(36).padStart(4, '0')}`
}
