/** Prints every bundled document with its passages:  npm run -s corpus -- --json */
import { loadBundledCorpus } from './build/contentFiles'
import { headingOf } from '../src/lib/search/passages'
import { parseArgs } from './cliArgs'

const args = parseArgs(process.argv.slice(2), { flags: ['json'], options: [] })
const documents = loadBundledCorpus().map((doc) => ({
  id: doc.id,
  title: doc.title,
  kind: doc.kind,
  issuer: doc.issuer,
  date: doc.date,
  version: doc.version,
  source: doc.source,
  passages: doc.passages.map((p) => ({ anchor: p.anchor, heading: headingOf(p), text: p.text })),
}))
if (args.flags.json) process.stdout.write(`${JSON.stringify(documents, null, 2)}\n`)
else for (const doc of documents) process.stdout.write(`${doc.id}\t${doc.title}\t${doc.passages.length} passages\n`)
