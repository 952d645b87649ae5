import { hasGap } from './gaps'
import { NUMERAL_CLASS, parseNumeral } from './numerals'
import {
  ContentError,
  type DocumentMeta,
  type HeadingRef,
  type Passage,
  type StudyDocument,
  type TocEntry,
} from './types'

/**
 * The content format, shared by bundled Markdown files and documents a branch adds:
 * - every non-empty line is a paragraph (Chinese texts do not wrap lines);
 * - `#`… lines are headings, optionally ending in `{#anchor}`; a bare line `第X编/章/节 …` is a heading too;
 * - `第X条 …` starts an article (`art-X`); the plain paragraphs after it belong to it;
 * - `一、…` is a numbered item (`item-X`), `（一）…` a sub-item that stays inside its article or item;
 * - any other paragraph is its own passage, anchored by its heading and position (`general-2`, `p-4`);
 * - `{{待补：…}}` marks official wording that is not reproduced (see gaps.ts);
 * - `<!-- … -->` lines are editor notes and are skipped; `<!-- match: a | b -->` right below a heading
 *   lists the words elsewhere that link to it (glossary entries).
 */
export interface ParseOptions {
  /**
   * Bundled content is strict: a duplicate anchor or a line the format does not know is an error.
   * Added documents are lenient: duplicates get `-2`, `-3` suffixes, and an odd line (a WeChat `#话题#`,
   * an unclosed `<!--`) is kept as a plain paragraph rather than rejecting the whole document.
   */
  strict?: boolean
}

const NUM = `[${NUMERAL_CLASS}\\d]+`
const ARTICLE = new RegExp(`^第(${NUM})条(?=[\\s\\u3000]|$|[^${NUMERAL_CLASS}])`)
const ITEM = new RegExp(`^(${NUM})[、．.](?!\\d)`)
const SUB_ITEM = new RegExp(`^[（(](${NUM})[）)]`)
const STRUCTURE_HEADING = new RegExp(`^第(${NUM})([编章节])(?:[\\s\\u3000]+\\S.*)?$`)
const MD_HEADING = /^(#{1,6})\s+(.*?)(?:\s*\{#([a-z0-9][a-z0-9-]*)\})?\s*$/
const HEADING_NUMBER = new RegExp(`^(${NUM})、`)
const STRUCTURE_DEPTH: Record<string, number> = { 编: 1, 章: 2, 节: 3 }

interface OpenHeading extends TocEntry {
  paragraphCount: number
}

export function parseBody(
  file: string,
  meta: DocumentMeta,
  lines: readonly string[],
  firstLine = 1,
  { strict = true }: ParseOptions = {},
): StudyDocument {
  const toc: TocEntry[] = []
  const passages: Passage[] = []
  const anchors = new Map<string, number>()
  /** Per duplicated anchor, the next suffix to try. */
  const nextSuffix = new Map<string, number>()
  const stack: OpenHeading[] = []
  let topParagraphs = 0
  let fallbackHeadings = 0
  /** The article or item that following sub-items (and, for articles, plain paragraphs) belong to. */
  let open: { passage: Passage; kind: 'article' | 'item' } | null = null

  const claim = (anchor: string, line: number): string => {
    const seen = anchors.get(anchor)
    if (seen === undefined) {
      anchors.set(anchor, line)
      return anchor
    }
    if (strict) throw new ContentError(file, line, `duplicate anchor "${anchor}" (first used on line ${seen})`)
    // Resume after the last suffix handed out for this anchor: every smaller one is taken already,
    // so a paste of thousands of 第一条 lines stays linear instead of rescanning -2, -3, … each time.
    let n = nextSuffix.get(anchor) ?? 2
    while (anchors.has(`${anchor}-${n}`)) n++
    nextSuffix.set(anchor, n + 1)
    anchors.set(`${anchor}-${n}`, line)
    return `${anchor}-${n}`
  }

  const addHeading = (depth: number, title: string, explicit: string | undefined, line: number) => {
    while (stack.length && stack[stack.length - 1]!.depth >= depth) stack.pop()
    const anchor = claim(explicit ?? deriveHeadingAnchor(title, stack) ?? `h-${++fallbackHeadings}`, line)
    const entry: TocEntry = { anchor, title, depth, line }
    toc.push(entry)
    stack.push({ ...entry, paragraphCount: 0 })
    open = null
  }

  const path = (): HeadingRef[] => stack.map(({ anchor, title }) => ({ anchor, title }))
  const push = (anchor: string, label: string, text: string, line: number): Passage => {
    const passage: Passage = { anchor: claim(anchor, line), path: path(), label, text, line }
    passages.push(passage)
    return passage
  }

  let lastContentLine = 0
  lines.forEach((raw, index) => {
    const line = firstLine + index
    const text = raw.replace(/[\s\u3000]+$/u, '').replace(/^[\s\u3000]+/u, '')
    if (text === '') return
    const previousContentLine = lastContentLine
    lastContentLine = line
    /** Strict: the line is an error. Lenient: it falls through and becomes a plain paragraph. */
    const unrecognised = (reason: string): void => {
      if (strict) throw new ContentError(file, line, reason)
    }
    structured: {
      if (text.startsWith('<!--')) {
        if (!text.endsWith('-->')) {
          unrecognised('an editor note "<!--" must close with "-->" on the same line')
          break structured
        }
        const match = /^<!--\s*match:(.*)-->$/.exec(text)
        if (match) {
          const heading = toc[toc.length - 1]
          const words = match[1]!.split('|').map((word) => word.trim()).filter(Boolean)
          if (!heading || heading.line !== previousContentLine) unrecognised('a "match:" note must stand right below its heading')
          else if (!words.length) unrecognised('a "match:" note lists no words')
          else heading.match = words
        }
        return
      }
      const md = MD_HEADING.exec(text)
      if (md && md[2]!.trim()) {
        addHeading(md[1]!.length, md[2]!.trim(), md[3], line)
        return
      }
      if (md) unrecognised('heading has no text')
      else if (text.startsWith('#')) unrecognised('unparseable heading: write "## Title" or "## Title {#anchor}"')
      if (text.startsWith('#')) break structured
      const structure = STRUCTURE_HEADING.exec(text)
      if (structure && text.length <= 40 && !/[。；;]/.test(text)) {
        addHeading(STRUCTURE_DEPTH[structure[2]!]!, text, undefined, line)
        return
      }
      const article = ARTICLE.exec(text)
      if (article) {
        const n = parseNumeral(article[1]!)
        if (!Number.isNaN(n)) {
          open = { passage: push(`art-${n}`, `第${article[1]}条`, text, line), kind: 'article' }
          return
        }
        unrecognised(`unparseable article number "${article[1]}"`)
        break structured
      }
      const item = ITEM.exec(text)
      if (item && !Number.isNaN(parseNumeral(item[1]!))) {
        const n = parseNumeral(item[1]!)
        const scoped = anchors.has(`item-${n}`) && stack.length ? `${stack[stack.length - 1]!.anchor}-item-${n}` : `item-${n}`
        open = { passage: push(scoped, `${item[1]}、`, text, line), kind: 'item' }
        return
      }
      if (open && (SUB_ITEM.test(text) || open.kind === 'article')) {
        open.passage.text += `\n${text}`
        return
      }
      const sub = SUB_ITEM.exec(text)
      const parent = stack[stack.length - 1]
      if (sub && !Number.isNaN(parseNumeral(sub[1]!))) {
        const n = parseNumeral(sub[1]!)
        push(parent ? `${parent.anchor}-sub-${n}` : `sub-${n}`, `（${sub[1]}）`, text, line)
        return
      }
    }
    const heading = stack[stack.length - 1]
    open = null
    const n = heading ? ++heading.paragraphCount : ++topParagraphs
    push(heading ? `${heading.anchor}-${n}` : `p-${n}`, '', text, line)
  })

  if (passages.length === 0) throw new ContentError(file, firstLine, 'the document has no text')
  const gapped = passages.filter((p) => hasGap(p.text))
  for (const passage of gapped) passage.incomplete = true
  if (gapped.length && !meta.incomplete && strict)
    throw new ContentError(file, gapped[0]!.line, 'the text has a {{待补：…}} gap, so its front matter must say what is missing in "incomplete"')
  const length = passages.reduce((sum, p) => sum + [...p.text].length, 0)
  return { ...meta, toc, passages, length }
}

function deriveHeadingAnchor(title: string, parents: readonly OpenHeading[]): string | undefined {
  if (title === '总纲') return 'general'
  const structure = STRUCTURE_HEADING.exec(title)
  if (structure) {
    const n = parseNumeral(structure[1]!)
    if (structure[2] === '编') return `book-${n}`
    if (structure[2] === '章') return `ch-${n}`
    const chapter = [...parents].reverse().find((h) => h.anchor.startsWith('ch-'))
    return chapter ? `${chapter.anchor}-sec-${n}` : `sec-${n}`
  }
  const numbered = HEADING_NUMBER.exec(title)
  if (numbered && !Number.isNaN(parseNumeral(numbered[1]!))) return `part-${parseNumeral(numbered[1]!)}`
  return undefined
}
