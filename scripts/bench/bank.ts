/**
 * Question-bank import on real published papers (scripts/bench/eval/bank/*.txt, truth in expected.yaml,
 * written by hand before the parser ran):
 *   npx tsx scripts/bench/bank.ts [--misses]
 * recovery: questions the paper states with a key that come out with that key;
 * linking: in-text questions linked to the passage that states them;
 * contradictions: keys contradicting the text that are flagged; false alarms: key-contradicts-text on keys that agree.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { checkBank } from '../../src/lib/bank/check'
import { readBankText } from '../../src/lib/bank/readBankFile'
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
  const result: BankBench = { papers: 0, questions: 0, recovered: 0, inText: 0, linked: 0, contradicting: 0, flagged: 0, falseAlarms: 0, strayLinks: 0, misses: [] }
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
    for (const q of checked) {
      const name = String(q.n) in expected.keys ? String(q.n) : `${q.type}${q.n}`
      if (name in expected.keys && !(name in expected.links) && q.link) {
        result.strayLinks++
        result.misses.push(`${file} ${q.n}: not in the texts, linked to ${q.link.doc}#${q.link.anchor}`)
      }
      const wrong = expected.contradicts.includes(q.n)
      const flagged = q.flags.includes('key-contradicts-text')
      if (wrong) result.contradicting++
      if (wrong && flagged) result.flagged++
      if (wrong && !flagged) result.misses.push(`${file} ${q.n}: contradicting key not flagged`)
      if (!wrong && flagged && name in expected.keys) {
        result.falseAlarms++
        result.misses.push(`${file} ${q.n}: false key-contradicts-text (${q.notes.join(' ')})`)
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
  if (process.argv.includes('--misses')) for (const miss of r.misses) process.stdout.write(`  ${miss}\n`)
}
