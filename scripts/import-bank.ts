/**
 * Reads a question bank (题库) and checks it against the bundled texts:
 *   npm run -s import-bank -- --json FILE        (.txt .md .docx .xlsx .csv)
 * JSON: {questions:[{n, type, stem, options, answer, link:{doc, anchor}|null, flags:[...]}], errors:[{line, reason}]}
 * Without --json: one line per question with its flags and notes, then the unparsed lines.
 */
import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { checkBank } from '../src/lib/bank/check'
import { readBankFile } from '../src/lib/bank/readBankFile'
import { generateCards } from '../src/lib/cards'
import { ImportError } from '../src/lib/content/localDocument'
import { loadManualCards } from './build/cardFiles'
import { loadBundledCorpus } from './build/contentFiles'
import { buildVocabulary } from './build/searchVocabulary'
import { PassageSearch } from '../src/lib/search/engine'
import { toSearchable } from '../src/lib/search/passages'
import { parseArgs } from './cliArgs'

const args = parseArgs(process.argv.slice(2), { flags: ['json'], options: [] })
const path = args.positional[0]
if (!path || args.positional.length > 1) {
  process.stderr.write('usage: npm run -s import-bank -- --json FILE   (.txt .md .docx .xlsx .csv)\n')
  process.exit(2)
}

const corpus = loadBundledCorpus()
const vocabulary = buildVocabulary(corpus)
const search = PassageSearch.build(toSearchable(corpus), vocabulary)
const cards = generateCards(corpus, loadManualCards(corpus))

let parsed
try {
  const size = statSync(path).size
  parsed = await readBankFile({ name: basename(path), size, arrayBuffer: async () => new Uint8Array(readFileSync(path)).buffer })
} catch (error) {
  if (!(error instanceof ImportError)) throw error
  process.stderr.write(`${error.message}\n`)
  process.exit(1)
}
const checked = checkBank(parsed.questions, { search, fold: vocabulary.fold, cards })

if (args.flags.json) {
  const questions = checked.map(({ n, type, stem, options, answer, link, flags }) => ({ n, type, stem, options, answer, link, flags }))
  process.stdout.write(`${JSON.stringify({ questions, errors: parsed.errors }, null, 2)}\n`)
} else {
  for (const q of checked) {
    const where = q.link ? `${q.link.doc}#${q.link.anchor}` : '—'
    process.stdout.write(`${q.n}\t${q.type}\t${q.answer.replace(/\n/g, ' ').slice(0, 20)}\t${where}\t${q.flags.join(',')}\t${q.stem.replace(/\n/g, ' ').slice(0, 40)}\n`)
    for (const note of q.notes) process.stdout.write(`\t\t${note}\n`)
  }
  for (const error of parsed.errors) process.stdout.write(`第 ${error.line} 行\t${error.reason}\n`)
  process.stdout.write(`\n${checked.length} 道题，${parsed.errors.length} 行未能识别\n`)
}
