/**
 * Card-quality numbers for the bench: every lint rule's count over the bank (generated plus
 * hand-written cards), the 正确 share of the 判断, coverage gaps, and the generation time. The
 * generator drops what the lint flags, so the bank's counts alone would be zero by construction
 * for generated cards: the table also shows how many generated drafts each rule dropped.
 */
import { draftDocumentCards, generateCards } from '../../src/lib/cards'
import { CARD_RULES, lintCards } from '../../src/lib/cards/lint'
import type { StudyDocument } from '../../src/lib/content/types'
import { firstNewCards } from '../../src/lib/schedule'
import { loadManualCards } from '../build/cardFiles'

export function benchCards(documents: readonly StudyDocument[]): void {
  const manual = loadManualCards(documents)
  const times: number[] = []
  let cards = generateCards(documents, manual)
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now()
    cards = generateCards(documents, manual)
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  const report = lintCards(cards, documents)
  const pct = (n: number) => `${((100 * n) / Math.max(1, report.total)).toFixed(1)}%`
  console.log(`\n## Card quality (lint over ${report.total} cards, ${manual.length} hand-written; generation ${times[2]!.toFixed(1)} ms, median of 5)\n`)
  const drafts = documents.flatMap(draftDocumentCards)
  const dropped = (key: string) => drafts.filter((c) => CARD_RULES.find((r) => r.key === key)?.test(c)).length
  console.log(`${drafts.length} generated drafts before the checks.\n`)
  console.log('| rule | cards in the bank | share | generated drafts it dropped |')
  console.log('| --- | ---: | ---: | ---: |')
  for (const rule of report.rules) console.log(`| ${rule.label} (${rule.key}) | ${rule.count} | ${pct(rule.count)} | ${CARD_RULES.some((r) => r.key === rule.key) ? dropped(rule.key) : ''} |`)
  console.log(`| 判断题中“正确”占比 (true-share) | | ${(100 * report.trueShare).toFixed(1)}% |`)
  console.log(`| 未覆盖的条/项 (uncovered) | ${report.uncovered.length} | ${report.uncovered.join('、')} |`)
  // What a fresh learner meets first in 学习 (issue 16: at least 3 documents, 70% hand-written).
  const first = firstNewCards(cards, 20, { start: new Date(2026, 0, 5, 9).getTime() })
  const docs = new Set(first.map((c) => c.docId)).size
  const written = first.filter((c) => c.origin === 'manual').length
  console.log(`\nFirst 20 new cards of a fresh learner (\`cards --new-queue 20\`): ${docs} documents, ${written} of 20 hand-written (${(written * 5).toFixed(0)}%).`)
}
