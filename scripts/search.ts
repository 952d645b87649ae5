/**
 * Search the bundled texts from the command line, with the app's own engine.
 *   npm run -s search -- --json [--limit N] "<query>"
 *   npm run -s search -- --json --stdin [--limit N]     (one query per line → one JSON line each)
 * A closest match (近似结果) carries `closest: true`; when the texts cannot answer as asked, the output is
 * {notice: {kind, message, …}, results} instead of the bare array (a `notice` field in --stdin lines).
 */
import { createInterface } from 'node:readline'
import { isClosest, type SearchAnswer, type SearchHit } from '../src/lib/search/engine'
import { noticeMessage } from '../src/lib/search/notice'
import { loadBundledCorpus } from './build/contentFiles'
import { buildSearch } from './build/searchVocabulary'
import { parseArgs } from './cliArgs'

const args = parseArgs(process.argv.slice(2), { flags: ['json', 'stdin'], options: ['limit'] })
const limit = args.options.limit === undefined ? 20 : Number(args.options.limit)
if (!Number.isInteger(limit) || limit < 1) fail('--limit takes a whole number ≥ 1')

const engine = buildSearch(loadBundledCorpus())
const present = (hits: SearchHit[]) =>
  hits.map((hit) => ({
    docId: hit.passage.docId,
    docTitle: hit.passage.docTitle,
    anchor: hit.passage.anchor,
    heading: hit.passage.heading,
    text: hit.passage.text,
    score: Math.round(hit.score * 1000) / 1000,
    // 近似结果: it holds part of what was asked, not all of it.
    ...(isClosest(hit) ? { closest: true } : {}),
  }))
/** The notice as JSON: its kind and fields, and the sentence the app shows. */
const presentNotice = ({ notice }: SearchAnswer) => (notice ? { notice: { ...notice, message: noticeMessage(notice) } } : {})

if (args.flags.stdin) {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity })
  for await (const q of lines) {
    const started = performance.now()
    const answer = engine.answer(q, { limit })
    const ms = performance.now() - started
    process.stdout.write(`${JSON.stringify({ q, ms: Math.round(ms * 1000) / 1000, results: present(answer.hits), ...presentNotice(answer) })}\n`)
  }
} else {
  const query = args.positional.join(' ')
  if (!query.trim()) fail('usage: npm run -s search -- --json [--limit N] "<query>"  |  --json --stdin [--limit N]')
  const answer = engine.answer(query, { limit })
  const hits = present(answer.hits)
  // With a notice (no such article, an answer in a gap, nothing in the texts) the output is {notice, results}.
  const output = answer.notice ? { ...presentNotice(answer), results: hits } : hits
  if (args.flags.json) process.stdout.write(`${JSON.stringify(output, null, 2)}\n`)
  else {
    if (answer.notice) process.stdout.write(`${noticeMessage(answer.notice)}\n`)
    for (const hit of hits) process.stdout.write(`${hit.closest ? '〔近似〕' : ''}${hit.docTitle} › ${hit.heading} (#${hit.anchor})  ${hit.score}\n  ${hit.text.slice(0, 80)}\n`)
  }
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`)
  process.exit(2)
}
