import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readImportFile, type ImportFile } from '../../../src/lib/content/importFile'
import { cleanImportedText, ImportError, localDocument, newLocalId, type LocalDocumentRecord } from '../../../src/lib/content/localDocument'

const file = (name: string, content: Uint8Array | string, size?: number): ImportFile => {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content
  return { name, size: size ?? bytes.byteLength, arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer }
}
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url)))

const record = (text: string): LocalDocumentRecord => ({
  id: 'local-test', title: '十不准', text, origin: '粘贴文本', addedAt: '2026-11-26T08:00:00.000Z', updatedAt: '2026-11-26T08:00:00.000Z',
})

describe('added documents become passages like the bundled texts', () => {
  it('numbered items 一、二、 and articles 第X条 become passages', () => {
    const doc = localDocument(record('干部作风十不准\n一、不准违规收受礼品。\n二、不准公款吃喝。\n第三条 其他规定。\n本条第二段。'))
    expect(doc.kind).toBe('local')
    expect(doc.passages.map((p) => p.anchor)).toEqual(['p-1', 'item-1', 'item-2', 'art-3'])
    expect(doc.passages[3]!.text).toBe('第三条 其他规定。\n本条第二段。')
  })
  it('repeated numbering does not fail: later anchors get a suffix', () => {
    const doc = localDocument(record('一、甲。\n二、乙。\n一、丙。'))
    expect(doc.passages.map((p) => p.anchor)).toEqual(['item-1', 'item-2', 'item-1-2'])
  })
  it('ids are unique and never reuse a bundled id', () => {
    const now = new Date('2026-11-26T08:00:00Z')
    expect(newLocalId(now, () => 0.5)).toMatch(/^local-[a-z0-9]+-[a-z0-9]{4}$/)
    expect(newLocalId(now, () => 0.1)).not.toBe(newLocalId(now, () => 0.2))
  })
})

describe('bad input gets a clear message', () => {
  const rejects = async (f: ImportFile, message: RegExp) => {
    const error = await readImportFile(f).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImportError)
    expect((error as Error).message).toMatch(message)
  }
  it('empty text', () => expect(() => cleanImportedText(' \n\u3000\n')).toThrow(/内容为空/))
  it('binary content', () => rejects(file('photo.txt', new Uint8Array([0xff, 0xd8, 0, 0, 1, 2, 3])), /二进制|编码/))
  it('an empty file', () => rejects(file('empty.txt', ''), /空文件/))
  it('a 20 MB file is refused before reading', () => rejects({ name: 'big.txt', size: 20 * 1024 * 1024, arrayBuffer: () => Promise.reject(new Error('must not read')) }, /超过 10 MB/))
  it('a broken .docx', () => rejects(file('broken.docx', fixture('broken.docx')), /损坏/))
  it('a file that is not a .docx at all', () => rejects(file('fake.docx', '一、这不是Word文件'), /不是有效的 Word/))
  it('HTML with scripts', () => rejects(file('page.md', '<html><script>alert(1)</script>一、甲</html>'), /网页/))
  it('an unsupported type', () => rejects(file('old.doc', 'x'), /另存为 \.docx/))
  it('a text that is too long', () => expect(() => cleanImportedText('党'.repeat(300_001))).toThrow(/内容过长/))
})

describe('reading files', () => {
  it('.txt in UTF-8', async () => {
    const imported = await readImportFile(file('十不准.txt', '\uFEFF一、不准甲。\r\n二、不准乙。\r\n'))
    expect(imported).toEqual({ title: '十不准', text: '一、不准甲。\n二、不准乙。' })
  })
  it('.txt in GBK (as Chinese Windows saves it)', async () => {
    const imported = await readImportFile(file('gbk.txt', fixture('gbk.txt')))
    expect(imported.text).toBe('一、严守政治纪律。\n二、严守组织纪律。')
  })
  it('.md: headings kept, emphasis and bullets dropped', async () => {
    const imported = await readImportFile(file('rules.md', '# 学习制度\n- **一、**每月学习。\n> 二、按时请假。'))
    expect(imported.text).toBe('# 学习制度\n一、每月学习。\n二、按时请假。')
    expect(localDocument(record(imported.text)).passages.map((p) => p.anchor)).toEqual(['item-1', 'item-2'])
  })
  it('.docx through mammoth, one paragraph per line', async () => {
    const imported = await readImportFile(file('branch-rules.docx', fixture('branch-rules.docx')))
    expect(imported.title).toBe('branch-rules')
    expect(imported.text.split('\n')).toEqual(['支部学习制度（示例）', '一、每月第一个周五下午集中学习。', '二、党员因故不能参加学习的，应当向党小组长请假。', '三、学习笔记每季度检查一次。'])
  })
})
