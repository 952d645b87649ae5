/**
 * Prints the card bank:  npm run -s cards -- --json [--doc ID] [--with FILE] [--new-queue N]
 * JSON: an array of {id, docId, anchor, type, prompt, answer, options?, source, fact, origin}.
 * --with FILE: adds a branch document (.md/.txt) as the app's 本地文件 does (its cards' docId starts with `local`).
 * --new-queue N: only the first N new cards a fresh learner meets in 学习 with the default settings, in that order.
 * --lint: the counts of every card-quality rule (src/lib/cards/lint.ts) over the bank.
 * Without --json: cards per document and type, and the generation time.
 */
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { generateCards } from '../src/lib/cards'
import { formatLint, lintCards } from '../src/lib/cards/lint'
import { CARD_TYPE_LABELS, type CardType } from '../src/lib/cards/types'
import { checkImportFile, decodeText } from '../src/lib/content/importFile'
import { cleanImportedText, cleanTitle, ImportError, localDocument, markdownToText } from '../src/lib/content/localDocument'
import type { StudyDocument } from '../src/lib/content/types'
import { firstNewCards, startOfDay } from '../src/lib/schedule'
import { loadManualCards } from './build/cardFiles'
import { loadBundledCorpus } from './build/contentFiles'
import { parseArgs } from './cliArgs'

const args = parseArgs(process.argv.slice(2), { flags: ['json', 'lint'], options: ['doc', 'with', 'new-queue'] })
const bundled = loadBundledCorpus()
const corpus = args.options.with === undefined ? bundled : [...bundled, branchDocument(args.options.with)]
const docId = args.options.doc
const documents = docId === undefined ? corpus : corpus.filter((d) => d.id === docId)
if (!documents.length) {
  process.stderr.write(`未知文档：${docId}（可用：${corpus.map((d) => d.id).join('、')}）\n`)
  process.exit(2)
}

const manualCards = loadManualCards(bundled)
const started = performance.now()
const bank = generateCards(documents, manualCards)
const ms = performance.now() - started
const newQueue = args.options['new-queue']
if (newQueue !== undefined && !/^\d+$/.test(newQueue)) {
  process.stderr.write(`--new-queue 须为非负整数：${newQueue}\n`)
  process.exit(2)
}
// A fresh learner starting at 09:00 today: the same cards whatever the hour the command runs.
const cards = newQueue === undefined ? bank : firstNewCards(bank, Number(newQueue), { start: startOfDay(Date.now()) + 9 * 3600_000 })

/** A branch document read from disk as the 本地文件 page reads an uploaded .txt/.md (the .docx path needs a browser worker). */
function branchDocument(path: string): StudyDocument {
  try {
    const bytes = new Uint8Array(readFileSync(path))
    const extension = checkImportFile({ name: basename(path), size: bytes.length })
    if (extension === 'docx') throw new ImportError('命令行只接受 .txt 或 .md 文件；.docx 请在应用的“本地文件”中导入。')
    const decoded = decodeText(bytes)
    const text = cleanImportedText(extension === 'txt' ? decoded : markdownToText(decoded))
    const at = new Date(0).toISOString()
    const title = cleanTitle(basename(path).replace(/\.[^.]+$/, ''), '本地文件')
    // A fixed id, so the same file always gives the same card ids.
    return localDocument({ id: 'local-cli', title, text, origin: basename(path), addedAt: at, updatedAt: at })
  } catch (error) {
    if (!(error instanceof ImportError) && (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    process.stderr.write(`${error instanceof ImportError ? error.message : `找不到文件：${path}`}\n`)
    process.exit(2)
  }
}

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
