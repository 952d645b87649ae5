import { formatNumeral, parseNumeral } from '../../content/numerals'
import type { HeadingRef } from '../../content/types'
import { docName, makeCard, type PassageContext } from '../context'
import { fullWidth, type Sentence } from '../text'
import type { Card } from '../types'

const ARTICLE = /^第([零一二三四五六七八九十百千两\d]+)条$/
const ITEM = /^([零一二三四五六七八九十百千两\d]+)、$/

/** How a passage is cited: `第七条` (article) or `第三项` (numbered item); null when unlabelled. */
export function citation(label: string): { answer: string; unit: '条' | '项'; number: number } | null {
  const article = ARTICLE.exec(label)
  if (article) return { answer: label, unit: '条', number: parseNumeral(article[1]!) }
  const item = ITEM.exec(label)
  if (item) {
    const n = parseNumeral(item[1]!)
    return { answer: `第${formatNumeral(n)}项`, unit: '项', number: n }
  }
  return null
}

/** Sentences that identify the passage: not shared with another passage, no article numbers, not too short. */
function distinctiveSentences(ctx: PassageContext, docText: string): Sentence[] {
  const scored = ctx.sentences
    .filter((s) => !s.intro && s.text.length >= 10 && s.text.length <= 70)
    .filter((s) => !/第[零一二三四五六七八九十百千两\d]+[条项章节款]/.test(s.text))
    .filter((s) => docText.indexOf(s.text) === docText.lastIndexOf(s.text))
    .map((s, i) => ({ s, score: (ctx.spans[s.index] ?? []).length * 2 - Math.abs(s.text.length - 30) / 10 - i * 0.01 }))
  return scored.sort((a, b) => b.score - a.score).map((x) => x.s)
}

/**
 * 出处: “……”出自《中央八项规定》哪一项？ for the short numbered texts, plus a choice version on
 * another sentence with neighbouring numbers as options. Not for the 党章: nobody memorises 55 article
 * numbers, and a blind secretary's review rejected every “出自党章哪一章” question too (they test where
 * a sentence stands, not what it says), so the 党章 is asked about its content only.
 */
export function sourceCards(ctx: PassageContext, siblings: readonly PassageContext[], docText: string): Card[] {
  if (ctx.doc.kind === 'constitution') return []
  const cite = citation(ctx.passage.label)
  if (!cite) return []
  const [first, second] = distinctiveSentences(ctx, docText)
  if (!first) return []
  const ask = (s: Sentence) => fullWidth(`“${s.text}${s.stop === '；' || !s.stop ? '。' : s.stop}”这句话出自${docName(ctx.doc)}哪一${cite.unit}？`)
  const out = [makeCard(ctx, 'source', `source:${first.text}`, { prompt: ask(first), answer: cite.answer, about: first.text }, 'source')]
  const numbered = siblings.map((c) => citation(c.passage.label)).filter((c) => c?.unit === cite.unit)
  const at = numbered.findIndex((c) => c!.number === cite.number)
  if (second && numbered.length >= 4 && at >= 0) {
    const from = Math.max(0, Math.min(at - 1 - (cite.number % 2), numbered.length - 4))
    const options = numbered.slice(from, from + 4).map((c) => c!.answer)
    const card = makeCard(ctx, 'choice', `source:${second.text}`, { prompt: ask(second), answer: cite.answer, about: second.text }, 'choice:source')
    card.options = options
    out.push(card)
  }
  return out
}
