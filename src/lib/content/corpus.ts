import { parseDocument } from './parseDocument'
import { ContentError, type StudyDocument } from './types'

export interface ContentFile {
  /** Path shown in error messages, e.g. `content/constitution.md`. */
  name: string
  source: string
}

/** Parses every bundled content file strictly and checks what spans files: unique ids. */
export function buildCorpus(files: readonly ContentFile[]): StudyDocument[] {
  const byId = new Map<string, string>()
  const documents = files.map(({ name, source }) => {
    const document = parseDocument(name, source, { strict: true })
    const other = byId.get(document.id)
    if (other) throw new ContentError(name, 2, `id "${document.id}" is already used by ${other}`)
    byId.set(document.id, name)
    return document
  })
  return documents.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.date.localeCompare(b.date))
}

const KIND_ORDER = ['constitution', 'regulation', 'article', 'glossary', 'local']
