/**
 * Search the bundled texts from the command line, with the app's own engine.
 *   npm run -s search -- --json [--limit N] "<query>"
 *   npm run -s search -- --json --stdin [--limit N]     (one query per line → one JSON line each)
 */
import { createInterface } from 'node:readline'
import type { SearchHit } from '../src/lib/search/engine'
import { loadBundledCorpus } from './build/contentFiles'
import { buildSearch } from './build/searchVocabulary'
import { parseArgs } from './cliArgs'

const args = parseArgs(process.argv.slice(2), { flags: ['json', 'stdin'], options: ['limit'] })
const limit = args.options.limit === undefined ? 20 : Number(args.options.limit)
if (!Number.isInteger(limit) || limit < 1) fail('--limit takes a whole number ≥ 1')

const engine = buildSearch(loadBundledCorpus())
const present = (hits: SearchHit[]) =>
  hits.map(({ passage, score }) => ({
    docId: passage.docId,
    docTitle: passage.docTitle,
    anchor: passage.anchor,
    heading: passage.heading,
    text: passage.text,
    score: Math.round(score * 1000) / 1000,
  }))

if (args.flags.stdin) {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity })
  for await (const q of lines) {
    const started = performance.now()
    const hits = engine.search(q, { limit })
    const ms = performance.now() - started
    process.stdout.write(`${JSON.stringify({ q, ms: Math.round(ms * 1000) / 1000, results: present(hits) })}\n`)
  }
} else {
  const query = args.positional.join(' ')
  if (!query.trim()) fail('usage: npm run -s search -- --json [--limit N] "<query>"  |  --json --stdin [--limit N]')
  const hits = present(engine.search(query, { limit }))
  if (args.flags.json) process.stdout.write(`${JSON.stringify(hits, null, 2)}\n`)
  else for (const hit of hits) process.stdout.write(`${hit.docTitle} › ${hit.heading} (#${hit.anchor})  ${hit.score}\n  ${hit.text.slice(0, 80)}\n`)
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`)
  process.exit(2)
}
