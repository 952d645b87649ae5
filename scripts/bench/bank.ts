/**
 * Question-bank import on real published papers (scripts/bench/eval/bank/*.txt, truth in expected.yaml,
 * written by hand before the parser ran):
 *   npx tsx scripts/bench/bank.ts [--misses]
 * recovery: questions the paper states with a key that come out with that key;
 * linking: in-text questions linked to the passage that states them;
 * contradictions: keys contradicting the text that are flagged; false alarms: key-contradicts-text on keys that agree;
 * older wording: questions worded as an earlier revision that are flagged older-revision, and that flag on any other.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { checkBank } from '../../src/lib/bank/check'
import { readBankText } from '../../src/lib/bank/readBankFile'
import type { BankFlag } from '../../src/lib/bank/types'
import { generateCards } from '../../src/lib/cards'
import { PassageSearch } from '../../src/lib/search/engine'
import { toSearchable } from '../../src/lib/search/passages'
import { loadManualCards } from '../build/cardFiles'
import { loadBundledCorpus, ROOT } from '../build/contentFiles'
import { buildVocabulary } from '../build/searchVocabulary'

interface Truth {
  keys: Record<string, string | boolean>
  links: Record<string, string>
  contradicts: number[]
  /** Questions worded as an earlier revision (by number). */
  older?: number[]
}

export interface BankBench {
  papers: number
  questions: number
  recovered: number
  inText: number
  linked: number
  contradicting: number
  flagged: number
  falseAlarms: number
  older: number
  olderFlagged: number
  olderFalseAlarms: number
  /** Questions the texts do not state that were linked all the same. */
  strayLinks: number
  misses: string[]
}

export function benchBank(): BankBench {
  const dir = join(ROOT, 'scripts/bench/eval/bank')
  const truth = parse(readFileSync(join(dir, 'expected.yaml'), 'utf8')) as Record<string, Truth>
  const corpus = loadBundledCorpus()
  const vocabulary = buildVocabulary(corpus)
  const search = PassageSearch.build(toSearchable(corpus), vocabulary)
  const cards = generateCards(corpus, loadManualCards(corpus))
  const result: BankBench = { papers: 0, questions: 0, recovered: 0, inText: 0, linked: 0, contradicting: 0, flagged: 0, falseAlarms: 0, older: 0, olderFlagged: 0, olderFalseAlarms: 0, strayLinks: 0, misses: [] }
  for (const [file, expected] of Object.entries(truth)) {
    result.papers++
    const parsed = readBankText(readFileSync(join(dir, file), 'utf8'))
    const checked = checkBank(parsed.questions, { search, fold: vocabulary.fold, cards })
    // Papers that restart numbering in each section name their questions by type: 判断1.
    const byNumber = new Map(checked.flatMap((q) => [[String(q.n), q] as const, [`${q.type}${q.n}`, q] as const]))
    for (const [n, key] of Object.entries(expected.keys)) {
      result.questions++
      const q = byNumber.get(n)
      if (q && (key === true ? q.answer.length > 0 : q.answer === key)) result.recovered++
      else result.misses.push(`${file} ${n}: key ${String(key)}, got ${q ? q.answer : 'nothing'}`)
    }
    for (const [n, place] of Object.entries(expected.links)) {
      result.inText++
      const q = byNumber.get(n)
      const got = q?.link ? `${q.link.doc}#${q.link.anchor}` : 'null'
      if (got === place) result.linked++
      else result.misses.push(`${file} ${n}: link ${place}, got ${got}`)
    }
    // Flags are counted from the truth: a listed question the parser lost counts as not flagged.
    const flaggedAs = (n: number, flag: BankFlag) => byNumber.get(String(n))?.flags.includes(flag) ?? false
    for (const n of expected.contradicts) {
      result.contradicting++
      if (flaggedAs(n, 'key-contradicts-text')) result.flagged++
      else result.misses.push(`${file} ${n}: contradicting key not flagged`)
    }
    for (const n of expected.older ?? []) {
      result.older++
      if (flaggedAs(n, 'older-revision')) result.olderFlagged++
      else result.misses.push(`${file} ${n}: earlier wording not flagged`)
    }
    for (const q of checked) {
      const name = String(q.n) in expected.keys ? String(q.n) : `${q.type}${q.n}`
      if (!(name in expected.keys)) continue
      if (!(name in expected.links) && q.link) {
        result.strayLinks++
        result.misses.push(`${file} ${q.n}: not in the texts, linked to ${q.link.doc}#${q.link.anchor}`)
      }
      if (!expected.contradicts.includes(q.n) && q.flags.includes('key-contradicts-text')) {
        result.falseAlarms++
        result.misses.push(`${file} ${q.n}: false key-contradicts-text (${q.notes.join(' ')})`)
      }
      if (!(expected.older ?? []).includes(q.n) && q.flags.includes('older-revision')) {
        result.olderFalseAlarms++
        result.misses.push(`${file} ${q.n}: false older-revision (${q.notes.join(' ')})`)
      }
    }
  }
  return result
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = benchBank()
  const pct = (a: number, b: number) => `${((a / Math.max(1, b)) * 100).toFixed(1)}%`
  process.stdout.write(`题库导入（${r.papers} 份真实试卷）\n`)
  process.stdout.write(`  parse recovery  ${r.recovered}/${r.questions} = ${pct(r.recovered, r.questions)} (target ≥ 98%)\n`)
  process.stdout.write(`  linking         ${r.linked}/${r.inText} = ${pct(r.linked, r.inText)} (target ≥ 90%)\n`)
  process.stdout.write(`  stray links     ${r.strayLinks} of ${r.questions - r.inText} questions the texts do not state\n`)
  process.stdout.write(`  contradictions  ${r.flagged}/${r.contradicting} flagged, ${r.falseAlarms} false alarms\n`)
  process.stdout.write(`  older wording   ${r.olderFlagged}/${r.older} flagged, ${r.olderFalseAlarms} false alarms\n`)
  if (process.argv.includes('--misses')) for (const miss of r.misses) process.stdout.write(`  ${miss}\n`)
}
