import { formatNumeral, parseNumeral } from '../../content/numerals'
import type { Passage } from '../../content/types'
import { docName, makeCard, standaloneIntro, type PassageContext } from '../context'
import { TERM_FAMILIES } from '../lexicon'
import { findLists, isTestableMember } from '../spans'
import { isGap, seededShuffle } from '../text'
import type { Card } from '../types'

const SUB_ITEM = /^[（(]([一二三四五六七八九十]+)[）)]/
const MAX_GIST = 40

/** The first sentence of an item, or its first clause when the sentence is long. */
export function gist(text: string, max = MAX_GIST): string {
  const sentence = text.split(/[。；;！？]/)[0]!.trim()
  if (sentence.length <= max) return sentence
  return sentence.split(/[，,：:]/)[0]!.trim()
}

/** `党员必须履行下列义务：` → `党员必须履行哪些义务？`; `它的基本任务是：` with the subject resolved. */
function askFromIntro(intro: string, previous: string | undefined): string | null {
  const text = standaloneIntro(intro, previous)
  if (!text) return null
  if (/下列|以下|如下/.test(text)) return `${text.replace(/下列的?|以下的?|如下的?/, '哪些')}？`
  if (/(?:是|为|有|包括)$/.test(text)) return `${text.replace(/(?:是|为)$/, '有')}哪些？`
  return null
}

/** 列举 from an article's sub-items: 第三条 党员必须履行下列义务：（一）…（八）. */
function subItemCard(ctx: PassageContext): Card | null {
  if (ctx.gapped) return null // a list with a missing item would teach an incomplete answer
  const lines = ctx.body.split('\n')
  const introAt = lines.findIndex((l) => /[：:]$/.test(l.trim()))
  if (introAt < 0) return null
  const items = lines.slice(introAt + 1).filter((l) => SUB_ITEM.test(l))
  if (items.length < 2 || items.some(isGap)) return null
  const intro = lines[introAt]!.trim()
  const sentences = intro.split(/[。；]/)
  const question = askFromIntro(sentences[sentences.length - 1]!, sentences[sentences.length - 2])
  if (!question) return null
  const answer = items.map((l) => gist(l.replace(SUB_ITEM, '')))
  const where = ctx.passage.label ? `${docName(ctx.doc)}${ctx.passage.label}` : docName(ctx.doc)
  const prompt = `${question}（${where}，共${formatNumeral(items.length)}项）`
  const about = sentences[sentences.length - 1]!
  return makeCard(ctx, 'enumeration', `sub-items:${intro}`, { prompt, answer, ordered: false, about }, 'enumeration:sub-items')
}

/** Verbs that introduce a list running to the end of its sentence. */
const TRIGGER = /^(.{2,30}?)(主要包括|包括|分为|是指|指|有([一二三四五六七八九十两]+)(种|项|类|个方面)[：:]?|是[：:])(.+)$/

/** 列举 from an inline list: `对党员的纪律处分有五种：警告、严重警告……`. */
function inlineListCards(ctx: PassageContext): { cards: Card[]; multi: Card[] } {
  const cards: Card[] = []
  const multi: Card[] = []
  for (const sentence of ctx.sentences) {
    const m = TRIGGER.exec(sentence.text)
    if (!m) continue
    const [, subject, verb, count, classifier] = m
    if (/^[它这其]/.test(subject!) || /[，,；;]$/.test(subject!)) continue
    if (verb === '指' && !/^“[^”]+”$/.test(subject!)) continue // bare 指 only after a quoted term: “四风”指……
    // The list must start right after the verb: 对党员的纪律处分有五种：|警告、严重警告……
    const listStart = subject!.length + verb!.length
    const list = findLists(sentence.text).find((l) => l.items[0]!.start <= listStart + 1 && l.items[0]!.start >= listStart)
    if (!list) continue
    const items = list.items.map((i) => i.text)
    if (!items.every((i) => i.length >= 2 && i.length <= 18 && !/[，,。；;]/.test(i))) continue
    if (count && parseNumeral(count) !== items.length) continue
    // “四风”指…… with four members: the term's own numeral is the count.
    const termCount = /^“([一二三四五六七八九十两])/.exec(subject!)?.[1]
    const ask = count
      ? `${subject}有哪${count}${classifier}？`
      : termCount && parseNumeral(termCount) === items.length
        ? `${subject}${verb}哪${termCount}种？`
        : `${subject}${verb}哪些？（共${formatNumeral(items.length)}项）`
    const lead = ctx.doc.kind === 'constitution' ? '党章规定，' : ''
    const prompt = `${lead}${ask}`
    if (items.some((i) => prompt.includes(i))) continue
    cards.push(makeCard(ctx, 'enumeration', `inline:${sentence.text}`, { prompt, answer: items, ordered: false, about: sentence.text }, 'enumeration:inline'))
    // 多选: some true members and one or two plausible outsiders.
    if (items.every((i) => isTestableMember(i))) {
      const family = TERM_FAMILIES.find((f) => items.filter((i) => f.includes(i)).length >= 2)
      const outsiders = (family ?? []).filter((f) => !ctx.text.includes(f) && !items.includes(f))
      if (outsiders.length) {
        const id = `multi:${sentence.text}`
        const right = seededShuffle(items, id).slice(0, Math.min(4, items.length))
        const wrong = seededShuffle(outsiders, id).slice(0, right.length >= 4 ? 2 : 1)
        const question = `${lead}下列哪些属于${subject!.replace(/^对/, '')}${verb === '是指' ? '所指的内容' : ''}？（多选）`
        const card = makeCard(ctx, 'multi', id, { prompt: question, answer: right, about: sentence.text }, 'multi:inline')
        card.options = seededShuffle([...right, ...wrong], card.id)
        multi.push(card)
      }
    }
  }
  return { cards, multi }
}

/** 列举 + 多选 from one passage. */
export function passageEnumerationCards(ctx: PassageContext): Card[] {
  const out: Card[] = []
  const sub = subItemCard(ctx)
  if (sub) out.push(sub)
  const { cards, multi } = inlineListCards(ctx)
  out.push(...cards, ...multi)
  return out
}

/**
 * 列举 over a run of short numbered passages under one heading (or the whole document):
 * 八项规定's eight points, 廉洁自律准则's four norms. Anchored at the first passage; the
 * source is the run's texts joined by line breaks.
 */
export function groupEnumerationCards(contexts: readonly PassageContext[]): Card[] {
  const groups = new Map<string, PassageContext[]>()
  for (const ctx of contexts) {
    if (!ctx.passage.label) continue
    const key = ctx.passage.path.map((h) => h.anchor).join('/')
    groups.set(key, [...(groups.get(key) ?? []), ctx])
  }
  const out: Card[] = []
  for (const group of groups.values()) {
    if (group.length < 3 || group.length > 12) continue
    const gists = group.map((c) => gist(c.body, 16))
    if (gists.some((g) => g.length > 16 || g.length < 2 || isGap(g))) continue
    const first = group[0]!
    const heading = first.passage.path[first.passage.path.length - 1]
    const count = formatNumeral(group.length)
    const unit = /条$/.test(first.passage.label) ? '条' : '项'
    const prompt = heading
      ? `${docName(first.doc)}中“${heading.title}”包括哪${count}${unit}？`
      : `${docName(first.doc)}包括哪${count}${unit}内容？`
    const source = group.map((c) => c.text).join('\n')
    out.push(makeCard(first, 'enumeration', `group:${group.map((c) => c.passage.anchor).join(',')}`, { prompt, answer: gists, ordered: false, source }, 'enumeration:group'))
  }
  return out
}

export type { Passage }
