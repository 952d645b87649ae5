/**
 * A gap marker stands where an official text is known to have a passage that could not be
 * reproduced faithfully: `{{待补：本自然段经党的二十大修改，修改后的原文尚待核对补入。}}`.
 * It keeps numbering (and so anchors) true to the official text without inventing wording.
 * Search and cards use the text without markers; the reader shows them as gaps.
 */
export const GAP_MARKER = /\{\{待补：([^{}]*)\}\}/gu

export function hasGap(text: string): boolean {
  GAP_MARKER.lastIndex = 0
  return GAP_MARKER.test(text)
}

/** The text a member can study: markers removed, lines left empty by them dropped. */
export function withoutGaps(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(GAP_MARKER, '').trim())
    .filter((line) => line !== '' && !/^[（(][一二三四五六七八九十]+[）)]$/u.test(line))
    .join('\n')
}

export interface GapSegment {
  text: string
  /** The explanation, when this segment is a gap rather than text. */
  gap?: string
}

export function splitGaps(line: string): GapSegment[] {
  const segments: GapSegment[] = []
  let at = 0
  for (const m of line.matchAll(GAP_MARKER)) {
    if (m.index > at) segments.push({ text: line.slice(at, m.index) })
    segments.push({ text: '', gap: m[1]! })
    at = m.index + m[0].length
  }
  if (at < line.length) segments.push({ text: line.slice(at) })
  return segments
}

/** The explanations of a text's gap markers (what is missing there, and what the passage is about). */
export function gapNotes(text: string): string[] {
  return [...text.matchAll(GAP_MARKER)].map((m) => m[1]!)
}
