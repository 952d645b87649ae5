import { bigrams, dice, diffChars, foldText, htmlToText, looksLikeHtml, similarity, type Bigrams, type DiffSegment } from './alignText'
import { earlierRevision } from './alignRevision'
import { GAP_MARKER, withoutGaps } from './gaps'
import { parseBody } from './parse'
import type { Passage, StudyDocument } from './types'

/**
 * Aligns a branch's copy of an official text with the bundled document, passage by passage,
 * by structure (headings, articles, numbered items; plain paragraphs such as the 总纲 by order and wording).
 * The app, the `align` CLI and the tests all call `alignOfficialText`.
 */
export type AlignStatus = 'identical' | 'fills-gap' | 'differs' | 'missing-in-official' | 'extra-in-official'

export interface AlignedPassage {
  /** The bundled passage's anchor; an extra official passage is named after the one it follows (`general-9+1`). */
  anchor: string
  status: AlignStatus
  /** The bundled wording (with `{{待补：…}}` markers where it has gaps). */
  bundled?: string
  /** The official wording as the branch supplied it. */
  official?: string
  /** Where it is, for people: `总纲 第9段`, `第三十二条`. */
  where: string
  /** For `differs`: how the official wording departs from the bundled one. */
  diff?: DiffSegment[]
}

export interface AlignResult {
  doc: string
  verdict: 'accepted' | 'refused'
  /** Why a text was refused, in plain Chinese. */
  reason?: string
  passages: AlignedPassage[]
}

/** Limits that separate "the same document with a few differences" from "not this document". */
export const ALIGN_LIMITS = {
  /** At least this share of the bundled passages (gaps aside) must be found in the official text. */
  minFound: 0.6,
  /** More differing/missing/extra passages than this share means another revision. */
  maxChanged: 0.08,
  /** … but a handful are always tolerated (and each shown to the member). */
  minChangedAllowed: 4,
}

/** Turns whatever the member pasted or opened into content lines; text outside the document is cut later. */
export function officialLines(raw: string): string[] {
  const text = looksLikeHtml(raw) ? htmlToText(raw) : raw
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/gu, '').replace(/^#{1,6}\s+/, '').replace(/\s*\{#[a-z0-9-]+\}$/, ''))
    .filter((line) => line !== '' && !line.startsWith('<!--'))
}

export function alignOfficialText(doc: StudyDocument, raw: string): AlignResult {
  const refuse = (reason: string): AlignResult => ({ doc: doc.id, verdict: 'refused', reason, passages: [] })
  const lines = officialLines(raw)
  if (!lines.length) return refuse('没有可核对的文字：粘贴框或文件是空的。')
  const start = findStart(doc, lines)
  const preamble = lines.slice(0, start)
  const revision = otherRevision(doc, preamble)
  if (revision) return refuse(revision)
  const body = lines.slice(start)
  // A copy that starts with the 总纲's first paragraph, without the word 总纲, still belongs under it.
  const firstHeading = doc.passages[0]!.path[0]
  if (firstHeading && foldText(body[0] ?? '') !== foldText(firstHeading.title)) body.unshift(firstHeading.title)

  let official: Passage[]
  try {
    official = parseBody('official', doc, markHeadings(doc, body), 1, { strict: false }).passages
  } catch {
    return refuse(`无法识别这段文字的结构，请确认粘贴的是《${doc.title}》的正文。`)
  }
  const passages = compare(doc.passages, official)

  const substantive = doc.passages.filter((p) => withoutGaps(p.text) !== '')
  const found = passages.filter((p) => p.status === 'identical' || p.status === 'fills-gap' || (p.status === 'differs' && closeEnough(p))).length
  if (found < substantive.length * ALIGN_LIMITS.minFound) {
    const firstMissing = passages.findIndex((p) => p.status === 'missing-in-official')
    const onlyHead = firstMissing > 0 && passages.slice(firstMissing).every((p) => p.status === 'missing-in-official' || p.status === 'extra-in-official')
    if (onlyHead)
      return refuse(`文本不完整：只有开头部分，从“${passages[firstMissing]!.where}”起的内容都没有找到。请复制全文后再核对，本次不作任何改动。`)
    return refuse(`这段文字不像《${doc.title}》：本应用收录的 ${substantive.length} 段中只有 ${found} 段能在其中找到对应。请确认粘贴或打开的是该文件的全文。`)
  }

  const missing = passages.filter((p) => p.status === 'missing-in-official')
  const firstPassage = passages.find((p) => p.status !== 'extra-in-official')
  const lastPassage = [...passages].reverse().find((p) => p.status !== 'extra-in-official')
  if (lastPassage?.status === 'missing-in-official') {
    const from = missing.find((p) => passages.indexOf(p) >= trailingRunStart(passages))!
    return refuse(`文本不完整：从“${from.where}”起到结尾的内容都没有找到，可能复制时没有选全。请复制全文后再核对，本次不作任何改动。`)
  }
  if (firstPassage?.status === 'missing-in-official')
    return refuse(`文本不完整：开头的“${firstPassage.where}”没有找到，可能复制时没有选全。请复制全文后再核对，本次不作任何改动。`)

  // Before counting differences: a 2017 copy without its date line differs in few passages, all of them the amended ones.
  const earlier = earlierRevision(doc, passages)
  if (earlier) return refuse(earlier)

  const changed = passages.filter((p) => p.status === 'differs' || p.status === 'extra-in-official' || (p.status === 'missing-in-official' && withoutGaps(p.bundled ?? '') !== ''))
  const allowed = Math.max(ALIGN_LIMITS.minChangedAllowed, Math.ceil(substantive.length * ALIGN_LIMITS.maxChanged))
  if (changed.length > allowed)
    return refuse(`这段文字与本应用收录的《${doc.title}》（${doc.version}）有 ${changed.length} 处不一致，超出同一版本可能有的出入，可能是其他年份的版本或经过改写的文本。请使用现行正式文本，本次不作任何改动。`)
  return { doc: doc.id, verdict: 'accepted', passages }
}

/** Where the document starts in the pasted lines: its first heading, or its first passage's opening words. */
function findStart(doc: StudyDocument, lines: readonly string[]): number {
  const first = doc.passages[0]!
  const heading = first.path[0]
  if (heading) {
    const at = lines.findIndex((line) => foldText(line) === foldText(heading.title))
    if (at >= 0) return at
  }
  const opening = foldText(withoutGaps(first.text).split('\n')[0] ?? '').slice(0, 12)
  if (opening) {
    const at = lines.findIndex((line) => foldText(line).startsWith(opening))
    if (at >= 0) return at
  }
  return 0
}

/** A preamble naming an adoption date the bundled text does not know (its date, version, source) marks another revision. */
function otherRevision(doc: StudyDocument, preamble: readonly string[]): string | null {
  const DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g
  const iso = (m: RegExpMatchArray) => `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`
  const known = new Set([doc.date, ...[...`${doc.version} ${doc.source}`.normalize('NFKC').matchAll(DATE)].map(iso)])
  // A heading naming another congress (……第十九次全国代表大会部分修改) without a date.
  const CONGRESS = /第([一二三四五六七八九十]+)次全国代表大会/
  const ours = CONGRESS.exec(doc.version)?.[1]
  for (const line of preamble) {
    const congress = CONGRESS.exec(line)?.[1]
    if (ours && congress && congress !== ours && /通过|修改|修订/.test(line))
      return `这是党的第${congress}次全国代表大会修改的版本（“${line.slice(0, 60)}”），本应用收录的是“${doc.version}”的版本。版本不同，不能据此补全或核对，本次不作任何改动。`
  }
  for (const line of preamble) {
    if (!/通过|修改|修订|印发|审议/.test(line)) continue
    const other = [...line.normalize('NFKC').matchAll(DATE)].find((m) => !known.has(iso(m)))
    if (other)
      return `这是${other[1]}年${Number(other[2])}月${Number(other[3])}日的版本（“${line.slice(0, 60)}”），本应用收录的是“${doc.version}”的版本。版本不同，不能据此补全或核对，本次不作任何改动。`
  }
  return null
}

/** Lines equal to a bundled heading become headings with the bundled anchor, so both sides share anchors. */
function markHeadings(doc: StudyDocument, lines: readonly string[]): string[] {
  const headings = new Map(doc.toc.map((h) => [foldText(h.title), h]))
  return lines.map((line) => {
    const heading = headings.get(foldText(line))
    return heading ? `${'#'.repeat(heading.depth)} ${heading.title} {#${heading.anchor}}` : line
  })
}

function closeEnough(p: AlignedPassage): boolean {
  return similarity(foldText(withoutGaps(p.bundled ?? '')), foldText(p.official ?? '')) >= 0.6
}

function trailingRunStart(passages: readonly AlignedPassage[]): number {
  let i = passages.length
  while (i > 0 && (passages[i - 1]!.status === 'missing-in-official' || passages[i - 1]!.status === 'extra-in-official')) i--
  return i
}

export function describePassage(passage: Passage): string {
  if (passage.label) return passage.label.replace(/、$/, '')
  const heading = passage.path[passage.path.length - 1]
  const n = /-(\d+)$/.exec(passage.anchor)?.[1]
  return heading && n ? `${heading.title} 第${n}段` : passage.anchor
}

interface Unit {
  passage: Passage
  folded: string
  /** Articles and numbered items match by anchor only; plain paragraphs by heading, order and wording. */
  labelled: boolean
  section: string
  gapOnly: boolean
  grams: Bigrams
}

function unit(passage: Passage): Unit {
  const folded = foldText(withoutGaps(passage.text))
  return { passage, folded, labelled: passage.label !== '', section: passage.path.map((h) => h.anchor).join('/'), gapOnly: folded === '', grams: bigrams(folded) }
}

const NO_MATCH = -Infinity

function pairScore(b: Unit, o: Unit): number {
  if (b.labelled || o.labelled) {
    if (!b.labelled || !o.labelled || b.passage.anchor !== o.passage.anchor) return NO_MATCH
    return 2 + (b.folded === o.folded ? 1 : dice(b.grams, o.grams))
  }
  if (b.section !== o.section) return NO_MATCH
  // A paragraph that is only a gap takes whichever single paragraph stands in its place.
  if (b.gapOnly) return 0.5
  const s = b.folded === o.folded ? 1 : dice(b.grams, o.grams)
  return s >= 0.35 ? s : NO_MATCH
}

/** Global alignment (Needleman–Wunsch) of the two passage sequences; unmatched passages cost nothing. */
function compare(bundled: readonly Passage[], official: readonly Passage[]): AlignedPassage[] {
  const B = bundled.map(unit)
  const O = official.map(unit)
  const n = B.length
  const m = O.length
  const width = m + 1
  const scores = new Float64Array(n * m)
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) scores[i * m + j] = pairScore(B[i]!, O[j]!)
  const best = new Float64Array((n + 1) * width)
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) {
      const pair = scores[i * m + j]!
      best[i * width + j] = Math.max(best[(i + 1) * width + j]!, best[i * width + j + 1]!, pair === NO_MATCH ? NO_MATCH : pair + best[(i + 1) * width + j + 1]!)
    }
  const out: AlignedPassage[] = []
  let i = 0
  let j = 0
  let previous = 'start'
  let extras = 0
  const pending: AlignedPassage[] = []
  while (i < n || j < m) {
    const pair = i < n && j < m ? scores[i * m + j]! : NO_MATCH
    if (pair !== NO_MATCH && best[i * width + j] === pair + best[(i + 1) * width + j + 1]!) {
      out.push(...pending.splice(0))
      out.push(matched(B[i]!.passage, O[j]!.passage, i === n - 1))
      previous = B[i]!.passage.anchor
      extras = 0
      i++
      j++
    } else if (i < n && (j === m || best[i * width + j] === best[(i + 1) * width + j]!)) {
      out.push(...pending.splice(0))
      const p = B[i]!.passage
      out.push({ anchor: p.anchor, status: 'missing-in-official', bundled: p.text, where: describePassage(p) })
      previous = p.anchor
      extras = 0
      i++
    } else {
      const o = O[j]!.passage
      // Lines after the document's end (a web page's footer) are not part of it: held back, dropped at the end.
      pending.push({ anchor: `${previous}+${++extras}`, status: 'extra-in-official', official: o.text, where: `${previous === 'start' ? '开头' : out[out.length - 1]?.where ?? previous}之后多出的一段` })
      j++
    }
  }
  return out
}

function matched(b: Passage, o: Passage, isLast: boolean): AlignedPassage {
  let officialText = o.text
  const bundledLines = b.text.split('\n').length
  // A web page's footer glues onto the last article; keep only as many lines as the bundled passage has.
  if (isLast && officialText.split('\n').length > bundledLines) {
    const head = officialText.split('\n').slice(0, bundledLines).join('\n')
    if (foldText(head) === foldText(b.text) || (b.incomplete && fillsGaps(b.text, head))) officialText = head
  }
  const base = { anchor: b.anchor, bundled: b.text, official: officialText, where: describePassage(b) }
  if (b.incomplete) {
    if (fillsGaps(b.text, officialText)) return { ...base, status: 'fills-gap' }
    return { ...base, status: 'differs', diff: diffChars(withoutGaps(b.text), officialText) }
  }
  if (foldText(b.text) === foldText(officialText)) return { ...base, status: 'identical' }
  return { ...base, status: 'differs', diff: diffChars(b.text, officialText) }
}

/** The official text keeps every reproduced piece of the bundled passage, in order, and has wording where the gaps are. */
export function fillsGaps(bundled: string, official: string): boolean {
  const pieces = bundled.split(GAP_MARKER).filter((_, k) => k % 2 === 0).map(foldText)
  const text = foldText(official)
  if (!text.startsWith(pieces[0]!) || !text.endsWith(pieces[pieces.length - 1]!)) return false
  let at = pieces[0]!.length
  for (const piece of pieces.slice(1)) {
    const found = text.indexOf(piece, at + 1)
    if (found < 0) return false
    at = found + piece.length
  }
  return text.length > pieces.reduce((sum, piece) => sum + piece.length, 0)
}
