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

/** A run of blocks, `start` included, `end` not. */
export interface BlockRange {
  start: number
  end: number
}

/**
 * The first later slice: 700 units cost 60-120 ms of rendering and layout, measured on the 党章 with Chrome's CPU
 * slowed ×4 (a mid-range phone) on a busy machine; the reader then sizes slices to FILL_SLICE_MS on the device.
 */
export const FILL_SLICE_WEIGHT = 500
/** What one slice may take: well under the 200 ms that counts as a long task, with room for a busy moment. */
export const FILL_SLICE_MS = 50

/**
 * The characters that fill a screen at the reader's font size and line height, counted high (a line as wide as
 * the window, no margins): the first slice fills the screen below a linked passage, so it can be scrolled to the top.
 */
export function screenLength(width: number, height: number, fontSize: number, lineHeight = 1.9): number {
  return Math.ceil(width / fontSize) * Math.ceil(height / (fontSize * lineHeight))
}

/** Each block costs a fixed part (elements, components) and a part growing with its text (line layout). */
const BLOCK_WEIGHT = 60
const HEADING_WEIGHT = 30

/** The characters a block shows (a gap notice: its sentence). */
export function blockLength(block: ReaderBlock): number {
  return block.kind === 'passage' ? block.passage.text.length : block.label.length + 40
}

export function blockWeight(block: ReaderBlock): number {
  return BLOCK_WEIGHT + HEADING_WEIGHT * block.headings.length + blockLength(block)
}

/** The block holding the anchor (a passage, a gap inside a notice, or a heading printed above a block); -1 when none. */
export function blockIndexOf(blocks: readonly ReaderBlock[], anchor: string): number {
  if (!anchor) return -1
  return blocks.findIndex(
    (b) => b.headings.some((h) => h.anchor === anchor) || (b.kind === 'passage' ? b.passage.anchor === anchor : b.passages.some((p) => p.anchor === anchor)),
  )
}

/**
 * The slices the page holds once it shows `to`, given those it holds: what `to` adds above and below the text on
 * the page becomes a slice of its own, so a slice already rendered is not rendered again (rendering the whole shown
 * text for every slice made filling a 12 000-passage paste quadratic). A `to` that does not cover them starts over.
 */
export function grownSlices(slices: readonly BlockRange[], to: BlockRange): BlockRange[] {
  const first = slices[0]
  const last = slices[slices.length - 1]
  if (!first || !last || to.start > first.start || to.end < last.end) return to.end > to.start ? [to] : []
  return [...(to.start < first.start ? [{ start: to.start, end: first.start }] : []), ...slices, ...(to.end > last.end ? [{ start: last.end, end: to.end }] : [])]
}

/** The first range: the block a link points at (or the top) and a screenful of text from it down. */
export function firstRange(blocks: readonly ReaderBlock[], from: number, firstLength: number): BlockRange {
  const n = blocks.length
  const start = Math.min(Math.max(from, 0), n)
  let end = start
  for (let sum = 0; end < n && (end === start || sum < firstLength); end++) sum += blockLength(blocks[end]!)
  return { start, end }
}

/**
 * The range after one more slice (at least one block, at most `sliceWeight` otherwise): earlier text above
 * it, nearest first, until the top is reached, then later text below. Null once the range is the whole text.
 */
export function nextRange(blocks: readonly ReaderBlock[], range: BlockRange, sliceWeight: number): BlockRange | null {
  const n = blocks.length
  const weight = (i: number) => blockWeight(blocks[i]!)
  if (range.start > 0) {
    let s = range.start - 1
    for (let sum = weight(s); s > 0 && sum + weight(s - 1) <= sliceWeight; s--) sum += weight(s - 1)
    return { start: s, end: range.end }
  }
  if (range.end >= n) return null
  let e = range.end + 1
  for (let sum = weight(range.end); e < n && sum + weight(e) <= sliceWeight; e++) sum += weight(e)
  return { start: range.start, end: e }
}

/**
 * Bounds for `nextSliceWeight`: a slice never shrinks below a passage or two, nor grows past what a fast desktop
 * puts on the page in about 50 ms (a 290 000-character paste settled near 16 000 per slice there).
 */
const MIN_SLICE_WEIGHT = 150
const MAX_SLICE_WEIGHT = 40_000

/**
 * The next slice's weight, from what the last one cost on this device: scaled toward the time budget, by at
 * most half again or a half at a time, so one slow task (a busy moment) does not swing it.
 */
export function nextSliceWeight(weight: number, spentMs: number, budgetMs: number): number {
  const ratio = Math.min(Math.max(budgetMs / Math.max(spentMs, 1), 0.5), 1.5)
  return Math.round(Math.min(Math.max(weight * ratio, MIN_SLICE_WEIGHT), MAX_SLICE_WEIGHT))
}
