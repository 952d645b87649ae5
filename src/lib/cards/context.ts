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
  }
}

/** Everything a card needs besides its identity. */
export interface CardFields {
  prompt: string
  answer: string | string[]
  options?: string[]
  ordered?: boolean
  fact?: string
  source?: string
}

/**
 * Builds a card whose id depends only on the document, the anchor, the type and `fact`
 * (the tested span with the sentence it sits in), never on positions in the card list.
 */
export function makeCard(ctx: PassageContext, type: CardType, fact: string, fields: CardFields, origin: string): Card {
  const card: Card = {
    id: cardId(ctx.doc.id, ctx.passage.anchor, type, fact),
    docId: ctx.doc.id,
    anchor: ctx.passage.anchor,
    type,
    prompt: fields.prompt,
    answer: fields.answer,
    source: fields.source ?? ctx.text,
    heading: ctx.heading,
    origin,
  }
  if (fields.options) card.options = fields.options
  if (fields.ordered !== undefined) card.ordered = fields.ordered
  if (fields.fact !== undefined) card.fact = fields.fact
  return card
}

export function cardId(docId: string, anchor: string, type: CardType, fact: string): string {
  return `${docId}#${anchor}:${type}:${hash(fact)}`
}

/** A short name for the document in prompts: 《党章》. */
export function docName(doc: StudyDocument): string {
  return `《${doc.shortTitle || doc.title}》`
}
