import { parse as parseYaml } from 'yaml'
import { ContentError, type DocumentKind, type DocumentMeta } from './types'

const KINDS: readonly DocumentKind[] = ['article', 'constitution', 'regulation', 'glossary', 'local']
const REQUIRED = ['id', 'title', 'shortTitle', 'kind', 'issuer', 'date', 'version', 'source'] as const

export interface SplitSource {
  meta: DocumentMeta
  /** Body lines, and the 1-based file line of the first body line. */
  body: string[]
  bodyStartLine: number
}

/** Splits `---` front matter from the body and validates every required field. */
export function splitFrontMatter(file: string, source: string): SplitSource {
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  if (lines[0]?.trim() !== '---') throw new ContentError(file, 1, 'missing front matter: the file must start with a line "---"')
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---')
  if (end < 0) throw new ContentError(file, 1, 'front matter is not closed by a line "---"')
  let data: unknown
  try {
    data = parseYaml(lines.slice(1, end).join('\n'))
  } catch (error) {
    throw new ContentError(file, 2, `front matter is not valid YAML: ${(error as Error).message}`)
  }
  return { meta: validateMeta(file, data), body: lines.slice(end + 1), bodyStartLine: end + 2 }
}

export function validateMeta(file: string, data: unknown): DocumentMeta {
  if (typeof data !== 'object' || data === null) throw new ContentError(file, 2, 'front matter must be a set of "key: value" lines')
  const record = data as Record<string, unknown>
  for (const key of REQUIRED) {
    const value = record[key]
    if (typeof value !== 'string' || value.trim() === '')
      throw new ContentError(file, 2, `front matter field "${key}" is missing or empty`)
  }
  const meta = Object.fromEntries(REQUIRED.map((key) => [key, String(record[key]).trim()])) as unknown as DocumentMeta
  if (!/^[a-z0-9][a-z0-9-]*$/.test(meta.id)) throw new ContentError(file, 2, `id "${meta.id}" must be lowercase letters, digits and dashes`)
  if (!KINDS.includes(meta.kind)) throw new ContentError(file, 2, `kind "${meta.kind}" must be one of ${KINDS.join(', ')}`)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(meta.date)) throw new ContentError(file, 2, `date "${meta.date}" must be YYYY-MM-DD`)
  if (typeof record.incomplete === 'string' && record.incomplete.trim()) meta.incomplete = record.incomplete.trim()
  return meta
}
