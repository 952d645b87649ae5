import { gapNotes, withoutGaps } from '../content/gaps'
import { readLabel } from '../content/numerals'
import type { Passage, StudyDocument } from '../content/types'
import type { SearchablePassage } from './engine'

export const HEADING_SEPARATOR = ' › '

/** The chapter/article path shown with a result: `第一章 党员 › 第七条`. */
export function headingOf(passage: Passage): string {
  const parts = passage.path.map((h) => h.title)
  // A numbered item (`八、`) reads as 第八项: a bare numeral says nothing beside a question or a result.
  const item = readLabel(passage.label)
  if (passage.label) parts.push(item?.unit === '项' ? `第${item.numeral}项` : passage.label.replace(/、$/, ''))
  return parts.join(HEADING_SEPARATOR)
}

/**
 * The passage table, in corpus order; the index's ids are positions in it.
 * Gap markers are not text: they are left out of `text`, and their notes (what is missing, what the passage
 * is about) kept in `gap`, so a query about a missing passage can be told where its answer would stand.
 */
export function toSearchable(documents: readonly StudyDocument[]): SearchablePassage[] {
  return documents.flatMap((doc) =>
    doc.passages.flatMap((passage) => {
      const text = passage.incomplete ? withoutGaps(passage.text) : passage.text
      const notes = passage.incomplete ? gapNotes(passage.text) : []
      if (!text && !notes.length) return []
      return [{ docId: doc.id, docTitle: doc.title, anchor: passage.anchor, heading: headingOf(passage), text, ...(notes.length ? { gap: notes.join('') } : {}) }]
    }),
  )
}
