/**
 * Checks an imported bank against the texts: each question is linked to the passage that states its fact
 * (link.ts), and flagged when its key contradicts that passage (judgeKey.ts), when no text states it, when
 * it uses an older revision's wording (revision.ts), when the card bank already asks it (duplicates.ts), or
 * when the bank's keys pile up on one letter (letters.ts). This module runs them over a bank.
 */
import type { SearchHit } from '../search/engine'
import { duplicateFinder } from './duplicates'
import { judgeKey } from './judgeKey'
import { biasedLetter } from './letters'
import { gapHolding, type Linked, linkQuestion, type PassageFinder } from './link'
import { olderRevisionNote } from './revision'
import { statement } from './statement'
import type { BankFlag, CheckedQuestion, ParsedQuestion } from './types'

export { biasedLetter, LETTER_BIAS_SHARE, shuffleBank } from './letters'
export { LINK_COVERAGE } from './link'

export interface BankCheckContext {
  /** The app's passage search (PassageSearch): only `search` is used. */
  search: PassageFinder
  /** Traditional → simplified table of the search vocabulary, so 黨章 papers meet 党章. */
  fold?: Readonly<Record<string, string>>
  /** The card bank, for duplicates. */
  cards?: readonly { prompt: string }[]
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
  // Banks put together from several papers repeat questions: the same wording is looked up once, and so is
  // each search (papers that differ in the numbering or the end of a question share the words by its blank).
  const links = new Map<string, Linked | null>()
  const searched = new Map<string, SearchHit[]>()
  const search: PassageFinder = {
    search: (query, request) => {
      const key = `${request?.limit ?? ''}\u0000${query}`
      let hits = searched.get(key)
      if (!hits) searched.set(key, (hits = ctx.search.search(query, request)))
      return hits
    },
  }
  return (q) => {
    const flags: BankFlag[] = []
    const notes: string[] = []
    const raise = (flag: BankFlag, note: string) => {
      if (!flags.includes(flag)) flags.push(flag)
      notes.push(note)
    }
    const asked = `${q.type}\u0000${q.stem}\u0000${q.options.join('\u0000')}\u0000${q.answer}`
    const found = links.has(asked) ? links.get(asked)! : linkQuestion(q, search, fold)
    links.set(asked, found)
    const gap = found && gapHolding(q, found, fold)
    // What the question asks stands in the passage's missing wording: the passage does not state it.
    const linked = gap ? null : found
    if (gap) raise('not-in-texts', `题目所问在“${found.hit.passage.heading}”尚未收录原文的部分，无法核对（${gap}）`)
    else if (linked) {
      const verdict = judgeKey(q, linked.text, fold)
      if (verdict) raise(verdict.flag, verdict.note)
    } else raise('not-in-texts', '在现有文本中没有找到表述这道题的段落。')
    const older = olderRevisionNote(q.stem, statement(q), linked?.hit.passage ?? null, fold)
    if (older) raise('older-revision', older)
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
