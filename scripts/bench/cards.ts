/**
 * Card-quality numbers for the bench: every lint rule's count over the bank (generated plus
 * hand-written cards), the 正确 share of the 判断, coverage gaps, and the generation time.
 */
import { generateCards } from '../../src/lib/cards'
import { lintCards } from '../../src/lib/cards/lint'
import type { StudyDocument } from '../../src/lib/content/types'
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
  console.log('| rule | cards | share |')
  console.log('| --- | ---: | ---: |')
  for (const rule of report.rules) console.log(`| ${rule.label} (${rule.key}) | ${rule.count} | ${pct(rule.count)} |`)
  console.log(`| 判断题中“正确”占比 (true-share) | | ${(100 * report.trueShare).toFixed(1)}% |`)
  console.log(`| 未覆盖的条/项 (uncovered) | ${report.uncovered.length} | ${report.uncovered.join('、')} |`)
}
