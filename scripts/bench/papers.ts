/**
 * Real published papers (eval/papers.yaml): of the facts 党章党规 test papers on the web ask that the
 * bundled text states, how many the card bank asks. Same matcher as the classic questions.
 *   npx tsx scripts/bench/papers.ts [--misses]   (also printed by `npm run bench [-- --misses]`)
 * The set was written from the papers before the bank was read; questions whose fact sits in a
 * 〔原文暂缺〕 gap or in no bundled text are kept (to show how much of a paper the app can serve)
 * but not scored, since no card could ask them faithfully.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { generateCards } from '../../src/lib/cards'
import type { Card } from '../../src/lib/cards/types'
import type { StudyDocument } from '../../src/lib/content/types'
import { loadManualCards } from '../build/cardFiles'
import { loadBundledCorpus } from '../build/contentFiles'
import { classicCoverage, type ClassicCoverage, type ClassicQuestion } from './classic'

/** Where a paper's fact is: a passage anchor, a gap passage of the bundled text, or no bundled text. */
export type PaperAnchor = string | 'gap' | 'not-in-texts'

export interface PaperQuestion extends ClassicQuestion {
  /** Ids of the papers that ask it (see `papers`). */
  papers: string[]
  /** 2: collected after the first measurement and before any card; not used to pick which cards to write. */
  round: 1 | 2
}

export interface PaperSet {
  /** Paper id → its address. */
  papers: Record<string, string>
  /** Questions whose fact the bundled text states, scored against the bank. */
  inText: PaperQuestion[]
  /** Questions on a 〔原文暂缺〕 passage, and on no bundled text: reported, not scored. */
  gap: PaperQuestion[]
  notInTexts: PaperQuestion[]
}

const FILE = fileURLToPath(new URL('./eval/papers.yaml', import.meta.url))
const KINDS: readonly ClassicQuestion['kind'][] = ['cloze', 'choice', 'truefalse', 'list']

export function loadPaperSet(file = FILE): PaperSet {
  const data = parse(readFileSync(file, 'utf8')) as { papers?: Record<string, string>; questions?: unknown[] }
  const papers = data.papers ?? {}
  if (!Array.isArray(data.questions)) throw new Error(`${file}: expected a list of questions`)
  const set: PaperSet = { papers, inText: [], gap: [], notInTexts: [] }
  data.questions.forEach((raw, i) => {
    const e = raw as Partial<PaperQuestion>
    const where = `${file}: question ${i + 1}`
    if (!e.q || !e.anchor || !Array.isArray(e.papers) || e.papers.length === 0) throw new Error(`${where} needs q, anchor and papers`)
    for (const id of e.papers) if (!papers[id]) throw new Error(`${where} names an unknown paper ${id}`)
    const base = { q: String(e.q), anchor: String(e.anchor), papers: e.papers.map(String), round: e.round === 2 ? 2 as const : 1 as const }
    if (e.anchor === 'gap' || e.anchor === 'not-in-texts') {
      const entry = { ...base, doc: e.doc ?? '', answer: e.answer ?? '', kind: e.kind ?? 'choice' }
      ;(e.anchor === 'gap' ? set.gap : set.notInTexts).push(entry)
      return
    }
    if (!e.doc || !e.answer || !e.kind || !KINDS.includes(e.kind)) throw new Error(`${where} needs doc, answer and kind`)
    set.inText.push({ ...base, doc: e.doc, answer: String(e.answer), kind: e.kind })
  })
  return set
}

export function paperCoverage(cards: readonly Card[], set = loadPaperSet()): ClassicCoverage {
  return classicCoverage(cards, set.inText)
}

const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`

/** The contract line of `npm run bench` for this measure. */
export function paperLine(coverage: ClassicCoverage): string {
  return `real papers: ${coverage.covered} of ${coverage.total} in-text facts asked (${pct(coverage.covered, coverage.total)})`
}

export function benchPapers(documents: readonly StudyDocument[], showMisses = false): void {
  const set = loadPaperSet()
  const cards = generateCards(documents, loadManualCards(documents))
  const all = paperCoverage(cards, set)
  const asked = set.inText.length + set.gap.length + set.notInTexts.length
  const occurrences = [...set.inText, ...set.gap, ...set.notInTexts].reduce((n, q) => n + q.papers.length, 0)
  console.log(`\n## Real published papers (eval/papers.yaml: ${asked} distinct questions, ${occurrences} as printed, ${Object.keys(set.papers).length} papers)\n`)
  console.log(`${set.inText.length} ask a fact the bundled text states; ${set.gap.length} ask one in a 〔原文暂缺〕 gap; ${set.notInTexts.length} ask what no bundled text holds.\n`)
  console.log(paperLine(all))
  const late = paperCoverage(cards, { ...set, inText: set.inText.filter((q) => q.round === 2) })
  console.log(`(round 2, collected after the first measurement and before any card, not used to pick cards: ${late.covered} of ${late.total})`)
  console.log('\n| document | in-text facts asked by the bank |')
  console.log('| --- | ---: |')
  for (const [doc, n] of Object.entries(all.byDoc)) console.log(`| ${doc} | ${n.covered}/${n.total} (${pct(n.covered, n.total)}) |`)
  if (!showMisses) return
  console.log(`\n${all.misses.length} in-text facts not asked:`)
  for (const m of all.misses) console.log(`- ${m.doc}#${m.anchor} ${m.q} (${m.answer})`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchPapers(loadBundledCorpus(), process.argv.includes('--misses'))
}
