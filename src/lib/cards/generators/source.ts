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

/** A chapter title's own words (第一章　党员 → 党员; 党的纪律检查机关 → 纪律检查机关), which give the answer away. */
function chapterWords(title: string): string[] {
  const name = title.replace(/^第[^章]+章[\s\u3000]*/, '')
  return [name, name.replace(/^党的|^党和/, '')].filter((w) => w.length >= 2)
}

const CHAPTERS = new WeakMap<readonly PassageContext[], HeadingRef[]>()

/** The document's chapters in order (computed once per document). */
function chaptersOf(siblings: readonly PassageContext[]): HeadingRef[] {
  let found = CHAPTERS.get(siblings)
  if (!found) {
    const heads = siblings.map((c) => c.passage.path[0]).filter((h): h is HeadingRef => Boolean(h) && /^第.+章/.test(h!.title))
    found = [...new Map(heads.map((h) => [h.anchor, h])).values()]
    CHAPTERS.set(siblings, found)
  }
  return found
}

/**
 * 出处 for the 党章: which chapter a sentence comes from (nobody memorises 55 article numbers),
 * with four neighbouring chapter titles as options, only when the sentence does not contain
 * its chapter's own words.
 */
function chapterCard(ctx: PassageContext, siblings: readonly PassageContext[], docText: string): Card | null {
  const chapter = ctx.passage.path[0]
  if (!chapter || !/^第.+章/.test(chapter.title) || !/^第.+条$/.test(ctx.passage.label)) return null
  const chapters = chaptersOf(siblings)
  const at = chapters.findIndex((h) => h.anchor === chapter.anchor)
  if (chapters.length < 4 || at < 0) return null
  const own = chapterWords(chapter.title)
  // Not a numbered item on its own (审查……的报告 could be any congress's power), not a reference.
  const items = new Set(ctx.body.split('\n').filter((l) => /^[（(][一二三四五六七八九十]+[）)]/.test(l.trim())).map((l) => l.trim().replace(/^[（(][一二三四五六七八九十]+[）)]/, '').split(/[。；]/)[0]))
  // A whole sentence: it opens a paragraph or follows a full stop (a clause after ； lacks its subject).
  const whole = (s: Sentence) => {
    const at = ctx.body.indexOf(s.text)
    return at >= 0 && (at === 0 || /[。\n]/.test(ctx.body[at - 1]!)) && s.stop !== '；'
  }
  const sentence = distinctiveSentences(ctx, docText).find(
    (s) => !own.some((w) => s.text.includes(w)) && !/^(?:这|此|该|上述|它|其)/.test(s.text) && !items.has(s.text) && s.text.length >= 15 && whole(s),
  )
  if (!sentence) return null
  const from = Math.max(0, Math.min(at - 1 - (ctx.passage.line % 2), chapters.length - 4))
  const options = chapters.slice(from, from + 4).map((h) => h.title.replace(/[\s\u3000]+/, ' '))
  const answer = chapter.title.replace(/[\s\u3000]+/, ' ')
  const prompt = fullWidth(`“${sentence.text}。”这一规定出自${docName(ctx.doc)}哪一章？`)
  const card = makeCard(ctx, 'choice', `chapter:${sentence.text}`, { prompt, answer, about: sentence.text }, 'choice:chapter')
  card.options = options
  return card
}

/**
 * 出处: “……”出自《中央八项规定》哪一项？ for the short numbered texts, plus a choice version on
 * another sentence with neighbouring numbers as options; for the 党章, which chapter.
 */
export function sourceCards(ctx: PassageContext, siblings: readonly PassageContext[], docText: string): Card[] {
  if (ctx.doc.kind === 'constitution') {
    const card = chapterCard(ctx, siblings, docText)
    return card ? [card] : []
  }
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
