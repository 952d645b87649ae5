import { makeCard, type PassageContext } from '../context'
import { distractorsFor, type DistractorPool } from '../distractors'
import type { KeySpan } from '../spans'
import { BLANK, clip, hash, isBlankable, seededShuffle, type Sentence } from '../text'
import type { Card } from '../types'

/** How much a span is worth testing: quantities first, list members last. */
const KIND_WEIGHT: Record<KeySpan['kind'], number> = { quantity: 4, quoted: 3, term: 2, member: 1 }

interface Candidate {
  sentence: Sentence
  span: KeySpan
  fact: string
  score: number
}

/**
 * The spans of a passage worth a card, best first, at most one per sentence and per list:
 * for a list, one middle member picked by hash (its ends are where parsing is least sure).
 */
export function rankSpans(ctx: PassageContext): Candidate[] {
  const out: Candidate[] = []
  ctx.sentences.forEach((sentence, i) => {
    const spans = ctx.spans[i]!.filter((s) => isBlankable(s.text) && s.kind !== 'member')
    const lists = new Map<string, KeySpan[]>()
    for (const s of ctx.spans[i]!) {
      if (s.kind !== 'member' || !s.list) continue
      const key = s.list.items.map((it) => it.text).join('、')
      lists.set(key, [...(lists.get(key) ?? []), s])
    }
    for (const [key, members] of lists) {
      spans.push(members[parseInt(hash(key).slice(0, 6), 36) % members.length]!)
    }
    for (const span of spans) {
      const length = sentence.text.length
      const short = span.kind === 'member' && span.text.length < 3 ? 5 : 0
      const score = KIND_WEIGHT[span.kind] * 10 - short - (length > 80 ? 3 : 0) - i * 0.01
      out.push({ sentence, span, fact: `${sentence.text}\u0000${span.start}:${span.text}`, score })
    }
  })
  return out.sort((a, b) => b.score - a.score)
}

function blanked(c: Candidate, replacement: string): string {
  const s = c.sentence.text
  const text = s.slice(0, c.span.start) + replacement + s.slice(c.span.end)
  return clip(text, c.span.start, c.span.start + replacement.length) + (c.sentence.stop || '。')
}

/** Whether the rest of the prompt already shows the answer (五年以上 … 五年). */
function givesAway(prompt: string, span: KeySpan): boolean {
  const rest = prompt.replace(BLANK, '')
  if (rest.includes(span.text)) return true
  if (span.quantity?.suffix && rest.includes(span.text.slice(0, -span.quantity.suffix.length))) return true
  if (span.kind === 'quoted' && rest.includes(span.text.slice(1, -1))) return true
  return false
}

/** At most `limit` candidates, one per sentence and one per answer (a passage repeating “三个代表” gets one card). */
function spread(candidates: Candidate[], limit: number): Candidate[] {
  const sentences = new Set<number>()
  const answers = new Set<string>()
  const out: Candidate[] = []
  for (const c of candidates) {
    if (out.length >= limit) break
    if (sentences.has(c.sentence.index) || answers.has(c.span.text)) continue
    sentences.add(c.sentence.index)
    answers.add(c.span.text)
    out.push(c)
  }
  return out
}

/** 填空: the best spans, one per sentence. */
export function clozeCards(ctx: PassageContext, ranked: Candidate[], limit: number): Card[] {
  const usable = ranked.filter((c) => !givesAway(blanked(c, BLANK), c.span))
  return spread(usable, limit).map((c) =>
    makeCard(ctx, 'cloze', c.fact, { prompt: blanked(c, BLANK), answer: c.span.text }, `cloze:${c.span.kind}`),
  )
}

/** 单选: a blank with three same-kind distractors (neighbouring numbers, family terms). */
export function choiceCards(ctx: PassageContext, ranked: Candidate[], pool: DistractorPool, limit: number): Card[] {
  const out: Card[] = []
  const usable = ranked.filter((c) => !givesAway(blanked(c, BLANK), c.span) && distractorsFor(c.span, ctx, pool).length >= 2)
  for (const c of spread(usable, limit)) {
    const prompt = blanked(c, BLANK)
    const wrong = distractorsFor(c.span, ctx, pool)
    const card = makeCard(ctx, 'choice', c.fact, { prompt, answer: c.span.text }, `choice:${c.span.kind}`)
    card.options = seededShuffle([c.span.text, ...wrong], card.id)
    out.push(card)
  }
  return out
}

/**
 * 判断: the sentence as written (正确) or with one span swapped for a distractor (错误);
 * which of the two is decided by the fact's hash, so each fact yields one statement.
 */
export function trueFalseCards(ctx: PassageContext, ranked: Candidate[], pool: DistractorPool, limit: number): Card[] {
  const out: Card[] = []
  const usable = ranked.filter((c) => !/正确|错误/.test(c.sentence.text) && distractorsFor(c.span, ctx, pool, 1).length > 0)
  for (const c of spread(usable, limit)) {
    const wrong = distractorsFor(c.span, ctx, pool, 1)[0]!
    const isTrue = parseInt(hash(c.fact).slice(-4), 36) % 2 === 0
    const statement = blanked(c, isTrue ? c.span.text : wrong)
    out.push(
      makeCard(
        ctx,
        'truefalse',
        c.fact,
        { prompt: statement, answer: isTrue ? '正确' : '错误', options: ['正确', '错误'], fact: c.span.text },
        `truefalse:${c.span.kind}`,
      ),
    )
  }
  return out
}
