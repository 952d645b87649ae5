/** Kinds of study document; the library groups and labels by these. */
export type DocumentKind =
  | 'article' // a report or news article (the seed article)
  | 'constitution' // 党章
  | 'regulation' // 规定、准则、条例
  | 'glossary' // the project's own explanations of terms
  | 'local' // the branch's own documents, added in the browser

/** Front matter every content file must carry. */
export interface DocumentMeta {
  id: string
  title: string
  shortTitle: string
  kind: DocumentKind
  issuer: string
  /** ISO date (YYYY-MM-DD) of issue or publication. */
  date: string
  version: string
  source: string
  /**
   * Set when parts of an official text could not be reproduced faithfully
   * and were left out; the app shows it, so nobody mistakes a partial text for the whole.
   */
  incomplete?: string
}

/** One heading on the path to a passage, e.g. {anchor: 'ch-1', title: '第一章 党员'}. */
export interface HeadingRef {
  anchor: string
  title: string
}

/** The smallest searchable and card-able unit: a paragraph, an article or a numbered item. */
export interface Passage {
  /** Stable within its document, readable in URLs: `art-7`, `item-3`, `general-2`, `p-4`. */
  anchor: string
  /** Heading path, outermost first (chapter, section …). */
  path: HeadingRef[]
  /** The passage's own label: `第七条`, `一、`, or '' for a plain paragraph. */
  label: string
  /** Full text; paragraphs inside one article are joined with '\n'. */
  text: string
  /** 1-based line in the source file where the passage starts (for error messages). */
  line: number
  /** Part of this passage's official wording is not reproduced (see gaps.ts); its text holds a gap marker. */
  incomplete?: true
}

/** A heading in the document's table of contents. */
export interface TocEntry extends HeadingRef {
  depth: number
  line: number
  /**
   * Words in other documents that should link to this heading (glossary entries),
   * from a `<!-- match: 四风 | 反对“四风” -->` note right below the heading.
   */
  match?: string[]
}

export interface StudyDocument extends DocumentMeta {
  toc: TocEntry[]
  passages: Passage[]
  /** Number of characters of passage text (what the library shows as length). */
  length: number
}

/** Catalog entry: a document without its passages, small enough for the app shell. */
export type CatalogEntry = Omit<StudyDocument, 'passages' | 'toc'> & {
  /** Anchors of the passages whose official wording is not reproduced, so the library can count them. */
  gapAnchors?: string[]
}

/** A content problem, always naming the file and line so an author can fix it. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`)
    this.name = 'ContentError'
  }
}
