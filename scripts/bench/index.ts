/**
 * npm run bench — measured, not guessed. Prints markdown tables:
 * corpus, our index (build time, size raw/gzip), recall and latency of our engine beside the
 * engines a user might pick instead (same passages, same queries, same process), the same on a
 * synthetic corpus 100× the bundled one, production bundle sizes, and card generation.
 */
import { gzipSync } from 'node:zlib'
import { PassageSearch, type SearchablePassage } from '../../src/lib/search/engine'
import { toSearchable } from '../../src/lib/search/passages'
import { generateCards, type Card } from '../../src/lib/cards'
import { loadManualCards } from '../build/cardFiles'
import { loadBundledCorpus } from '../build/contentFiles'
import { measureBundle } from './bundle'
import { benchCards } from './cards'
import { liveSection } from './live'
import { ENGINES, type BenchEngine } from './engines'
import { BENCH_QUERIES } from './queries'
import { groundTruth, tally, type RecallTally } from './recall'
import { syntheticCorpus } from './synthetic'

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const ms = (value: number) => `${value.toFixed(3)} ms`
const gz = (text: string) => gzipSync(Buffer.from(text)).length

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

interface EngineRun {
  name: string
  buildMs: number
  p50: number
  p95: number
  recall?: RecallTally
}

/** Recall counts every result; latency is for the first page, as the search box shows it. */
const ALL_RESULTS = 100_000
const PAGE = 20

async function runEngine(engine: BenchEngine, passages: readonly SearchablePassage[], truth: Set<number>[] | null, repeats: number): Promise<EngineRun> {
  const started = performance.now()
  const search = await engine.build(passages)
  const buildMs = performance.now() - started
  const recall: RecallTally = { expected: 0, found: 0, returned: 0 }
  const times: number[] = []
  for (const [i, query] of BENCH_QUERIES.entries()) {
    if (truth) tally(truth[i]!, await search(query, ALL_RESULTS), recall)
    await search(query, PAGE) // warm-up
    for (let r = 0; r < repeats; r++) {
      const t0 = performance.now()
      await search(query, PAGE)
      times.push(performance.now() - t0)
    }
  }
  return { name: engine.name, buildMs, p50: percentile(times, 50), p95: percentile(times, 95), recall: truth ? recall : undefined }
}

async function main() {
  const documents = loadBundledCorpus()
  const passages = toSearchable(documents)
  const text = passages.map((p) => `${p.heading}\n${p.text}`).join('\n')
  console.log(`# 学习园地 bench — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}\n`)
  console.log(`Bundled corpus: ${documents.length} documents, ${passages.length} passages, ${[...text].length} characters; ${BENCH_QUERIES.length} queries.\n`)

  // Our index: build time (median of 5) and size.
  const builds: number[] = []
  let engine = PassageSearch.build(passages)
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now()
    engine = PassageSearch.build(passages)
    builds.push(performance.now() - t0)
  }
  const json = engine.toJSON()
  console.log('## Our index (bundled corpus)\n')
  console.log(table(['build (median of 5)', 'index raw', 'index gzip', 'text raw', 'text gzip', 'index gzip / text gzip'], [[
    ms(percentile(builds, 50)), kb(Buffer.byteLength(json)), kb(gz(json)), kb(Buffer.byteLength(text)), kb(gz(text)), `${(gz(json) / gz(text)).toFixed(2)}×`,
  ]]))

  const truth = BENCH_QUERIES.map((q) => groundTruth(passages, q))
  console.log(`\n## Engines side by side (bundled corpus; recall = expected passages found among all results, over all queries; latency = first ${PAGE} results)\n`)
  const runs: EngineRun[] = []
  for (const candidate of ENGINES) runs.push(await runEngine(candidate, passages, truth, 50))
  console.log(table(['engine', 'build', 'recall', 'results returned', 'p50', 'p95'], runs.map((r) => [
    r.name, ms(r.buildMs), `${r.recall!.found}/${r.recall!.expected} (${((100 * r.recall!.found) / Math.max(1, r.recall!.expected)).toFixed(1)}%)`, r.recall!.returned, ms(r.p50), ms(r.p95),
  ])))

  const big = syntheticCorpus(passages, 100)
  const bigText = big.map((p) => p.text).join('\n')
  console.log(`\n## Synthetic corpus 100× (${big.length} passages, ${(bigText.length / 1e6).toFixed(2)} M characters; latency = first ${PAGE} results)\n`)
  const bigRuns: EngineRun[] = []
  for (const candidate of ENGINES) bigRuns.push(await runEngine(candidate, big, null, 3))
  const bigJson = PassageSearch.build(big).toJSON()
  console.log(table(['engine', 'build', 'p50', 'p95'], bigRuns.map((r) => [r.name, ms(r.buildMs), ms(r.p50), ms(r.p95)])))
  console.log(`\nOur 100× index: ${kb(Buffer.byteLength(bigJson))} raw, ${kb(gz(bigJson))} gzip (text ${kb(gz(bigText))} gzip, ratio ${(gz(bigJson) / gz(bigText)).toFixed(2)}×).`)

  console.log('\n## Production bundle (gzip)\n')
  const bundle = await measureBundle()
  console.log(table(['part', 'files', 'raw', 'gzip'], bundle.map((part) => [part.name, part.files, kb(part.raw), kb(part.gzip)])))

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
  console.log(`\n${await liveSection()}`)
}

await main()
