import { formatNumeral, parseNumeral } from '../../content/numerals'
import type { StudyDocument } from '../../content/types'
import { docName, makeCard, type PassageContext } from '../context'
import { CARD_RULES } from '../lint'
import { cardProblems } from '../quality'
import { BLANK } from '../text'
import type { Card } from '../types'

/**
 * A branch's own rule list — 干部作风“十不准”, 支部“五必须” — as a secretary would quiz it: the
 * whole list (列举), and each item's key predicate (不准 + what is forbidden) as a 填空 where the
 * forbidden thing can be cut out cleanly, else as a 判断 quoting the item.
 */

/** How a rule item opens: what the rule demands or forbids. */
const MODAL = /^(?:不准|不得|严禁|禁止|不许|不要|必须|要|应当|坚持|严守|做到)/
const MIN_ITEMS = 3
const MAX_ITEMS = 20
/** A key predicate longer than this is not something a member recites: the list asks its first part. */
const RECITED = 18
const MAX_KEY = 40
/** Words of context a 填空 needs around its blank besides the modal, or 不准（    ） could be any item. */
const MIN_CONTEXT = 6

/** An item's key predicate: its first clause (不准在工作日中午饮酒). */
export function keyPredicate(body: string): string {
  return body.split(/[，,；;。：:！？]/)[0]!.trim()
}

/** What the 列举 expects of an item: its key predicate, or its first part when that is long (不准擅自离岗、……). */
export function recitedItem(key: string): string {
  if (key.length <= RECITED) return key
  const head = key.split('、')[0]!
  return head.length >= 6 ? head : key
}

/** Runs of numbered passages under one heading (一、… / 1. … / （一）…), in text order. */
export function numberedRuns(contexts: readonly PassageContext[]): PassageContext[][] {
  const runs: PassageContext[][] = []
  let run: PassageContext[] = []
  let key = ''
  for (const ctx of contexts) {
    const k = ctx.passage.path.map((h) => h.anchor).join('/')
    if (ctx.passage.label && run.length && k === key) run.push(ctx)
    else {
      if (run.length) runs.push(run)
      run = ctx.passage.label ? [ctx] : []
      key = k
    }
  }
  if (run.length) runs.push(run)
  return runs.filter((r) => r.length >= MIN_ITEMS && r.length <= MAX_ITEMS)
}

/** 《干部作风“十不准”》中的“十不准”是指哪些？ — the list's own catchword when its title has one. */
function listPrompt(doc: StudyDocument, run: readonly PassageContext[]): string {
  const count = formatNumeral(run.length)
  // The title's catchword (“十不准”) names the list, unless its number says another count.
  const catchword = /“([^”]{2,8})”/.exec(doc.title)?.[1]
  const named = catchword && /^[一二三四五六七八九十两]+/.exec(catchword)?.[0]
  if (catchword && named && parseNumeral(named.replace('两', '二')) !== run.length) return `${docName(doc)}包括哪${count}项内容？`
  const heading = run[0]!.passage.path.at(-1)?.title
  if (catchword) return `${docName(doc)}中的“${catchword}”是指哪些？（共${count}项）`
  if (heading && heading !== doc.title) return `${docName(doc)}中“${heading}”包括哪${count}项？`
  return `${docName(doc)}包括哪${count}项内容？`
}

/** Whether a generated card would be printed (the same checks generated cards pass later). */
function printable(card: Card): boolean {
  return cardProblems(card).length === 0 && !CARD_RULES.some((r) => r.test(card))
}

/**
 * The blank of an item's 填空: what is forbidden or required — the words after the item's last
 * 的 (不准接受管理服务对象的（宴请、礼金和购物卡）), or everything after the modal when short.
 */
function blankOf(key: string): { before: string; answer: string } | null {
  const modal = MODAL.exec(key)?.[0]
  if (!modal) return null
  const at = key.lastIndexOf('的')
  if (at >= modal.length + 2 && key.length - at - 1 >= 3 && key.length - at - 1 <= 10) {
    return { before: key.slice(0, at + 1), answer: key.slice(at + 1) }
  }
  const rest = key.slice(modal.length)
  return rest.length >= 2 && rest.length <= 14 ? { before: modal, answer: rest } : null
}

function itemCard(ctx: PassageContext, key: string): Card | null {
  const sentence = ctx.body.split(/[。；;！？]/)[0]!.trim()
  const after = sentence.slice(key.length)
  const lead = `${docName(ctx.doc)}规定：`
  const blank = blankOf(key)
  if (blank && blank.before.length + after.length >= MIN_CONTEXT) {
    const prompt = `${lead}${blank.before}${BLANK}${after}。`
    const card = makeCard(ctx, 'cloze', `rule:${key}`, { prompt, answer: blank.answer, about: sentence }, 'cloze:rule-item')
    if (printable(card)) return card
  }
  const card = makeCard(ctx, 'truefalse', `rule:${sentence}`, { prompt: `${lead}${sentence}。`, answer: '正确', about: sentence }, 'truefalse:rule-item')
  card.options = ['正确', '错误']
  return printable(card) ? card : null
}

/** The 列举 and per-item cards of every numbered rule list in a branch document. */
export function ruleListCards(contexts: readonly PassageContext[]): Card[] {
  const out: Card[] = []
  for (const run of numberedRuns(contexts)) {
    const keys = run.map((ctx) => keyPredicate(ctx.body))
    if (keys.some((k) => k.length < 2 || k.length > MAX_KEY)) continue
    const first = run[0]!
    const source = run.map((c) => c.text).join('\n')
    const answer = keys.map(recitedItem)
    const list = makeCard(first, 'enumeration', `rule-list:${run.map((c) => c.passage.anchor).join(',')}`, { prompt: listPrompt(first.doc, run), answer, ordered: false, source }, 'enumeration:rule-list')
    if (printable(list)) out.push(list)
    run.forEach((ctx, i) => {
      const card = itemCard(ctx, keys[i]!)
      if (card) out.push(card)
    })
  }
  return out
}

/**
 * Why a branch document gives no card, in the member's words (the deck shows it beside “0张”);
 * null when it gives cards or is not a branch document.
 */
export function noCardsReason(doc: StudyDocument, cardCount: number): string | null {
  if (doc.kind !== 'local' || cardCount > 0) return null
  const contexts = doc.passages.map((p) => ({ passage: p, body: p.text }))
  if (!contexts.some((c) => /[。；！？]/.test(c.body))) return '正文没有完整的句子（只有标题或短语），无法出题。'
  if (!doc.passages.some((p) => p.label)) {
    return '没有找到分条编号（如“一、”“1.”“（一）”），也没有可考的数字或术语，因此没有生成题目。把要点分条编号后重新导入即可出题。'
  }
  return '分条编号的内容过长或不成句，未能生成合格的题目。每条以“不准”“必须”等开头、首句简短明确时即可出题。'
}
