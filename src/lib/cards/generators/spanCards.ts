import { makeCard, type PassageContext } from '../context'
import { closedSibling, distractorsFor, inFamily } from '../distractors'
import { GENERIC_WORDS } from '../lexicon'
import { findQuantities } from '../numbers'
import type { KeySpan } from '../spans'
import { BLANK, clip, fullWidth, hash, isBlankable, seededShuffle, type Sentence } from '../text'
import type { Card } from '../types'

/** How much a span is worth testing: quantities first, list members last. */
const KIND_WEIGHT: Record<KeySpan['kind'], number> = { quantity: 4, predicate: 3.5, quoted: 3, term: 2, member: 1 }

/** A sentence that leans on something outside itself (这、此、该、上述……) cannot be asked alone. */
const DANGLING = /^(?:这|此|该|上述|两种|以上|前款|本条|它|其)|文中|本文|本应用/

function insideQuotes(text: string, at: number): boolean {
  const before = text.slice(0, at)
  return before.split('“').length > before.split('”').length
}

interface Candidate {
  sentence: Sentence
  span: KeySpan
  fact: string
  score: number
}

/**
 * The spans of a passage worth a card, best first: quantities, predicates (X是Y), catchwords,
 * defined terms, and members only of lists that are a known family (never 路线、（方针）、政策).
 */
export function rankSpans(ctx: PassageContext): Candidate[] {
  const out: Candidate[] = []
  ctx.sentences.forEach((sentence, i) => {
    if (!ctx.stems[i] && DANGLING.test(sentence.text)) return
    const spans = ctx.spans[i]!.filter(
      (s) =>
        isBlankable(s.text) &&
        !GENERIC_WORDS.has(s.text) &&
        (s.kind !== 'member' || inFamily(s)) &&
        // A number inside a catchword (“八项规定”, “约法十章、九项要求”) is part of a name, not a rule.
        !(s.kind === 'quantity' && insideQuotes(sentence.text, s.start)),
    )
    for (const span of spans) {
      const length = sentence.text.length
      const score = KIND_WEIGHT[span.kind] * 10 - (length > 80 ? 3 : 0) - i * 0.01
      out.push({ sentence, span, fact: `${sentence.text}\u0000${span.start}:${span.text}`, score })
    }
  })
  return out.sort((a, b) => b.score - a.score)
}

/**
 * The sentence with the span replaced, as a printed sheet asks it: 党章 questions open with
 * 党章规定，, a numbered item gets its article's stem, and every prompt ends with 。.
 */
function blanked(ctx: PassageContext, c: Candidate, replacement: string): string {
  const s = c.sentence.text
  const text = s.slice(0, c.span.start) + replacement + s.slice(c.span.end)
  const stem = ctx.stems[ctx.sentences.indexOf(c.sentence)]
  const body = clip(text, c.span.start, c.span.start + replacement.length)
  const lead = ctx.doc.kind === 'constitution' ? '党章规定，' : ''
  // A report's own enumeration (二是……, 六是……) means nothing out of its context.
  const own = c.span.start >= 2 ? body.replace(/^[一二三四五六七八九十]是/, '') : body
  return fullWidth(`${lead}${stem ? `${stem}：` : ''}${own}。`)
}

/** Whether the rest of the prompt already shows the answer (五年以上 … 五年). */
function givesAway(prompt: string, span: KeySpan): boolean {
  const rest = prompt.replace(BLANK, '')
  if (rest.includes(span.text)) return true
  if (span.quantity?.suffix && rest.includes(span.text.slice(0, -span.quantity.suffix.length))) return true
  if (span.kind === 'quoted' && rest.includes(span.text.slice(1, -1))) return true
  return false
}

/** At most `limit` candidates, one per sentence (two facts sharing an answer text both count). */
function spread(candidates: Candidate[], limit: number): Candidate[] {
  const sentences = new Set<number>()
  const out: Candidate[] = []
  for (const c of candidates) {
    if (out.length >= limit) break
    if (sentences.has(c.sentence.index)) continue
    sentences.add(c.sentence.index)
    out.push(c)
  }
  return out
}

/** 填空: the best spans, one per sentence. */
export function clozeCards(ctx: PassageContext, ranked: Candidate[], limit: number): Card[] {
  const usable = ranked.filter((c) => !givesAway(blanked(ctx, c, BLANK), c.span))
  return spread(usable, limit).map((c) =>
    makeCard(ctx, 'cloze', c.fact, { prompt: blanked(ctx, c, BLANK), answer: fullWidth(c.span.text) }, `cloze:${c.span.kind}`),
  )
}

/** 单选: a blank with three distractors of the same kind; numbers as a sorted ladder. */
export function choiceCards(ctx: PassageContext, ranked: Candidate[], limit: number): Card[] {
  const out: Card[] = []
  const wrongFor = new Map<Candidate, string[]>()
  const usable = ranked.filter((c) => {
    if (givesAway(blanked(ctx, c, BLANK), c.span)) return false
    const wrong = distractorsFor(c.span, ctx)
    wrongFor.set(c, wrong)
    return wrong.length >= 3
  })
  for (const c of spread(usable, limit)) {
    const prompt = blanked(ctx, c, BLANK)
    const wrong = wrongFor.get(c)!
    const card = makeCard(ctx, 'choice', c.fact, { prompt, answer: fullWidth(c.span.text) }, `choice:${c.span.kind}`)
    const q = c.span.quantity
    card.options =
      q && c.span.kind === 'quantity'
        ? [c.span.text, ...wrong].sort((a, b) => (findQuantities(a)[0]?.value ?? 0) - (findQuantities(b)[0]?.value ?? 0))
        : seededShuffle([c.span.text, ...wrong], card.id).map(fullWidth)
    out.push(card)
  }
  return out
}

/** A wrong version of the span a secretary would print: another number, or a sibling in a closed list. */
function falseSwap(ctx: PassageContext, c: Candidate): string | undefined {
  if (c.span.kind === 'quantity') return distractorsFor(c.span, ctx, 1)[0]
  if (c.span.kind === 'member') return closedSibling(c.span, c.sentence.text, c.fact)
  return undefined
}

/**
 * 判断: the sentence as written (正确) or with a number or closed-list sibling swapped (错误);
 * which of the two is decided by the fact's hash. Sentences without such a swap only ever
 * give true statements (the bank balances 正确 and 错误 afterwards).
 */
export function trueFalseCards(ctx: PassageContext, ranked: Candidate[], limit: number): Card[] {
  const out: Card[] = []
  const usable = ranked.filter((c) => !/正确|错误/.test(c.sentence.text))
  const swaps = new Map(usable.map((c) => [c, falseSwap(ctx, c)]))
  const swappable = usable.filter((c) => swaps.get(c) !== undefined)
  for (const c of spread(swappable.length ? swappable : usable, limit)) {
    const wrong = swaps.get(c)
    const isTrue = wrong === undefined || parseInt(hash(c.fact).slice(-4), 36) % 2 === 0
    const statement = blanked(ctx, c, isTrue ? c.span.text : wrong!)
    out.push(
      makeCard(
        ctx,
        'truefalse',
        c.fact,
        { prompt: statement, answer: isTrue ? '正确' : '错误', options: ['正确', '错误'], original: c.span.text },
        `truefalse:${c.span.kind}`,
      ),
    )
  }
  return out
}
