import { readLabel } from '../../content/numerals'
import { docName, makeCard, type PassageContext } from '../context'
import { fullWidth } from '../text'
import type { Card } from '../types'

/**
 * The topic an item opens with, when it has one: `要精简会议活动，……` → 精简会议活动,
 * `坚持公私分明，……` → 坚持公私分明. Null when the first clause is too long to be a heading.
 */
export function itemTopic(body: string): string | null {
  const first = body.trim().split(/[，。；：,;:\n]/)[0]!.replace(/^要/, '')
  const length = [...first].length
  return length >= 4 && length <= 8 && first !== body.trim() ? first : null
}

function bigrams(text: string): string[] {
  const chars = [...text]
  return chars.slice(1).map((c, i) => chars[i]! + c)
}

/**
 * The longest run of clauses of the item, after its topic, that shares no two-character piece
 * with the topic (so the quote does not name its own answer), 6–50 characters long.
 */
function quoteFor(body: string, topic: string): string | null {
  const pieces = bigrams(topic)
  const rest = body.trim().slice(body.indexOf(topic) + topic.length)
  let best = ''
  for (const sentence of rest.split(/[。；！？\n]/)) {
    let run: string[] = []
    const flush = () => {
      const text = run.join('，')
      if (text.length > best.length && text.length <= 50) best = text
      run = []
    }
    for (const clause of sentence.split(/[，,]/).map((c) => c.trim())) {
      if (!clause || pieces.some((p) => clause.includes(p))) flush()
      else run.push(clause)
      if (run.join('，').length > 50) run.shift()
    }
    flush()
  }
  return [...best].length >= 6 ? best : null
}

const sectionOf = (c: PassageContext) => c.passage.path.map((h) => h.anchor).join('/')

interface NumberedSection {
  siblings: PassageContext[]
  topics: (string | null)[]
  index: Map<PassageContext, number>
  usable: boolean
}

/** The numbered items of each section with their topics, worked out once per document (a 10,000-item list asked every item of every other). */
const sectionsOf = new WeakMap<readonly PassageContext[], Map<string, NumberedSection>>()

function numberedSections(contexts: readonly PassageContext[]): Map<string, NumberedSection> {
  let sections = sectionsOf.get(contexts)
  if (sections) return sections
  sections = new Map()
  for (const c of contexts) {
    if (readLabel(c.passage.label) === null) continue
    const key = sectionOf(c)
    let s = sections.get(key)
    if (!s) sections.set(key, (s = { siblings: [], topics: [], index: new Map(), usable: false }))
    s.index.set(c, s.siblings.length)
    s.siblings.push(c)
    s.topics.push(itemTopic(c.body))
  }
  for (const s of sections.values()) s.usable = s.siblings.length >= 4 && s.topics.every(Boolean) && new Set(s.topics).size === s.topics.length
  sectionsOf.set(contexts, sections)
  return sections
}

/**
 * 哪一方面的要求: for numbered texts whose items open with a topic (the eight points of the 八项规定:
 * 改进调查研究, 精简会议活动 …; the norms of the 准则), a clause of one item is quoted and the topics of
 * four neighbouring items are the options. This replaces “出自哪一项”: a secretary asks what a point
 * is about, not its number (a blind review rejected every number question).
 */
export function topicCards(ctx: PassageContext, contexts: readonly PassageContext[]): Card[] {
  if (!readLabel(ctx.passage.label)) return []
  const topic = itemTopic(ctx.body)
  if (!topic) return []
  const items = numberedSections(contexts).get(sectionOf(ctx))
  // Every item of the section needs a topic, all different: otherwise the options are not of one kind.
  if (!items?.usable) return []
  const { siblings, topics } = items
  const quote = quoteFor(ctx.body, topic)
  if (!quote) return []
  const at = items.index.get(ctx)!
  const from = Math.max(0, Math.min(at - 1 - (at % 2), siblings.length - 4))
  const options = topics.slice(from, from + 4) as string[]
  const firstSentence = ctx.sentences[0]?.text ?? topic
  const card = makeCard(
    ctx,
    'choice',
    `topic:${quote}`,
    { prompt: fullWidth(`“${quote}”是${docName(ctx.doc)}中哪一方面的要求？`), answer: topic, options, about: firstSentence },
    'choice:topic',
  )
  // Shown beside the question: the section, not the item's number, which would point at its topic.
  card.heading = ctx.passage.path.map((h) => h.title).join(' › ') || ctx.doc.shortTitle
  return [card]
}
