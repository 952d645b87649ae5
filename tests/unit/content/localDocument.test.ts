import { describe, expect, it } from 'vitest'
import { ImportError, localDocument, recordFingerprint, type LocalDocumentRecord } from '../../../src/lib/content/localDocument'

const record = (text: string, extra: Partial<LocalDocumentRecord> = {}): LocalDocumentRecord => ({
  id: 'local-test', title: '学习材料', text, origin: '粘贴文本', addedAt: '2026-11-26T08:00:00.000Z', updatedAt: '2026-11-26T08:00:00.000Z', ...extra,
})

describe('a branch document is never rejected for one odd line (issue 12, item 11)', () => {
  it('text copied from WeChat with #话题# lines imports, the odd lines kept as paragraphs', () => {
    const doc = localDocument(record('#学习二十大#\n#党建引领#\n一、深入学习党的二十大精神。\n二、结合实际抓好落实。'))
    expect(doc.passages.map((p) => p.text)).toEqual(['#学习二十大#', '#党建引领#', '一、深入学习党的二十大精神。', '二、结合实际抓好落实。'])
    expect(doc.passages.filter((p) => p.anchor.startsWith('item-'))).toHaveLength(2)
  })

  it('what can still fail is said in Chinese, with no parser English', () => {
    const error = (() => {
      try {
        localDocument(record('<!-- 只有注释 -->'))
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(ImportError)
    expect((error as Error).message).toMatch(/没有可用的正文/)
    expect((error as Error).message).not.toMatch(/[A-Za-z]/)
  })
})

describe('record fingerprints tie a stored parsed form to its record', () => {
  it('changes with the text, the title or the time of a change, and not otherwise', () => {
    const base = record('一、甲。')
    expect(recordFingerprint(base)).toBe(recordFingerprint({ ...base }))
    expect(recordFingerprint(base)).not.toBe(recordFingerprint(record('一、乙。')))
    expect(recordFingerprint(base)).not.toBe(recordFingerprint(record('一、甲。', { title: '新名称' })))
    expect(recordFingerprint(base)).not.toBe(recordFingerprint(record('一、甲。', { updatedAt: '2026-11-27T08:00:00.000Z' })))
  })
})
