import { splitFrontMatter } from './frontMatter'
import { parseBody, type ParseOptions } from './parse'
import type { StudyDocument } from './types'

/**
 * A content file with its front matter (the bundled texts). Apart from `parseBody`, which the browser
 * uses for the branch's own documents, so the app never loads the YAML parser.
 */
export function parseDocument(file: string, source: string, options: ParseOptions = {}): StudyDocument {
  const { meta, body, bodyStartLine } = splitFrontMatter(file, source)
  return parseBody(file, meta, body, bodyStartLine, options)
}
