import { hasGap, withoutGaps } from '../content/gaps'
import type { Passage, StudyDocument } from '../content/types'
import { headingOf } from '../search/passages'
import { findSpans, type KeySpan } from './spans'
import { hash, splitSentences, stripLabel, type Sentence } from './text'
import type { Card, CardType } from './types'

/** One passage, prepared once for every generator. */
export interface PassageContext {
  doc: StudyDocument
  passage: Passage
  /** Passage text without its label. */
  body: string
  sentences: Sentence[]
  /** Key spans per sentence (same index as `sentences`). */
  spans: KeySpan[][]
  heading: string
  /** The studiable text: the passage without `{{待补：…}}` gap markers (what cards quote as source). */
  text: string
  /** Whether the official text has a gap here (a list with a gap is incomplete, so not enumerated). */
  gapped: boolean
  /**
   * Per sentence: the stem of its article when the sentence opens a numbered item
   * (`党员享有的权利之一是`), so the question keeps its subject.
   */
  stems: (string | undefined)[]
}

export function preparePassage(doc: StudyDocument, passage: Passage): PassageContext {
  const text = withoutGaps(passage.text)
  const body = stripLabel(text, passage.label)
  const sentences = splitSentences(body)
  return {
    doc,
    passage,
    body,
    sentences,
    spans: sentences.map((s) => (s.intro ? [] : findSpans(s.text))),
    heading: headingOf(passage),
    text,
    gapped: hasGap(passage.text),
    stems: itemStems(body, sentences),
  }
}

const ITEM_START = /^[（(][一二三四五六七八九十]+[）)]/

/**
 * A list's intro made to stand on its own: a long one keeps its subject and last clause
 * (党的各级领导干部必须……，并且必须具备以下的基本条件), and 它/其 become the subject the sentence before
 * names; null when that is unclear.
 */
export function standaloneIntro(intro: string, previous: string | undefined): string | null {
  let text = intro.replace(/[：:]$/, '')
  if (text.length > 30) {
    const clauses = text.split(/[，,]/)
    const subject = /^(.{2,12}?)(?:必须|应当|要)/.exec(clauses[0]!)?.[1]
    if (!subject) return null
    text = subject + clauses[clauses.length - 1]!.replace(/^(?:并且|并|而且|同时)/, '')
  }
  if (/^[它其]/.test(text)) {
    const subject = previous ? /^([^，,、]{2,14}?)(?:是|为)/.exec(previous)?.[1] : undefined
    if (!subject) return null
    text = subject + (text.startsWith('它的') || text.startsWith('其') ? text.replace(/^它的|^其/, '的') : text.slice(1))
  }
  return text
}

/** `党员享有下列权利：` → `党员享有的权利之一是`; `它的基本任务是：` with 它 resolved; null when unclear. */
export function stemOf(intro: string, previous: string | undefined): string | null {
  const text = standaloneIntro(intro, previous)
  if (!text) return null
  const listed = /^(.+?)(?:下列的?|以下的?|如下的?)(.+)$/.exec(text)
  if (listed) return `${listed[1]}的${listed[2]}之一是`
  if (text.endsWith('是')) return `${text.slice(0, -1)}之一是`
  return null
}

function itemStems(body: string, sentences: readonly Sentence[]): (string | undefined)[] {
  const stems: (string | undefined)[] = sentences.map(() => undefined)
  let stem: string | null = null
  const lines = body.split('\n')
  for (const line of lines) {
    const t = line.trim()
    if (/[：:]$/.test(t)) {
      const parts = t.split(/[。；]/)
      stem = stemOf(parts[parts.length - 1]!, parts[parts.length - 2])
      continue
    }
    if (!ITEM_START.test(t) || !stem) continue
    const first = t.replace(ITEM_START, '').split(/[。；;！？]/)[0]!.trim()
    const at = sentences.findIndex((s) => s.text === first)
    if (at >= 0) stems[at] = stem
  }
  return stems
}

/** Everything a card needs besides its identity. */
export interface CardFields {
  prompt: string
  answer: string | string[]
  options?: string[]
  ordered?: boolean
  /** For a false 判断: the passage's own wording of what the statement changed. */
  original?: string
  source?: string
  /** The sentence (or list) the card is about, when not the tested key: siblings share it. */
  about?: string
  label?: string
}

/**
 * Builds a card whose id depends only on the document, the anchor, the type and `fact`
 * (the tested span with the sentence it sits in), never on positions in the card list.
 */
export function makeCard(ctx: PassageContext, type: CardType, fact: string, fields: CardFields, generator: string): Card {
  const card: Card = {
    id: cardId(ctx.doc.id, ctx.passage.anchor, type, fact),
    docId: ctx.doc.id,
    anchor: ctx.passage.anchor,
    type,
    prompt: fields.prompt,
    answer: fields.answer,
    source: fields.source ?? ctx.text,
    heading: ctx.heading,
    fact: factId(ctx.doc.id, ctx.passage.anchor, fields.about ?? fact.split('\u0000')[0]!),
    origin: 'generated',
    generator,
  }
  if (fields.options) card.options = fields.options
  if (fields.ordered !== undefined) card.ordered = fields.ordered
  if (fields.original !== undefined) card.original = fields.original
  if (fields.label !== undefined) card.label = fields.label
  return card
}

/**
 * The id of a fact: the passage and the sentence (or list) it sits in, punctuation-blind, so a
 * hand-written card quoting the same sentence lands on the same fact as the generated ones.
 */
export function factId(docId: string, anchor: string, about: string): string {
  return `${docId}#${anchor}~${hash(about.replace(/[\p{P}\s]/gu, ''))}`
}

export function cardId(docId: string, anchor: string, type: CardType, fact: string): string {
  return `${docId}#${anchor}:${type}:${hash(fact)}`
}

/** A short name for the document in prompts: 《党章》. */
export function docName(doc: StudyDocument): string {
  return `《${doc.shortTitle || doc.title}》`
}
