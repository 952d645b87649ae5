import { describe, expect, it } from 'vitest'
import { readImportFile, type ImportFile } from '../../../src/lib/content/importFile'
import { cleanImportedText, ImportError, localDocument } from '../../../src/lib/content/localDocument'
import { runContentJob } from '../../../src/workers/contentJobs'

/**
 * Every message a member can see after bad input is Chinese (issue 12, item 11). Latin letters are allowed
 * only in the names members know from their own screens (file types, encodings, Word, MB) and in the
 * member's own file name.
 */
const KNOWN_LATIN = /\.(txt|md|docx|doc)\b|UTF-8|UTF-16|GBK|Unicode|Word|MB/g
/** The member's own file name, quoted “…”, is theirs, not ours. */
const isChinese = (message: string) => !/[A-Za-z]/.test(message.replace(/“[^”]*”/g, '').replace(KNOWN_LATIN, ''))

const file = (name: string, content: Uint8Array | string): ImportFile => {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content
  return { name, size: bytes.byteLength, arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer }
}
const record = (text: string) => ({ id: 'local-x', title: 'x', text, origin: 'x.txt', addedAt: '2026-11-26T00:00:00.000Z', updatedAt: '2026-11-26T00:00:00.000Z' })

const failures: [string, () => unknown][] = [
  ['a .pdf', () => readImportFile(file('通知.pdf', '%PDF-1.7'))],
  ['an old .doc', () => readImportFile(file('通知.doc', 'x'))],
  ['an empty file', () => readImportFile(file('空.txt', ''))],
  ['random bytes', () => readImportFile(file('图片.txt', new Uint8Array(400).map((_, i) => (i * 151 + 7) % 251 + 1)))],
  ['binary with zero bytes', () => readImportFile(file('程序.txt', new Uint8Array([0x4d, 0x5a, 0, 0, 0x90, 0, 3, 0, 0, 0, 4])))],
  ['a web page', () => readImportFile(file('网页.md', '<!doctype html><html><body>一、甲</body></html>'))],
  ['a text file named .docx', () => readImportFile(file('假.docx', '一、这不是Word文件'))],
  ['a truncated .docx', () => readImportFile(file('半截.docx', new Uint8Array([0x50, 0x4b, 3, 4, 20, 0, 0, 0])))],
  ['only editor notes', () => localDocument(record('<!-- 注释 -->\n<!-- 又一个 -->'))],
  ['too long', () => cleanImportedText('党'.repeat(300_001))],
]

describe('bad input gets a Chinese message, never parser English', () => {
  it.each(failures)('%s', async (_, attempt) => {
    const error = await (async () => attempt())().then(() => null, (e: unknown) => e)
    expect(error).toBeInstanceOf(ImportError)
    const message = (error as Error).message
    expect(isChinese(message), message).toBe(true)
  })

  it('what the worker sends back is Chinese too, for any failure', async () => {
    const results = await Promise.all([
      runContentJob({ kind: 'parse', records: [record('<!-- 注释 -->')] }),
      runContentJob({ kind: 'import', name: '坏.docx', size: 8, bytes: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0]).buffer }),
      // Not an ImportError at all (a broken record as another version might store it): still Chinese.
      runContentJob({ kind: 'parse', records: [{ ...record('一、甲。'), text: undefined as unknown as string }] }),
    ])
    const messages = results.flatMap((r) => (r.kind === 'failed' ? [r.error] : r.kind === 'parse' ? r.outcomes.flatMap((o) => ('error' in o ? [o.error] : [])) : []))
    expect(messages).toHaveLength(3)
    for (const message of messages) expect(isChinese(message), message).toBe(true)
  })
})
