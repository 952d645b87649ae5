/**
 * Prints the card bank:  npm run -s cards -- --json [--doc ID]
 * JSON: an array of {id, docId, anchor, type, prompt, answer, options?, source, fact, origin}.
 * --lint: the counts of every card-quality rule (src/lib/cards/lint.ts) over the bank.
 * Without --json: cards per document and type, and the generation time.
 */
import { generateCards } from '../src/lib/cards'
import { formatLint, lintCards } from '../src/lib/cards/lint'
import { CARD_TYPE_LABELS, type CardType } from '../src/lib/cards/types'
import { loadManualCards } from './build/cardFiles'
import { loadBundledCorpus } from './build/contentFiles'
import { parseArgs } from './cliArgs'

const args = parseArgs(process.argv.slice(2), { flags: ['json', 'lint'], options: ['doc'] })
const corpus = loadBundledCorpus()
const docId = args.options.doc
const documents = docId === undefined ? corpus : corpus.filter((d) => d.id === docId)
if (!documents.length) {
  process.stderr.write(`未知文档：${docId}（可用：${corpus.map((d) => d.id).join('、')}）\n`)
  process.exit(2)
}

const manualCards = loadManualCards(corpus)
const started = performance.now()
const cards = generateCards(documents, manualCards)
const ms = performance.now() - started

if (args.flags.json) {
  const out = cards.map(({ id, docId, anchor, type, prompt, answer, options, source, fact, origin }) =>
    options
      ? { id, docId, anchor, type, prompt, answer, options, source, fact, origin }
      : { id, docId, anchor, type, prompt, answer, source, fact, origin },
  )
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`)
} else if (args.flags.lint) {
  for (const line of formatLint(lintCards(cards, documents))) process.stdout.write(`${line}\n`)
  process.stdout.write(`生成用时\t${ms.toFixed(1)} ms\n`)
} else {
  const types = Object.keys(CARD_TYPE_LABELS) as CardType[]
  const header = ['文档', ...types.map((t) => `${CARD_TYPE_LABELS[t]}(${t})`), '合计']
  const rows = documents.map((doc) => {
    const mine = cards.filter((c) => c.docId === doc.id)
    return [doc.id, ...types.map((t) => String(mine.filter((c) => c.type === t).length)), String(mine.length)]
  })
  rows.push(['合计', ...types.map((t) => String(cards.filter((c) => c.type === t).length)), String(cards.length)])
  for (const row of [header, ...rows]) process.stdout.write(`${row.join('\t')}\n`)
  const manual = cards.filter((c) => c.origin === 'manual').length
  process.stdout.write(`\n其中手写卡片 ${manual} 张；生成用时 ${ms.toFixed(1)} ms\n`)
}
