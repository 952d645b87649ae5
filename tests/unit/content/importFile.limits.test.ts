import { readFileSync } from 'node:fs'
import { createDeflateRaw, crc32 } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { DOCX_LIMITS, decodeText, readImportFile, type ImportFile } from '../../../src/lib/content/importFile'
import { ImportError } from '../../../src/lib/content/localDocument'
import { readZipDirectory } from '../../../src/lib/content/zipDirectory'

const file = (name: string, bytes: Uint8Array): ImportFile => ({ name, size: bytes.byteLength, arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer })

interface Part { name: string; compressed: Buffer; crc: number; size: number }

/** A minimal zip writer (deflated entries), enough to build hostile .docx files. */
function zip(parts: Part[]): Uint8Array {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const part of parts) {
    const name = Buffer.from(part.name)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8)
    local.writeUInt32LE(part.crc, 14); local.writeUInt32LE(part.compressed.length, 18); local.writeUInt32LE(part.size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10)
    central.writeUInt32LE(part.crc, 16); central.writeUInt32LE(part.compressed.length, 20); central.writeUInt32LE(part.size, 24)
    central.writeUInt16LE(name.length, 28); central.writeUInt32LE(offset, 42)
    locals.push(local, name, part.compressed)
    centrals.push(central, name)
    offset += local.length + name.length + part.compressed.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(parts.length, 8); end.writeUInt16LE(parts.length, 10)
  end.writeUInt32LE(directory.length, 12); end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...locals, directory, end]))
}

/** Deflates `repeat` copies of `chunk` as a stream, so a 200 MB part never sits in memory. */
async function deflatedPart(name: string, chunk: string, repeat: number): Promise<Part> {
  const data = Buffer.from(chunk)
  const deflate = createDeflateRaw({ level: 9 })
  const out: Buffer[] = []
  deflate.on('data', (b: Buffer) => out.push(b))
  const done = new Promise((resolve) => deflate.on('end', resolve))
  let crc = 0
  for (let i = 0; i < repeat; i++) {
    crc = crc32(data, crc)
    if (!deflate.write(data)) await new Promise((resolve) => deflate.once('drain', resolve))
  }
  deflate.end()
  await done
  return { name, compressed: Buffer.concat(out), crc, size: data.length * repeat }
}

const rejects = async (f: ImportFile) => {
  const error = await readImportFile(f).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(ImportError)
  return (error as Error).message
}

describe('.docx zip bombs are refused from the directory, before inflating (issue 12, item 9)', () => {
  it('700 KB at most that unpacks to 200 MB of XML: refused at once, with the limit stated', async () => {
    const paragraph = '<w:p><w:r><w:t>一、每月集中学习不少于一次。</w:t></w:r></w:p>'.repeat(64)
    const body = await deflatedPart('word/document.xml', paragraph, Math.ceil((200 * 1024 * 1024) / Buffer.byteLength(paragraph)))
    const bomb = zip([await deflatedPart('[Content_Types].xml', '<Types/>', 1), body])
    expect(bomb.byteLength).toBeLessThan(700 * 1024)
    const start = performance.now()
    const message = await rejects(file('炸弹.docx', bomb))
    expect(performance.now() - start).toBeLessThan(500)
    expect(message).toMatch(/解压后有 2\d\d MB，超过 50 MB 的上限/)
    expect(DOCX_LIMITS.unpackedBytes).toBe(50 * 1024 * 1024)
  }, 60_000)

  it('a bomb whose directory lies about its sizes is stopped at the limit while counting, not inflated to the end', async () => {
    const paragraph = '<w:p><w:r><w:t>二、学习笔记按季度检查。</w:t></w:r></w:p>'.repeat(64)
    const body = await deflatedPart('word/document.xml', paragraph, Math.ceil((200 * 1024 * 1024) / Buffer.byteLength(paragraph)))
    const liar = zip([{ ...body, size: 4096 }])
    const start = performance.now()
    const message = await rejects(file('说谎.docx', liar))
    expect(performance.now() - start).toBeLessThan(5000)
    expect(message).toMatch(/损坏|超过 50 MB 的上限/)
    // Declaring (almost) the whole truth only moves the stop to the limit.
    const honestish = zip([{ ...body, size: 0xfffffffe }])
    expect(await rejects(file('说谎2.docx', honestish))).toMatch(/解压后有 4096 MB，超过 50 MB 的上限/)
    const justUnder = zip([{ ...body, size: 40 * 1024 * 1024 }])
    expect(await rejects(file('说谎3.docx', justUnder))).toMatch(/损坏|解压后超过 50 MB 的上限/)
  }, 60_000)

  it('the directory of a real .docx is read, and it passes', () => {
    const entries = readZipDirectory(new Uint8Array(readFileSync(new URL('../../fixtures/branch-rules.docx', import.meta.url))))
    expect(entries?.map((e) => e.name)).toContain('word/document.xml')
    expect(entries!.reduce((sum, e) => sum + e.uncompressedSize, 0)).toBeLessThan(DOCX_LIMITS.unpackedBytes)
  })

  it('a zip without a Word body, and a truncated zip, get a clear message', async () => {
    const other = zip([await deflatedPart('readme.txt', 'hello', 1)])
    expect(await rejects(file('压缩包.docx', other))).toMatch(/没有 Word 正文/)
    const real = new Uint8Array(readFileSync(new URL('../../fixtures/branch-rules.docx', import.meta.url)))
    expect(await rejects(file('半截.docx', real.subarray(0, real.length - 100)))).toMatch(/不是有效的 Word|损坏/)
  })
})

describe('text encodings (issue 12, item 12)', () => {
  const text = '支部学习制度\r\n一、每月第一个周五下午集中学习。\r\n二、党员因故不能参加学习的，应当向党小组长请假。'
  const utf16le = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'))
  const utf16be = (s: string) => utf16le(s).map((_, i, a) => a[i ^ 1]!)
  const withBom = (bom: number[], bytes: Uint8Array) => new Uint8Array([...bom, ...bytes])
  const gbk = new Uint8Array(readFileSync(new URL('../../fixtures/gbk.txt', import.meta.url)))

  it.each([
    ['UTF-8', new TextEncoder().encode(text)],
    ['UTF-8 with BOM', withBom([0xef, 0xbb, 0xbf], new TextEncoder().encode(text))],
    ['UTF-16 LE with BOM (Notepad “Unicode”)', withBom([0xff, 0xfe], utf16le(text))],
    ['UTF-16 BE with BOM', withBom([0xfe, 0xff], utf16be(text))],
    ['UTF-16 LE without BOM', utf16le(text)],
    ['UTF-16 BE without BOM', utf16be(text)],
  ])('%s', async (_, bytes) => {
    expect(decodeText(bytes).replace(/^\uFEFF/, '')).toBe(text)
    expect((await readImportFile(file('制度.txt', bytes))).text).toBe(text.replace(/\r\n/g, '\n'))
  })

  it('UTF-16 without BOM and without a single ASCII character or line break', () => {
    const chinese = '党的二十大报告学习要点：全面从严治党永远在路上，党的自我革命永远在路上。'
    expect(decodeText(utf16le(chinese))).toBe(chinese)
    expect(decodeText(utf16be(chinese))).toBe(chinese)
  })

  it('UTF-8 cut off in the middle of a character stays UTF-8 (not GBK mojibake)', () => {
    const bytes = new TextEncoder().encode(text)
    expect(decodeText(bytes.subarray(0, bytes.length - 1))).toBe(`${text.slice(0, -1)}\uFFFD`)
  })

  it('GBK, as Chinese Windows tools save it', () => {
    expect(decodeText(gbk).trim()).toBe('一、严守政治纪律。\n二、严守组织纪律。')
  })

  it('random bytes are refused in Chinese', () => {
    const noise = new Uint8Array(600).map((_, i) => (i * 151 + 7) % 251 + 1)
    expect(() => decodeText(noise)).toThrow(ImportError)
  })
})
