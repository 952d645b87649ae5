import { hasGap } from './gaps'
import type { StudyDocument } from './types'

/**
 * What a branch took over from its own official copy, kept in its browser:
 * a gap filled (`fill`) or, by the member's explicit choice, a differing passage replaced (`replace`).
 */
export interface OfficialTextRecord {
  /** `${docId}#${anchor}` */
  id: string
  docId: string
  anchor: string
  kind: 'fill' | 'replace'
  /** The official wording. */
  text: string
  /** The bundled wording it was checked against: a record only applies while the bundled text is unchanged. */
  bundled: string
  /** ISO date-time of the member's confirmation. */
  checkedAt: string
}

export const OFFICIAL_TEXT_MARK = '据本支部核对的正式文本补入'

export function isOfficialTextRecord(value: unknown): value is OfficialTextRecord {
  if (typeof value !== 'object' || value === null) return false
  const r = value as Record<string, unknown>
  return ['id', 'docId', 'anchor', 'text', 'bundled', 'checkedAt'].every((key) => typeof r[key] === 'string') && (r.kind === 'fill' || r.kind === 'replace')
}

/**
 * The document as this branch reads, searches and studies it: its records applied where the bundled
 * passage is still the one they were checked against. Records never touch another document.
 */
export function applyOfficialText(doc: StudyDocument, records: readonly OfficialTextRecord[]): StudyDocument {
  const mine = recordsInForce(doc, records)
  if (!mine.size) return doc
  const passages = doc.passages.map((passage) => {
    const record = mine.get(passage.anchor)
    if (!record) return passage
    const { incomplete: _incomplete, ...rest } = passage
    return hasGap(record.text) ? { ...rest, text: record.text, incomplete: true as const } : { ...rest, text: record.text }
  })
  const stillIncomplete = passages.some((p) => p.incomplete)
  const length = passages.reduce((sum, p) => sum + [...p.text].length, 0)
  const { incomplete: _incomplete, ...meta } = doc
  return stillIncomplete ? { ...doc, passages, length } : { ...meta, passages, length }
}

/** Which records are in force for a document (anchor → record), for the reader's marks. */
export function recordsInForce(doc: StudyDocument, records: readonly OfficialTextRecord[]): Map<string, OfficialTextRecord> {
  const texts = new Map(doc.passages.map((p) => [p.anchor, p.text]))
  return new Map(records.filter((r) => r.docId === doc.id && texts.get(r.anchor) === r.bundled).map((r) => [r.anchor, r]))
}
