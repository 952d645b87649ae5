/**
 * Prints every bundled document with its passages:  npm run -s corpus -- --json
 * Passages are exactly what the search indexes (the same passage table), so results of
 * `npm run -s search` can be checked against this output.
 */
import { toSearchable } from '../src/lib/search/passages'
import { loadBundledCorpus } from './build/contentFiles'
import { parseArgs } from './cliArgs'

const args = parseArgs(process.argv.slice(2), { flags: ['json'], options: [] })
const documents = loadBundledCorpus()
const table = toSearchable(documents)
const output = documents.map((doc) => ({
  id: doc.id,
  title: doc.title,
  kind: doc.kind,
  issuer: doc.issuer,
  date: doc.date,
  version: doc.version,
  source: doc.source,
  passages: table.filter((p) => p.docId === doc.id).map(({ anchor, heading, text }) => ({ anchor, heading, text })),
}))
if (args.flags.json) process.stdout.write(`${JSON.stringify(output, null, 2)}\n`)
else for (const doc of output) process.stdout.write(`${doc.id}\t${doc.title}\t${doc.passages.length} passages\n`)
