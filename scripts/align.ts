/**
 * Aligns an official copy with a bundled text, as the app's 用正式文本补全 / 核对 does:
 *   npm run -s align -- --json --doc <docId> <file>
 * JSON: {doc, verdict: "accepted" | "refused", reason?, passages: [{anchor, status, bundled?, official?}]}.
 * Without --json: one line per passage that is not identical, and the verdict.
 */
import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { alignOfficialText } from '../src/lib/content/align'
import { readOfficialFile } from '../src/lib/content/alignFile'
import { loadBundledCorpus } from './build/contentFiles'
import { parseArgs } from './cliArgs'

const args = parseArgs(process.argv.slice(2), { flags: ['json'], options: ['doc'] })
const corpus = loadBundledCorpus()
const doc = corpus.find((d) => d.id === args.options.doc)
const path = args.positional[0]
if (!doc || !path) {
  process.stderr.write(`用法：npm run -s align -- --json --doc <docId> <file>（docId：${corpus.map((d) => d.id).join('、')}）\n`)
  process.exit(2)
}

let text: string
try {
  const bytes = readFileSync(path)
  text = await readOfficialFile({ name: basename(path), size: statSync(path).size, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer })
} catch (error) {
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(/ENOENT|EISDIR/.test(message) ? `无法读取文件：${path}\n` : `${message}\n`)
  process.exit(1)
}

const result = alignOfficialText(doc, text)
if (args.flags.json) {
  const passages = result.passages.map(({ anchor, status, bundled, official }) => ({
    anchor,
    status,
    ...(bundled !== undefined ? { bundled } : {}),
    ...(official !== undefined ? { official } : {}),
  }))
  const out = result.reason === undefined ? { doc: result.doc, verdict: result.verdict, passages } : { doc: result.doc, verdict: result.verdict, reason: result.reason, passages }
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`)
} else {
  for (const p of result.passages) if (p.status !== 'identical') process.stdout.write(`${p.status}\t${p.anchor}\t${p.where}\n`)
  process.stdout.write(`${result.verdict}${result.reason ? `：${result.reason}` : ''}\n`)
}
