/**
 * Card-quality lint: how a branch secretary preparing a printed 党章知识测试 would judge the bank.
 * Each rule is a predicate on one card (the bank-wide ones — duplicates, 正确 share, coverage —
 * take the whole bank); `npm run -s cards -- --lint` and the bench print the counts.
 */
import { withoutGaps } from '../content/gaps'
import { parseNumeral } from '../content/numerals'
import type { StudyDocument } from '../content/types'
import { fullWidth, isGap } from './text'
import { catchwordCategory, CLOSED_LISTS, FIXED_NAMES, GENERIC_WORDS, NEAR_SYNONYMS } from './lexicon'
import { findQuantities } from './numbers'
import type { Card } from './types'

export interface LintRule {
  key: string
  label: string
  /** Whether one card breaks the rule. */
  test: (card: Card) => boolean
}

const CJK = '\\u3400-\\u9fff'
/** Half-width punctuation touching a Chinese character (谁主管,谁负责). */
const HALF_WIDTH = new RegExp(`[${CJK}][,;:!?()]|[,;:!?()][${CJK}]`, 'u')
const MODAL = /有权|可以|应当|必须/

function answersOf(card: Card): string[] {
  return Array.isArray(card.answer) ? card.answer : [card.answer]
}

function texts(card: Card): string[] {
  return [card.prompt, ...answersOf(card), ...(card.options ?? [])]
}

/** The question asks which article or item of the 党章 a sentence comes from. */
export function isArticleTrivia(card: Card): boolean {
  return card.docId === 'constitution' && /哪一条|哪一项|第几条/.test(card.prompt)
}

/** The prompt starts or ends mid-sentence. */
export function isClipped(card: Card): boolean {
  const p = card.prompt.trim()
  return /^(?:“)?……/.test(p) || /[；;，,、]$/.test(p) || /[；;，,]”/.test(p)
}

/**
 * The prompt points at something outside itself (这、此、该、上述、文中所), or lost its subject: a
 * headless 的-phrase (需要继续考察和教育的，可以延长预备期 — whose?) or a “since …” opening cut
 * straight to the predicate (十三届四中全会以来……形成了 — who?).
 */
export function isDangling(card: Card): boolean {
  const p = card.prompt.replace(/^(?:党章规定，|“)/, '')
  return (
    /^(?:这|此|该|上述|两种|以上|前款|本条)/.test(p) ||
    /文中|本文|上文|下文|本应用|上述|前款|本条/.test(card.prompt) ||
    (/^[^，。：“”（）]{2,20}的，/.test(p) && !/^[^，]*凡/.test(p)) ||
    /^[十一二三四五六七八九\d][^，……]*以来……/.test(p)
  )
}

export function hasHalfWidth(card: Card): boolean {
  return texts(card).some((t) => HALF_WIDTH.test(t))
}

/** A 单选 with fewer than three wrong options. */
export function hasFewDistractors(card: Card): boolean {
  return card.type === 'choice' && (card.options?.length ?? 0) < 4
}

/** A catchword 单选/多选 whose options mix kinds (三会一课 against 四风). */
export function mixesCategories(card: Card): boolean {
  if ((card.type !== 'choice' && card.type !== 'multi') || !card.options) return false
  const kinds = card.options.map(catchwordCategory)
  const known = kinds.filter((k) => k !== undefined)
  if (!known.length) return false
  return known.length !== kinds.length || new Set(known).size > 1
}

/** Number options that are not a sorted, evenly spaced ladder. */
export function isBadLadder(card: Card): boolean {
  if (card.type !== 'choice' || !card.options) return false
  const values = card.options.map((o) => findQuantities(o))
  if (!values.every((q) => q.length === 1 && q[0]!.text === card.options![values.indexOf(q)])) return false
  const v = values.map((q) => q[0]!.value)
  if (values.some((q) => q[0]!.kind === 'fraction')) return v.some((x, i) => i > 0 && x <= v[i - 1]!)
  const steps = v.slice(1).map((x, i) => x - v[i]!)
  return steps.some((s) => s <= 0) || new Set(steps.map((s) => s.toFixed(3))).size > 1
}

/** A false 判断 not made by a number swap, a swap inside a closed list, or a person. */
export function isBadFalseStatement(card: Card): boolean {
  if (card.type !== 'truefalse' || card.answer !== '错误' || card.origin === 'manual') return false
  const original = card.original ?? ''
  if (findQuantities(original).some((q) => q.text === original)) return false
  return !CLOSED_LISTS.some((list) => list.includes(original) && list.some((m) => m !== original && card.prompt.includes(m)))
}

/** A blank on a word too general to be the point (路线、（方针）、政策) or on a broken span edge. */
export function isGenericBlank(card: Card): boolean {
  if (card.type !== 'cloze' && card.type !== 'choice') return false
  const a = String(card.answer)
  if (GENERIC_WORDS.has(a)) return true
  if (card.generator.endsWith(':member')) return true
  // A span edge inside a phrase: (一是以提升组织力量)为重点; not an idiom that ends in 是 (实事求是).
  return /^(?:[一二三四五六七八九十]是|以|把|对|在|从)/.test(a) || /(?:的|和|以|与)$/.test(a)
}

/** The prompt spells out the answer's parts (三会……一课 with 三会一课 as the answer). */
export function givesAnswerAway(card: Card): boolean {
  if (card.type === 'truefalse' || card.type === 'enumeration' || card.type === 'source') return false
  if (countsItsOwnList(card)) return true
  return answersOf(card).some((answer) => {
    const a = [...answer.replace(/[\p{P}\s]/gu, '')]
    if (a.length < 3 || a.length > 12) return false
    if (spelledOut(a, card.prompt)) return true
    if (a.length < 4 || a.length > 8) return false
    const pieces: string[] = []
    for (let i = 0; i + 1 < a.length; i += 2) pieces.push(a[i]! + a[i + 1]!)
    return pieces.every((p) => card.prompt.includes(p))
  })
}

/** The answer's characters, in order, packed close together in the prompt (党小组 in 党员小组). */
function spelledOut(answer: readonly string[], prompt: string): boolean {
  const chars = [...prompt]
  for (let start = 0; start < chars.length; start++) {
    if (chars[start] !== answer[0]) continue
    let at = 1
    for (let i = start + 1; i < chars.length && i - start <= answer.length; i++) if (chars[i] === answer[at]) at++
    if (at === answer.length) return true
  }
  return false
}

/**
 * A count the prompt answers itself: asked over the very list that follows or precedes it
 * (（    ）：警告、严重警告、…… or 甲、乙、丙、丁这（    ）), or over a catchword that carries the
 * number (“四风”……的（    ）不良作风 with 四种 as the answer).
 */
function countsItsOwnList(card: Card): boolean {
  const count = /^([一二三四五六七八九十]+|\d+)[种项个条类方面]$/.exec(String(card.answer))
  if (!count) return false
  const n = parseNumeral(count[1]!)
  const after = /（\s*）[：:]([^。；]+)/.exec(card.prompt)
  if (after && after[1]!.split('、').length === n) return true
  const before = /([^，。；：]+?)(?:这|等)?（\s*）/.exec(card.prompt)
  if (before && before[1]!.split('、').length === n) return true
  return new RegExp(`“${count[1]}[^”]{1,6}”`).test(card.prompt)
}

/** A list answer whose item lost its modal clause (有权……, 必须……) — the right itself. */
export function hasCutListItems(card: Card): boolean {
  if (card.type !== 'enumeration') return false
  const lines = card.source.split('\n')
  return answersOf(card).some((item) => {
    const line = lines.find((l) => l.includes(item))
    if (!line) return false
    const sentence = line.replace(/^[（(][一二三四五六七八九十]+[）)]/, '').split(/[。；]/)[0]!
    const rest = sentence.slice(sentence.indexOf(item) + item.length)
    return (MODAL.test(rest) && !MODAL.test(item)) || (item.includes('服从') && rest.includes('服从'))
  })
}

/** A glossary card that is not a definition labelled 释义 (the app's own prose is not exam matter). */
export function isGlossaryProse(card: Card): boolean {
  return card.docId === 'glossary' && card.label !== '释义'
}

const BLANK_RE = /（\s*）/
const NUMERAL = /[一二三四五六七八九十两\d]/

/**
 * A blank on the number of a fixed name: 坚持（四项）基本原则, 增强（四个）意识. The number is part
 * of what the thing is called, not a fact to recall; the name as a whole may be asked.
 */
export function blanksNumberInName(card: Card): boolean {
  if ((card.type !== 'cloze' && card.type !== 'choice') || typeof card.answer !== 'string') return false
  const answer = card.answer.replace(/[“”]/g, '')
  if (!NUMERAL.test(answer)) return false
  const at = card.prompt.search(BLANK_RE)
  if (at < 0) return false
  const filled = card.prompt.replace(BLANK_RE, answer)
  return FIXED_NAMES.some((name) => {
    if (name === answer || !name.includes(answer)) return false
    for (let i = filled.indexOf(name); i >= 0; i = filled.indexOf(name, i + 1)) {
      if (i <= at && at < i + name.length) return true
    }
    return false
  })
}

/** 下列……不属于/不是/不包括……的是: a question asking for the one option that is not so. */
const NEGATIVE_STEM = /(?:下列|以下).*(?:不属于|不是|不包括|不正确|不符合|错误)/

/**
 * A negative 单选 stem (下列不属于……的是) is fair only when exactly one option is not in the text
 * (and that one is the answer): with two outsiders, two options are right.
 */
export function isBadNegativeStem(card: Card): boolean {
  if (card.type !== 'choice' || !card.options || !NEGATIVE_STEM.test(card.prompt)) return false
  const source = fullWidth(card.source).replace(/[“”]/g, '')
  const outside = card.options.filter((o) => !source.includes(fullWidth(o).replace(/[“”]/g, '')))
  return outside.length !== 1 || outside[0] !== card.answer
}

/** Options that mean nearly the same (参加/出席, 谈话/交流): a member cannot tell which is wanted. */
export function hasNearSynonymOptions(card: Card): boolean {
  if ((card.type !== 'choice' && card.type !== 'multi') || !card.options) return false
  return NEAR_SYNONYMS.some((group) => card.options!.filter((o) => group.includes(o)).length >= 2)
}

export const CARD_RULES: readonly LintRule[] = [
  { key: 'article-trivia', label: '党章条号题（哪一条）', test: isArticleTrivia },
  { key: 'clipped', label: '题干截断（……开头、；结尾）', test: isClipped },
  { key: 'dangling', label: '指代不明或缺主语（这/此/该/上述/文中所）', test: isDangling },
  { key: 'half-width', label: '中文间的半角标点', test: hasHalfWidth },
  { key: 'few-distractors', label: '干扰项不足三个的单选', test: hasFewDistractors },
  { key: 'mixed-categories', label: '干扰项与答案不同类', test: mixesCategories },
  { key: 'bad-ladder', label: '数字选项不成等距有序阶梯', test: isBadLadder },
  { key: 'bad-false', label: '错误判断非数字或同列表互换所得', test: isBadFalseStatement },
  { key: 'generic-blank', label: '空格在泛泛之词或残缺片段上', test: isGenericBlank },
  { key: 'given-away', label: '题干泄露答案', test: givesAnswerAway },
  { key: 'cut-list', label: '列举答案丢了“有权/必须”等主句', test: hasCutListItems },
  { key: 'glossary-prose', label: '术语解释中非释义的卡片', test: isGlossaryProse },
  { key: 'number-in-name', label: '空格在固定名称的数字上（四项基本原则）', test: blanksNumberInName },
  { key: 'negative-stem', label: '否定题干（不属于……的是）不止一个或没有正确选项', test: isBadNegativeStem },
  { key: 'near-synonyms', label: '选项中有近义词（参加/出席）', test: hasNearSynonymOptions },
]

export interface LintCount {
  key: string
  label: string
  count: number
  ids: string[]
}

export interface LintReport {
  total: number
  rules: LintCount[]
  /** Share of 正确 among 判断 (0–1). */
  trueShare: number
  /** Sections (党章 articles with text, 八项规定 points, 准则 norms) without a 填空 or 单选 that is not about numbering. */
  uncovered: string[]
}

/** Cards whose prompt (same type) is asked elsewhere with another answer: both must go. */
export function conflictingDuplicates(cards: readonly Card[]): string[] {
  const byPrompt = new Map<string, Card[]>()
  for (const c of cards) {
    const key = `${c.type}\u0000${c.prompt.replace(/[\p{P}\s]/gu, '')}`
    byPrompt.set(key, [...(byPrompt.get(key) ?? []), c])
  }
  const out: string[] = []
  for (const group of byPrompt.values()) {
    if (new Set(group.map((c) => answersOf(c).join('、'))).size > 1) out.push(...group.map((c) => c.id))
  }
  return out
}

/** The passages every bank must cover: 党章 articles with text, the eight points, the eight norms. */
export function requiredSections(documents: readonly StudyDocument[]): { docId: string; anchor: string; label: string }[] {
  const out: { docId: string; anchor: string; label: string }[] = []
  for (const doc of documents) {
    if (!['constitution', 'eight-point-regulation', 'integrity-code'].includes(doc.id)) continue
    for (const p of doc.passages) {
      if (!p.label) continue
      if (doc.id === 'constitution' && !/^第.+条$/.test(p.label)) continue
      // An article whose whole official text is still missing cannot be asked about.
      if (isGap(p.text.slice(p.label.length)) && !/[。；]/.test(withoutGaps(p.text))) continue
      out.push({ docId: doc.id, anchor: p.anchor, label: `${doc.shortTitle}${p.label}` })
    }
  }
  return out
}

export function lintCards(cards: readonly Card[], documents: readonly StudyDocument[] = []): LintReport {
  const rules: LintCount[] = CARD_RULES.map(({ key, label, test }) => {
    const ids = cards.filter(test).map((c) => c.id)
    return { key, label, count: ids.length, ids }
  })
  const dupes = conflictingDuplicates(cards)
  rules.push({ key: 'conflicting-duplicates', label: '同一题干、答案不同', count: dupes.length, ids: dupes })
  const judged = cards.filter((c) => c.type === 'truefalse')
  const trueShare = judged.length ? judged.filter((c) => c.answer === '正确').length / judged.length : 0
  const covering = new Set(
    cards
      // A 出处 question (which article, item or chapter) does not cover what the passage says.
      .filter((c) => (c.type === 'cloze' || c.type === 'choice') && !/哪一条|哪一项|第几条|哪一章/.test(c.prompt))
      .map((c) => `${c.docId}#${c.anchor}`),
  )
  const uncovered = requiredSections(documents)
    .filter((s) => !covering.has(`${s.docId}#${s.anchor}`))
    .map((s) => s.label)
  return { total: cards.length, rules, trueShare, uncovered }
}

/** The report as lines of text (CLI and bench). */
export function formatLint(report: LintReport): string[] {
  const pct = (n: number) => `${((n / Math.max(1, report.total)) * 100).toFixed(1)}%`
  return [
    `卡片总数\t${report.total}`,
    ...report.rules.map((r) => `${r.label}\t${r.count}\t${pct(r.count)}\t${r.key}`),
    `判断题中“正确”占比\t${(report.trueShare * 100).toFixed(1)}%\t\ttrue-share`,
    `未覆盖的条/项（无填空或单选）\t${report.uncovered.length}\t${report.uncovered.slice(0, 12).join('、')}${report.uncovered.length > 12 ? '……' : ''}\tuncovered`,
  ]
}
