import { withoutGaps } from './gaps'
import type { HeadingRef, Passage, StudyDocument } from './types'

/**
 * What the reader renders, in order: headings where the path changes, passages (总纲 paragraphs numbered),
 * and runs of consecutive passages that are nothing but a gap, collapsed into one notice.
 */
export type ReaderBlock =
  | { kind: 'passage'; key: string; headings: ReaderHeading[]; passage: Passage; number?: number }
  | { kind: 'gaps'; key: string; headings: ReaderHeading[]; passages: Passage[]; label: string }

export interface ReaderHeading extends HeadingRef {
  depth: number
  /** The heading repeats the document title (the seed article's `# title`): keep its anchor, not its text. */
  hidden: boolean
}

/** Plain paragraphs under these headings are cited by number (总纲第八自然段), so the reader shows it. */
const NUMBERED_SECTIONS = new Set(['general'])

export function paragraphNumber(passage: Passage): number | undefined {
  const section = passage.path[passage.path.length - 1]?.anchor
  if (passage.label || !section || !NUMBERED_SECTIONS.has(section)) return undefined
  const n = new RegExp(`^${section}-(\\d+)$`).exec(passage.anchor)?.[1]
  return n ? Number(n) : undefined
}

function gapOnly(passage: Passage): boolean {
  return Boolean(passage.incomplete) && withoutGaps(passage.text) === ''
}

/** A heading that only repeats the document's title (the seed article's): neither shown nor listed. */
export function repeatsTitle(doc: StudyDocument, heading: { title: string }): boolean {
  return heading.title === doc.title
}

export function readerBlocks(doc: StudyDocument): ReaderBlock[] {
  const blocks: ReaderBlock[] = []
  let previous: Passage | undefined
  for (const passage of doc.passages) {
    const headings = passage.path
      .map((h, depth) => ({ ...h, depth, hidden: depth === 0 && repeatsTitle(doc, h) }))
      .filter((h) => h.anchor !== previous?.path[h.depth]?.anchor)
    const last = blocks[blocks.length - 1]
    if (gapOnly(passage) && !headings.length && last?.kind === 'gaps') {
      last.passages.push(passage)
      last.label = gapLabel(last.passages)
    } else if (gapOnly(passage)) {
      blocks.push({ kind: 'gaps', key: passage.anchor, headings, passages: [passage], label: gapLabel([passage]) })
    } else {
      const number = paragraphNumber(passage)
      blocks.push(number === undefined ? { kind: 'passage', key: passage.anchor, headings, passage } : { kind: 'passage', key: passage.anchor, headings, passage, number })
    }
    previous = passage
  }
  return blocks
}

function gapLabel(passages: readonly Passage[]): string {
  const first = passages[0]!
  const section = first.path[first.path.length - 1]?.title ?? ''
  const numbers = passages.map(paragraphNumber)
  if (numbers.every((n) => n !== undefined)) {
    const a = numbers[0]!
    const b = numbers[numbers.length - 1]!
    return `${section}第${a === b ? a : `${a}—${b}`}自然段`
  }
  return passages.length === 1 ? `${section}此处一段` : `${section}此处${passages.length}段`
}
