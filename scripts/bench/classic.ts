/**
 * Coverage of the classic exam questions (eval/classic.yaml, written from intent before the bank
 * was read): how many of them the card bank asks.
 *   npx tsx scripts/bench/classic.ts [--misses]
 * A card covers a question when it is on the same passage and tests its key: the card's answer
 * contains the key, or the card's answer is part of the key and the question with the answer put
 * back (in place of the blank, or of the question word of a worded question) reads the key
 * (要有（两名）正式党员作介绍人 covers 两名正式党员作介绍人), or the card asks the
 * same fact the other way round (the key is in its stem, right beside the blank). A 判断 covers it
 * when its true statement says the key; a list question is covered by a 列举 or 多选 on the list.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { generateCards } from '../../src/lib/cards'
import { BLANK } from '../../src/lib/cards/text'
import type { Card } from '../../src/lib/cards/types'
import type { StudyDocument } from '../../src/lib/content/types'
import { loadManualCards } from '../build/cardFiles'
import { loadBundledCorpus } from '../build/contentFiles'

export interface ClassicQuestion {
  doc: string
  q: string
  answer: string
  anchor: string
  kind: 'cloze' | 'choice' | 'truefalse' | 'list'
}

const FILE = fileURLToPath(new URL('./eval/classic.yaml', import.meta.url))

export function loadClassicQuestions(file = FILE): ClassicQuestion[] {
  const data = parse(readFileSync(file, 'utf8')) as unknown
  if (!Array.isArray(data)) throw new Error(`${file}: expected a list of questions`)
  return data.map((e: Partial<ClassicQuestion>, i) => {
    if (!e.doc || !e.q || !e.answer || !e.anchor || !e.kind) throw new Error(`${file}: entry ${i + 1} needs doc, q, answer, anchor and kind`)
    return { doc: e.doc, q: String(e.q), answer: String(e.answer), anchor: String(e.anchor), kind: e.kind }
  })
}

const norm = (s: string) => s.replace(/[\p{P}\s]/gu, '')

export function covers(card: Card, question: ClassicQuestion): boolean {
  if (card.docId !== question.doc || card.anchor !== question.anchor) return false
  const key = norm(question.answer)
  const answers = Array.isArray(card.answer) ? card.answer : [card.answer]
  if (card.type === 'enumeration' || card.type === 'multi') {
    return question.kind === 'list' || norm(answers.join('')).includes(key)
  }
  if (card.type === 'truefalse') {
    if (card.answer === '正确') return norm(card.prompt).includes(key)
    const original = card.original ? norm(card.original) : ''
    return original !== '' && key.includes(original) && key.split(original).every((part) => norm(card.prompt).includes(part))
  }
  const answer = norm(answers.join(''))
  if (!answer) return false
  if (answer.includes(key)) return true
  const filled = norm(putBack(card.prompt, answers[0]!))
  if (key.includes(answer) && filled.includes(key)) return true
  // The same fact asked the other way round: 民主集中制是党的（根本组织原则） covers 党的根本组织原则是什么（民主集中制）.
  const at = filled.indexOf(key)
  const blank = filled.indexOf(answer)
  if (at < 0 || blank < 0) return false
  const gap = blank >= at + key.length ? blank - (at + key.length) : at - (blank + answer.length)
  return gap >= 0 && gap <= NEAR
}

/**
 * Question words a worded question (no blank) asks with: 由谁决定？ put back reads 由上级党组织决定. A
 * measure word after 几 goes with it when the answer brings its own (几名 + 两名 → 两名, 每几年 + 五年 → 每五年).
 */
const QUESTION_WORD = /如何处理|怎样|什么|哪些|哪一机构|多长时间|多长|多久|多少|几(?=(.?))|谁/

/** The card's question with its answer put in place of the blank or the question word. */
function putBack(prompt: string, answer: string): string {
  if (prompt.includes(BLANK)) return prompt.replace(BLANK, answer)
  const asked = prompt.replace(/[？?]$/, '')
  const m = QUESTION_WORD.exec(asked)
  if (!m) return `${prompt}${answer}`
  const measure = m[1] && answer.endsWith(m[1]) ? m[1] : ''
  return asked.slice(0, m.index) + answer + asked.slice(m.index + m[0].length + measure.length)
}

/** How far (characters, punctuation removed) a card's answer may sit from the key it tests the other way round. */
const NEAR = 6

export interface ClassicCoverage {
  total: number
  covered: number
  byDoc: Record<string, { total: number; covered: number }>
  misses: ClassicQuestion[]
}

export function classicCoverage(cards: readonly Card[], questions = loadClassicQuestions()): ClassicCoverage {
  const byDoc: ClassicCoverage['byDoc'] = {}
  const misses: ClassicQuestion[] = []
  for (const q of questions) {
    const entry = (byDoc[q.doc] ??= { total: 0, covered: 0 })
    entry.total++
    if (cards.some((c) => covers(c, q))) entry.covered++
    else misses.push(q)
  }
  return { total: questions.length, covered: questions.length - misses.length, byDoc, misses }
}

export function benchClassic(documents: readonly StudyDocument[]): void {
  const cards = generateCards(documents, loadManualCards(documents))
  const generatedOnly = generateCards(documents)
  const all = classicCoverage(cards)
  const generated = classicCoverage(generatedOnly)
  const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`
  console.log(`\n## Classic exam questions covered (eval/classic.yaml, ${all.total} questions)\n`)
  console.log('| document | bank | generated cards only |')
  console.log('| --- | ---: | ---: |')
  for (const [doc, n] of Object.entries(all.byDoc)) {
    const g = generated.byDoc[doc]!
    console.log(`| ${doc} | ${n.covered}/${n.total} (${pct(n.covered, n.total)}) | ${g.covered}/${g.total} (${pct(g.covered, g.total)}) |`)
  }
  console.log(`| all | ${all.covered}/${all.total} (${pct(all.covered, all.total)}) | ${generated.covered}/${generated.total} (${pct(generated.covered, generated.total)}) |`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const documents = loadBundledCorpus()
  benchClassic(documents)
  if (process.argv.includes('--misses')) {
    const { misses } = classicCoverage(generateCards(documents, loadManualCards(documents)))
    console.log(`\n${misses.length} not covered:`)
    for (const m of misses) console.log(`- ${m.doc}#${m.anchor} ${m.q} (${m.answer})`)
  }
}
