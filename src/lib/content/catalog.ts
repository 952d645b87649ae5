import type { CatalogEntry, StudyDocument } from './types'

/**
 * A document as the library lists it: everything but its passages, plus where its gaps are.
 * Kept apart from the corpus builder, so the app shell never loads the front-matter (YAML) parser.
 */
export function toCatalogEntry({ passages, toc: _toc, ...entry }: StudyDocument): CatalogEntry {
  const gapAnchors = passages.filter((p) => p.incomplete).map((p) => p.anchor)
  return gapAnchors.length ? { ...entry, gapAnchors } : entry
}
