import { describe, expect, it } from 'vitest'
import { parseDocument } from '../../../src/lib/content/parseDocument'
import { formatNumeral, parseNumeral } from '../../../src/lib/content/numerals'
import { ContentError } from '../../../src/lib/content/types'

const FRONT = `---
id: sample
title: 示例章程
shortTitle: 示例
kind: regulation
issuer: 示例机关
date: 2022-10-22
version: 第1版
source: 示例来源
---
`

describe('Chinese numerals', () => {
  it.each([
    ['一', 1], ['十', 10], ['十一', 11], ['二十', 20], ['五十五', 55], ['一百零五', 105], ['一百一十', 110], ['12', 12],
  ])('%s ⇄ %i', (text, n) => {
    expect(parseNumeral(text)).toBe(n)
    if (!/\d/.test(text)) expect(formatNumeral(n)).toBe(text)
  })
  it('rejects non-numerals', () => {
    expect(parseNumeral('一二')).toBeNaN()
    expect(parseNumeral('党')).toBeNaN()
    expect(parseNumeral('')).toBeNaN()
  })
})

describe('parseDocument', () => {
  const doc = parseDocument(
    'sample.md',
    `${FRONT}## 总纲
第一段总纲。
第二段总纲。
## 第一章 党员
第一条 年满十八岁的人。
本条第二段。
第二条 党员必须履行下列义务：
（一）认真学习；
（二）贯彻执行。
第二章 组织制度
第三条 党的组织原则。
一、要改进调查研究。
（一）子项留在条目内。
二、要精简会议活动。
结尾段落。
`,
  )

  it('reads front matter', () => {
    expect(doc).toMatchObject({ id: 'sample', title: '示例章程', kind: 'regulation', date: '2022-10-22' })
  })

  it('splits 总纲 paragraphs, articles with their paragraphs and sub-items, numbered items', () => {
    expect(doc.passages.map((p) => p.anchor)).toEqual([
      'general-1', 'general-2', 'art-1', 'art-2', 'art-3', 'item-1', 'item-2', 'ch-2-1',
    ])
    expect(doc.passages[2]!.text).toBe('第一条 年满十八岁的人。\n本条第二段。')
    expect(doc.passages[3]!.text).toContain('（二）贯彻执行。')
    expect(doc.passages[5]!.text).toContain('子项留在条目内')
    expect(doc.passages[2]!.label).toBe('第一条')
  })

  it('builds the table of contents with derived anchors and heading paths', () => {
    expect(doc.toc.map((h) => h.anchor)).toEqual(['general', 'ch-1', 'ch-2'])
    expect(doc.passages[2]!.path).toEqual([{ anchor: 'ch-1', title: '第一章 党员' }])
    expect(doc.passages[4]!.path[0]!.title).toBe('第二章 组织制度')
  })

  it('records the source line of each passage', () => {
    expect(doc.passages[0]!.line).toBe(12)
  })

  it('counts length in characters', () => {
    expect(doc.length).toBe(doc.passages.reduce((n, p) => n + [...p.text].length, 0))
  })

  it('is deterministic: the same source gives the same anchors', () => {
    const again = parseDocument('sample.md', `${FRONT}## 总纲\n第一段总纲。\n`)
    expect(again.passages[0]!.anchor).toBe('general-1')
  })

  it('reads glossary match notes below a heading', () => {
    const glossary = parseDocument('g.md', `${FRONT}## 四风 {#g-sifeng}\n<!-- match: 四风 | “四风” -->\n形式主义、官僚主义、享乐主义和奢靡之风。\n`)
    expect(glossary.toc[0]).toMatchObject({ anchor: 'g-sifeng', match: ['四风', '“四风”'] })
  })
})

describe('content errors name the file and line', () => {
  const fails = (source: string, line: number, reason: RegExp) => {
    try {
      parseDocument('bad.md', source)
    } catch (error) {
      expect(error).toBeInstanceOf(ContentError)
      expect((error as ContentError).message).toMatch(new RegExp(`^bad\\.md:${line}: `))
      expect((error as ContentError).reason).toMatch(reason)
      return
    }
    throw new Error('expected a ContentError')
  }
  it('missing front matter', () => fails('第一条 内容。', 1, /front matter/))
  it('missing field', () => fails(FRONT.replace('issuer: 示例机关\n', ''), 2, /"issuer"/))
  it('bad date', () => fails(FRONT.replace('2022-10-22', '2022年'), 2, /date/))
  it('duplicate anchors', () => fails(`${FRONT}第一条 甲。\n第一条 乙。\n`, 12, /duplicate anchor "art-1" \(first used on line 11\)/))
  it('unparseable heading', () => fails(`${FRONT}##没有空格\n`, 11, /unparseable heading/))
  it('empty document', () => fails(FRONT, 11, /no text/))
  it('misplaced match note', () => fails(`${FRONT}## 甲 {#a}\n正文。\n<!-- match: 甲 -->\n`, 13, /right below/))

  it('added documents get suffixed anchors instead of errors', () => {
    const doc = parseDocument('local.txt', `${FRONT}一、甲。\n一、乙。\n`, { strict: false })
    expect(doc.passages.map((p) => p.anchor)).toEqual(['item-1', 'item-1-2'])
  })
})

describe('gap markers', () => {
  it('mark a passage incomplete and require the document to say so', () => {
    const source = `${FRONT.replace('source: 示例来源', 'source: 示例来源\nincomplete: 第二条暂缺')}第一条 甲。\n第二条　{{待补：本条原文待核对。}}\n`
    const doc = parseDocument('gap.md', source)
    expect(doc.passages.map((p) => p.incomplete ?? false)).toEqual([false, true])
    expect(() => parseDocument('gap.md', `${FRONT}第一条 {{待补：缺。}}\n`)).toThrow(/gap\.md:11: .*incomplete/)
  })
})

describe('duplicate anchors stay linear (issue 12, item 8)', () => {
  // A member pasted ~290 000 characters of repeated 第一条 lines: numbering the duplicates used to rescan
  // every earlier suffix, which froze the tab for over a minute.
  const line = '第一条 党员必须坚持党和人民的利益高于一切。'
  const paste = Array.from({ length: Math.floor(290_000 / (line.length + 1)) }, () => line).join('\n')

  it('a 290 000-character paste of one article number parses in well under a second', () => {
    const start = performance.now()
    const doc = parseDocument('paste.txt', `${FRONT}${paste}\n`, { strict: false })
    const ms = performance.now() - start
    expect(doc.passages).toHaveLength(paste.split('\n').length)
    expect(ms).toBeLessThan(1000)
  })

  it('numbering is unchanged: the first free suffix, also around anchors taken by other lines', () => {
    const doc = parseDocument('dup.txt', `${FRONT}一、甲。\n## 乙 {#item-1-3}\n一、丙。\n一、丁。\n一、戊。\n`, { strict: false })
    // item-1-3 is taken by the heading, so the third 一、 skips it (heading-scoped anchors differ after a heading).
    expect(doc.passages.map((p) => p.anchor)).toEqual(['item-1', 'item-1-3-item-1', 'item-1-3-item-1-2', 'item-1-3-item-1-3'])
    const flat = parseDocument('dup.txt', `${FRONT}## 乙 {#art-1-3}\n第一条 甲。\n第一条 乙。\n第一条 丙。\n第一条 丁。\n`, { strict: false })
    expect(flat.passages.map((p) => p.anchor)).toEqual(['art-1', 'art-1-2', 'art-1-4', 'art-1-5'])
  })
})

describe('added documents are lenient, bundled content stays strict (issue 12, item 11)', () => {
  const odd = `${FRONT}#学习二十大#\n一、甲。\n<!-- 未闭合的注释\n#\n第一二条 乙。\n`
  it('an unrecognised line becomes a plain paragraph', () => {
    const doc = parseDocument('wechat.txt', odd, { strict: false })
    expect(doc.passages.map((p) => [p.anchor, p.text])).toEqual([
      ['p-1', '#学习二十大#'],
      ['item-1', '一、甲。'],
      ['p-2', '<!-- 未闭合的注释'],
      ['p-3', '#'],
      ['p-4', '第一二条 乙。'],
    ])
  })
  it('the same lines still fail a bundled file with file:line: reason', () => {
    expect(() => parseDocument('bundled.md', odd)).toThrow(/^bundled\.md:11: unparseable heading/)
  })
})
