/**
 * Checks an imported bank against the texts: each question is linked to the passage that states its
 * fact (found with the app's search, then confirmed by how much of the question the passage holds),
 * and flagged when its key contradicts that passage, when no text states it, when it uses an older
 * revision's wording, when the card bank already asks it, or when the bank's keys pile up on one letter.
 */
import { seededRandom, shuffleWith } from '../common/random'
import type { SearchHit } from '../search/engine'
import { foldTraditional } from '../search/vocabulary'
import { halfWidth } from './parseText'
import type { BankFlag, CheckedQuestion, ParsedQuestion } from './types'

export interface BankCheckContext {
  /** The app's passage search (PassageSearch): only `search` is used. */
  search: { search(query: string, request?: { limit?: number }): SearchHit[] }
  /** Traditional → simplified table of the search vocabulary, so 黨章 papers meet 党章. */
  fold?: Readonly<Record<string, string>>
  /** The card bank, for duplicates. */
  cards?: readonly { prompt: string }[]
}

/** Share of the question's character pairs a passage must hold to count as the passage that states it. */
export const LINK_COVERAGE = 0.5
const CERTAIN_COVERAGE = 0.8
/** Share of single-choice keys on one letter above which the bank is called biased (chance is 25% for A–D). */
export const LETTER_BIAS_SHARE = 0.5
const LETTER_BIAS_MIN_QUESTIONS = 8
const DUPLICATE_SIMILARITY = 0.75

const BLANK = /_{2,}|[(（][\s　]*[)）]/
const NEGATIVE = /不包括|不属于|不正确|错误的|(?:下列|以下)[^，,。]{0,12}不是/
const STEM_LEAD = /^(?:党章(?:总纲)?(?:规定|指出|明确|强调)?|根据[^，,]{0,30}(?:规定|要求)|按照[^，,]{0,30}规定)\s*[，,:：]\s*/
const OLDER_REVISION = /十[五六七八九]大(?:通过的|修改的)?(?:党章|黨章)|(?:2007|2012|2017)\s*年(?:版)?(?:党章|黨章)|旧党章|原党章/

/** Letters, digits and Han only, half-width, simplified: what two wordings of one sentence share. */
function compact(text: string, fold: Readonly<Record<string, string>>): string {
  return foldTraditional(halfWidth(text), fold)
    .toLowerCase()
    .replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, '')
}

function pairs(text: string): Set<string> {
  const out = new Set<string>()
  for (let i = 0; i + 1 < text.length; i++) out.add(text.slice(i, i + 2))
  return out
}

function share(part: Set<string>, whole: string): number {
  if (!part.size) return 0
  let found = 0
  for (const pair of part) if (whole.includes(pair)) found++
  return found / part.size
}

/** The text a key stands for: an option's text, several options joined, a word, or the statement itself. */
function keyText(q: ParsedQuestion): string {
  if (q.type === '单选' || q.type === '多选') return [...q.answer].map((letter) => q.options['ABCDEFGH'.indexOf(letter)] ?? '').join('、')
  if (q.type === '填空') return q.answer.split('；')[0] ?? ''
  return ''
}

/** The question as one statement: the key put into the blank. */
function statement(q: ParsedQuestion): string {
  const stem = q.stem.replace(STEM_LEAD, '')
  if (q.type === '问答') return `${stem} ${q.answer}`
  // 不包括 / 错误的是: the key is what the text does not say; the stem alone finds the passage.
  if (NEGATIVE.test(stem)) return stem
  const key = keyText(q)
  return key && BLANK.test(stem) ? stem.replace(BLANK, key) : `${stem} ${key}`
}

const PLAIN = /[^\p{Script=Han}\p{L}\p{N}]+/gu
const PHRASE_CHARS = 10

/**
 * Search queries, cheapest first: quoted runs of the stem's own wording next to the blank (an exact
 * phrase costs the search a fraction of a millisecond, and most papers quote the text), then the whole
 * statement with the key in place (the search reads at most 64 characters), which finds paraphrases.
 */
function queries(q: ParsedQuestion, fold: Readonly<Record<string, string>>): string[] {
  const plain = (text: string) => foldTraditional(halfWidth(text), fold).replace(PLAIN, ' ').trim()
  const stem = q.stem.replace(STEM_LEAD, '')
  const blank = BLANK.exec(stem)
  const out = new Set<string>()
  const runs = (text: string) => plain(text).split(' ').filter((run) => run.length >= 4)
  if (blank) {
    const before = runs(stem.slice(0, blank.index)).pop()
    const after = runs(stem.slice(blank.index + blank[0].length))[0]
    if (before) out.add(`"${before.slice(-PHRASE_CHARS)}"`)
    if (after) out.add(`"${after.slice(0, PHRASE_CHARS)}"`)
  } else {
    const longest = runs(stem).sort((a, b) => b.length - a.length)[0]
    if (longest) out.add(`"${longest.slice(0, PHRASE_CHARS + 2)}"`)
  }
  const text = plain(statement(q))
  if (blank) {
    const at = Math.max(0, Math.round((blank.index / Math.max(1, stem.length)) * text.length) - 30)
    out.add(text.slice(at, at + 60).trim())
  }
  out.add(text.slice(0, 60).trim())
  if (text.length > 60) out.add(text.slice(-60).trim())
  if (q.type === '问答') out.add(plain(q.answer).slice(0, 60))
  return [...out].filter((query) => query && query !== '""')
}

interface Linked {
  hit: SearchHit
  text: string
  coverage: number
}

function link(q: ParsedQuestion, ctx: BankCheckContext, fold: Readonly<Record<string, string>>): Linked | null {
  // A 问答 answer words the rule in its own way; the passage must hold most of the question or of the answer.
  const wanted = q.type === '问答' ? [pairs(compact(q.stem, fold)), pairs(compact(q.answer, fold))] : [pairs(compact(statement(q), fold))]
  let best: Linked | null = null
  for (const query of queries(q, fold)) {
    for (const hit of ctx.search.search(query, { limit: 8 })) {
      const text = compact(hit.passage.text, fold)
      const coverage = Math.max(...wanted.map((set) => share(set, text)))
      if (!best || coverage > best.coverage) best = { hit, text, coverage }
    }
    // A passage holding nearly all of the question is the one; the other queries would only cost time.
    if (best && best.coverage >= CERTAIN_COVERAGE) break
  }
  return best && best.coverage >= LINK_COVERAGE ? best : null
}

/** Strips measure words and particles the papers drop (三至五 for 三年至五年, 发展规律 for 发展的规律). */
const loose = (text: string) => text.replace(/[年个名次届的]/g, '')

/** Whether `span` says `key`: holds it, or holds its characters in order with at most two more. */
function says(span: string, key: string): boolean {
  const a = loose(span)
  const b = loose(key)
  if (!b) return false
  if (a.includes(b)) return true
  let at = 0
  for (const ch of b) {
    at = a.indexOf(ch, at) + 1
    if (!at) return false
  }
  return at - b.length <= 2
}

/** Share of the key's characters the text holds at the same places (行为准则 / 行为规则: 3 of 4). */
function sameShape(text: string, key: string): number {
  let same = 0
  for (let i = 0; i < key.length; i++) if (text[i] === key[i]) same++
  return key.length ? same / key.length : 0
}

interface KeyVerdict {
  flag: BankFlag
  note: string
}

/**
 * Whether the linked passage states the key, states another option or word, or states nothing in the
 * blank's place: found by the words just before the blank, and after it when the passage has them too.
 */
function judgeKey(q: ParsedQuestion, passage: string, fold: Readonly<Record<string, string>>): KeyVerdict | null {
  if (NEGATIVE.test(q.stem)) return null
  if (q.type === '判断') {
    const said = compact(q.stem.replace(STEM_LEAD, ''), fold)
    if (q.answer === '错误' && said.length >= 12 && passage.includes(said)) return { flag: 'key-contradicts-text', note: '原文正是这样表述的，答案却为“错误”。' }
    return null
  }
  if (q.type !== '单选' && q.type !== '填空') return null
  const stem = q.stem.replace(STEM_LEAD, '')
  const blank = BLANK.exec(stem)
  if (!blank || BLANK.test(stem.slice(blank.index + blank[0].length))) return null
  const before = compact(stem.slice(0, blank.index), fold)
  const after = compact(stem.slice(blank.index + blank[0].length), fold)
  const key = compact(keyText(q), fold)
  const options = q.options.map((option) => compact(option, fold))
  if (!key) return null
  const longest = Math.max(key.length, ...options.map((option) => option.length))
  let verdict: KeyVerdict | null = null
  for (const size of [8, 6, 4]) {
    const left = before.slice(-size)
    if (left.length < Math.min(size, 2)) continue
    // The words before the blank may stand in the passage more than once: any place that says the key clears it.
    for (let at = passage.indexOf(left); at >= 0; at = passage.indexOf(left, at + 1)) {
      const rest = passage.slice(at + left.length, at + left.length + longest + 12)
      if (loose(rest).startsWith(loose(key))) return null
      const place = placeVerdict(rest, after, key, options, longest)
      if (place === 'agrees') return null
      verdict ??= place
    }
    if (verdict) return verdict
  }
  return null
}

/** What one place of the passage says in the blank's place, against the key. */
function placeVerdict(rest: string, after: string, key: string, options: readonly string[], longest: number): KeyVerdict | 'agrees' | null {
  const otherOption = (text: string, whole: boolean) =>
    options.findIndex((option) => option && option !== key && (whole ? says(text, option) : loose(text).startsWith(loose(option))))
  let end = -1
  for (const rightSize of [4, 3, 2]) {
    const right = after.slice(0, rightSize)
    if (!after || right.length < Math.min(rightSize, after.length)) continue
    end = rest.slice(0, longest + 6).indexOf(right)
    if (end >= 0) break
  }
  if (end >= 0) {
    // The passage holds the words on both sides: what stands between them is what it says.
    const span = rest.slice(0, end)
    if (says(span, key)) return 'agrees'
    if (!span) return { flag: 'not-in-texts', note: '原文在此处没有相应的词，答案无法从原文得到印证。' }
    const other = otherOption(span, true)
    if (other >= 0) return { flag: 'key-contradicts-text', note: `原文为“${span}”，对应选项 ${'ABCDEFGH'[other]}。` }
    return span.length <= 12 ? { flag: 'key-contradicts-text', note: `原文为“${span}”。` } : null
  }
  // Only the words before the blank: the passage goes on with the key, another option, or a near word.
  if (says(rest.slice(0, key.length + 8), key)) return 'agrees'
  const other = otherOption(rest, false)
  if (other >= 0) return { flag: 'key-contradicts-text', note: `原文为“${rest.slice(0, options[other]!.length)}”，对应选项 ${'ABCDEFGH'[other]}。` }
  const near = rest.slice(0, key.length)
  if (key.length >= 2 && sameShape(near, key) >= 0.5) return { flag: 'key-contradicts-text', note: `原文为“${near}”。` }
  return null
  return null
}

/** Checks every question; the bank-wide letter count decides `letter-bias`. */
export function checkBank(questions: readonly ParsedQuestion[], ctx: BankCheckContext): CheckedQuestion[] {
  const check = questionChecker(ctx, biasedLetter(questions))
  return questions.map(check)
}

/** One question's check, with what the whole bank shares (the card index, the biased letter) made once. */
function questionChecker(ctx: BankCheckContext, bias: { letter: string; share: number } | null): (q: ParsedQuestion) => CheckedQuestion {
  const fold = ctx.fold ?? {}
  const duplicates = duplicateFinder(ctx.cards ?? [], fold)
  // Banks put together from several papers repeat questions: the same wording is looked up once.
  const links = new Map<string, Linked | null>()
  return (q) => {
    const flags: BankFlag[] = []
    const notes: string[] = []
    const raise = (flag: BankFlag, note: string) => {
      if (!flags.includes(flag)) flags.push(flag)
      notes.push(note)
    }
    const asked = `${q.type}\u0000${q.stem}\u0000${q.options.join('\u0000')}\u0000${q.answer}`
    const linked = links.has(asked) ? links.get(asked)! : link(q, ctx, fold)
    links.set(asked, linked)
    if (linked) {
      const verdict = judgeKey(q, linked.text, fold)
      if (verdict) raise(verdict.flag, verdict.note)
    } else raise('not-in-texts', '在现有文本中没有找到表述这道题的段落。')
    if (OLDER_REVISION.test(foldTraditional(q.stem, fold))) raise('older-revision', '题目提到旧版党章，表述可能与现行文本不同。')
    if (duplicates(q.stem)) raise('duplicate', '卡片库中已有相同或几乎相同的题目。')
    if (bias && q.type === '单选' && q.answer === bias.letter)
      raise('letter-bias', `本题库 ${Math.round(bias.share * 100)}% 的单选题答案为 ${bias.letter}，可打乱选项顺序。`)
    return { ...q, link: linked ? { doc: linked.hit.passage.docId, anchor: linked.hit.passage.anchor } : null, flags, notes }
  }
}

/** Yields to the page between slices (a macrotask), so checking thousands of questions never freezes it. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/**
 * checkBank a slice at a time: each slice stops after `budgetMs` (a question costs from a fraction of a
 * millisecond to tens of them, depending on how the search finds it), then yields to the page.
 * `onProgress` gets the share done (0…1).
 */
export async function checkBankInSteps(
  questions: readonly ParsedQuestion[],
  ctx: BankCheckContext,
  { budgetMs = 40, pause = nextTask, onProgress }: { budgetMs?: number; pause?: () => Promise<void>; onProgress?: (done: number) => void } = {},
): Promise<CheckedQuestion[]> {
  // Letter bias is a property of the whole bank: decided once, then applied slice by slice.
  const check = questionChecker(ctx, biasedLetter(questions))
  const out: CheckedQuestion[] = []
  let start = 0
  while (start < questions.length) {
    const began = performance.now()
    let end = start
    while (end < questions.length && (end === start || performance.now() - began < budgetMs)) {
      out.push(check(questions[end]!))
      end++
    }
    start = end
    onProgress?.(start / questions.length)
    if (start < questions.length) await pause()
  }
  return out
}

/** The letter that holds more than LETTER_BIAS_SHARE of single-choice keys, if the bank is large enough to tell. */
export function biasedLetter(questions: readonly ParsedQuestion[]): { letter: string; share: number } | null {
  const single = questions.filter((q) => q.type === '单选')
  if (single.length < LETTER_BIAS_MIN_QUESTIONS) return null
  const counts = new Map<string, number>()
  for (const q of single) counts.set(q.answer, (counts.get(q.answer) ?? 0) + 1)
  const [letter, count] = [...counts].sort((a, b) => b[1] - a[1])[0]!
  const ratio = count / single.length
  return ratio > LETTER_BIAS_SHARE ? { letter, share: ratio } : null
}

/**
 * The bank with its options reordered so single-choice keys spread evenly over the letters (seeded:
 * the same bank and seed give the same order); each key follows its option. Other questions keep theirs.
 */
export function shuffleBank<Q extends ParsedQuestion>(questions: readonly Q[], seed: number): Q[] {
  const next = seededRandom(seed)
  let turn = Math.floor(next() * 8)
  return questions.map((q) => {
    if (q.type !== '单选' || q.options.length < 2) return q
    const size = q.options.length
    const key = LETTER_ORDER.indexOf(q.answer)
    const target = turn++ % size
    const others = shuffleWith(q.options.map((_, i) => i).filter((i) => i !== key), next)
    const order = [...others.slice(0, target), key, ...others.slice(target)]
    return { ...q, options: order.map((i) => q.options[i]!), answer: LETTER_ORDER[target]! }
  })
}

const LETTER_ORDER = 'ABCDEFGH'

/** Whether a stem asks what a card already asks: most of their character pairs are shared. */
function duplicateFinder(cards: readonly { prompt: string }[], fold: Readonly<Record<string, string>>): (stem: string) => boolean {
  const withoutBlank = (text: string) => compact(text.replace(/_{2,}|[(（][\s　]*[)）]|（\s*）/g, ''), fold)
  const cardPairs = cards.map((card) => pairs(withoutBlank(card.prompt)))
  const byPair = new Map<string, number[]>()
  cardPairs.forEach((set, i) => {
    for (const pair of set) {
      const list = byPair.get(pair)
      if (list) list.push(i)
      else byPair.set(pair, [i])
    }
  })
  return (stem) => {
    const mine = pairs(withoutBlank(stem.replace(STEM_LEAD, '')))
    if (mine.size < 4) return false
    const shared = new Map<number, number>()
    for (const pair of mine) for (const i of byPair.get(pair) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1)
    for (const [i, count] of shared) {
      const union = mine.size + cardPairs[i]!.size - count
      if (count / union >= DUPLICATE_SIMILARITY) return true
    }
    return false
  }
}
