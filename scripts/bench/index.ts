/**
 * npm run bench — measured, not guessed. Prints markdown tables, one section after another:
 * corpus, our index (build time, size), answer quality on the evaluation set (ours beside the engines a
 * user might pick instead, same passages, same process), latency on the bundled corpus and at 100×,
 * production bundle sizes, and card generation.
 */
import { gzipSync } from 'node:zlib'
import { PassageSearch, type SearchablePassage } from '../../src/lib/search/engine'
import { toSearchable } from '../../src/lib/search/passages'
import { generateCards, type Card } from '../../src/lib/cards'
import type { StudyDocument } from '../../src/lib/content/types'
import { loadManualCards } from '../build/cardFiles'
import { loadBundledCorpus } from '../build/contentFiles'
import { buildVocabulary } from '../build/searchVocabulary'
import { measureBundle } from './bundle'
import { benchCards } from './cards'
import { benchClassic } from './classic'
import { benchPapers } from './papers'
import { liveSection } from './live'
import { liveClusterSection } from './liveCluster'
import { ENGINES, type BenchEngine } from './engines'
import { evaluate, type KindScore } from './evaluate'
import { loadEvalQueries } from './eval/queries'
import { syntheticCorpus } from './synthetic'

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const ms = (value: number) => `${value.toFixed(3)} ms`
const pct = (x: number) => `${(100 * x).toFixed(1)}%`
const gz = (text: string) => gzipSync(Buffer.from(text)).length

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

/** Latency is for the first page of results, as the search box shows it. */
const PAGE = 20

async function latency(engine: BenchEngine, passages: readonly SearchablePassage[], queries: readonly string[], repeats: number) {
  const started = performance.now()
  const search = await engine.build(passages)
  const buildMs = performance.now() - started
  const times: number[] = []
  for (const query of queries) {
    await search(query, PAGE) // warm-up
    for (let r = 0; r < repeats; r++) {
      const t0 = performance.now()
      await search(query, PAGE)
      times.push(performance.now() - t0)
    }
  }
  return { name: engine.name, buildMs, p50: percentile(times, 50), p95: percentile(times, 95) }
}

function corpusSection(documents: StudyDocument[], passages: SearchablePassage[]) {
  const text = passages.map((p) => `${p.heading}\n${p.text}`).join('\n')
  console.log(`# 学习园地 bench — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}\n`)
  console.log(`Bundled corpus: ${documents.length} documents, ${passages.length} passages, ${[...text].length} characters.\n`)
}

function indexSection(documents: StudyDocument[], passages: SearchablePassage[]) {
  const vocabulary = buildVocabulary(documents)
  const builds: number[] = []
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now()
    PassageSearch.build(passages, vocabulary)
    builds.push(performance.now() - t0)
  }
  const text = passages.map((p) => `${p.heading}\n${p.text}`).join('\n')
  const shipped = JSON.stringify(vocabulary)
  console.log('## Our index (bundled corpus)\n')
  console.log('The search worker builds the MiniSearch index from the texts it carries; only the vocabulary prepared at build time (traditional → simplified table, pinyin, synonyms, document names) ships beside them.\n')
  console.log(table(['index build from the texts (median of 5)', 'vocabulary raw', 'vocabulary gzip', 'text gzip'], [[
    ms(percentile(builds, 50)), kb(Buffer.byteLength(shipped)), kb(gz(shipped)), kb(gz(text)),
  ]]))
}

async function qualitySection(passages: SearchablePassage[]) {
  const queries = loadEvalQueries()
  const kinds = [...new Set(queries.map((q) => q.kind))]
  console.log(`\n## Answer quality on the evaluation set (${queries.length} queries written from intent, scripts/bench/eval/queries.yaml)\n`)
  console.log('R@1 / R@5: share of queries with a wanted passage first / in the first five; MRR: mean reciprocal rank of the first wanted passage (first 20 results).\n')
  const rows: (string | number)[][] = []
  const cell = (s: KindScore) => `${pct(s.at5)} / ${s.mrr.toFixed(2)}`
  for (const engine of ENGINES) {
    const result = await evaluate(await engine.build(passages), passages, queries)
    const byKind = new Map(result.kinds.map((k) => [k.kind, k]))
    rows.push([engine.name, pct(result.all.at1), pct(result.all.at5), result.all.mrr.toFixed(3), ...kinds.map((k) => cell(byKind.get(k)!))])
  }
  console.log(table(['engine', 'R@1', 'R@5', 'MRR', ...kinds.map((k) => `${k} (${queries.filter((q) => q.kind === k).length}) R@5 / MRR`)], rows))
}

async function latencySection(passages: SearchablePassage[]) {
  const queries = loadEvalQueries().map((q) => q.q)
  console.log(`\n## Latency, bundled corpus (${queries.length} evaluation queries × 50; first ${PAGE} results)\n`)
  const runs = []
  for (const engine of ENGINES) runs.push(await latency(engine, passages, queries, 50))
  console.log(table(['engine', 'build', 'p50', 'p95'], runs.map((r) => [r.name, ms(r.buildMs), ms(r.p50), ms(r.p95)])))

  const big = syntheticCorpus(passages, 100)
  const bigText = big.map((p) => p.text).join('\n')
  console.log(`\n## Latency, synthetic corpus 100× (${big.length} passages, ${(bigText.length / 1e6).toFixed(2)} M characters; first ${PAGE} results)\n`)
  const bigRuns = []
  for (const engine of ENGINES) bigRuns.push(await latency(engine, big, queries, 3))
  console.log(table(['engine', 'build', 'p50', 'p95'], bigRuns.map((r) => [r.name, ms(r.buildMs), ms(r.p50), ms(r.p95)])))
}

async function bundleSection() {
  console.log('\n## Production bundle (gzip)\n')
  const bundle = await measureBundle()
  console.log(table(['part', 'files', 'raw', 'gzip'], bundle.map((part) => [part.name, part.files, kb(part.raw), kb(part.gzip)])))
}

function cardsSection(documents: StudyDocument[]) {
  // The card bank as the app builds it: generated cards plus the hand-written ones.
  const manual = loadManualCards(documents)
  generateCards(documents, manual)
  const times: number[] = []
  let cards: Card[] = []
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now()
    cards = generateCards(documents, manual)
    times.push(performance.now() - t0)
  }
  console.log(`\n## Card bank\n\nGeneration for the whole corpus: ${ms(percentile(times, 50))} (median of 5), ${cards.length} cards (${manual.length} hand-written).\n`)
  const types = [...new Set(cards.map((c) => c.type))].sort()
  console.log(table(['document', ...types, 'total'], documents.map((doc) => {
    const mine = cards.filter((c) => c.docId === doc.id)
    return [doc.id, ...types.map((t) => mine.filter((c) => c.type === t).length), mine.length]
  })))
  benchCards(documents)
  benchClassic(documents)
  benchPapers(documents, process.argv.includes('--misses'))
}

async function liveLoadSection() {
  console.log(`\n${await liveSection()}`)
  console.log(`\n${await liveClusterSection()}`)
}

const documents = loadBundledCorpus()
const passages = toSearchable(documents)
corpusSection(documents, passages)
indexSection(documents, passages)
await qualitySection(passages)
await latencySection(passages)
await bundleSection()
cardsSection(documents)
await liveLoadSection()
