import type { StudyDocument } from './types'

/** A word in the texts that links to the heading explaining it (a glossary entry). */
export interface TermLink {
  word: string
  docId: string
  anchor: string
  title: string
}

/** A piece of passage text as the reader renders it: plain, matched by the query, and/or a term link. */
export interface DecoratedSegment {
  text: string
  hit: boolean
  link?: TermLink
}

export type Interval = readonly [start: number, end: number]

export function collectTermLinks(documents: readonly StudyDocument[]): TermLink[] {
  const links = documents.flatMap((doc) =>
    doc.toc.flatMap((heading) =>
      (heading.match ?? []).map((word) => ({ word, docId: doc.id, anchor: heading.anchor, title: heading.title })),
    ),
  )
  // Longest words first, so 党风廉政建设责任制 wins over 党风廉政建设.
  return links.sort((a, b) => b.word.length - a.word.length)
}

/** Non-overlapping occurrences of the linked words, leftmost-longest; a heading never links to itself. */
export function findTermLinks(
  text: string,
  links: readonly TermLink[],
  here?: { docId: string; anchor: string },
): { start: number; end: number; link: TermLink }[] {
  const taken: { start: number; end: number; link: TermLink }[] = []
  for (const link of links) {
    if (here && link.docId === here.docId && here.anchor.startsWith(link.anchor)) continue
    let at = text.indexOf(link.word)
    while (at >= 0) {
      const end = at + link.word.length
      if (!taken.some((t) => at < t.end && end > t.start)) taken.push({ start: at, end, link })
      at = text.indexOf(link.word, end)
    }
  }
  return taken.sort((a, b) => a.start - b.start)
}

/** Cuts text at every boundary of the query matches and term links. */
export function decorate(
  text: string,
  hits: readonly Interval[],
  terms: readonly { start: number; end: number; link: TermLink }[],
): DecoratedSegment[] {
  const cuts = new Set<number>([0, text.length])
  for (const [s, e] of hits) cuts.add(s).add(e)
  for (const t of terms) cuts.add(t.start).add(t.end)
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b)
  const segments: DecoratedSegment[] = []
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!
    const end = points[i + 1]!
    const hit = hits.some(([s, e]) => start >= s && end <= e)
    const link = terms.find((t) => start >= t.start && end <= t.end)?.link
    const last = segments[segments.length - 1]
    if (last && last.hit === hit && last.link === link) last.text += text.slice(start, end)
    else segments.push(link ? { text: text.slice(start, end), hit, link } : { text: text.slice(start, end), hit })
  }
  return segments
}

/**
 * Term links for a whole passage, line by line, each glossary entry linked only at its first occurrence:
 * one link tells the reader the term is explained; twenty underlines in one paragraph only distract.
 */
export function passageTermLinks(
  lines: readonly string[],
  links: readonly TermLink[],
  here?: { docId: string; anchor: string },
): { start: number; end: number; link: TermLink }[][] {
  const linked = new Set<string>()
  return lines.map((line) =>
    findTermLinks(line, links, here).filter(({ link }) => {
      const target = `${link.docId}#${link.anchor}`
      if (linked.has(target)) return false
      linked.add(target)
      return true
    }),
  )
}
