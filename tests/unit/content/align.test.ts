/**
 * Alignment of a branch's official copy with the bundled texts, on the real structure of the
 * bundled 党章 (总纲 paragraphs, chapters, articles, items). The "official copies" are built by
 * tests/fixtures/officialCopy.ts: the bundled text with gaps replaced by labelled TEST wording.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { alignOfficialText } from '../../../src/lib/content/align'
import { REVISION_MARKS } from '../../../src/lib/content/alignRevision'
import { diffChars, foldText, htmlToText } from '../../../src/lib/content/alignText'
import { parseDocument } from '../../../src/lib/content/parseDocument'
import type { StudyDocument } from '../../../src/lib/content/types'
import { officialCopy, TEST_FILL_LABEL } from '../../fixtures/officialCopy'

const load = (name: string): StudyDocument =>
  parseDocument(name, readFileSync(fileURLToPath(new URL(`../../../content/${name}`, import.meta.url)), 'utf8'))
const constitution = load('constitution.md')
const gapped = constitution.passages.filter((p) => p.incomplete).map((p) => p.anchor)
const statusOf = (result: ReturnType<typeof alignOfficialText>, anchor: string) => result.passages.find((p) => p.anchor === anchor)?.status

describe('alignOfficialText on the 党章', () => {
  it('the bundled text has its gaps (14 总纲 paragraphs, parts of 7 articles), so the fixtures below exercise them', () => {
    expect(gapped.filter((a) => a.startsWith('general-'))).toHaveLength(14)
    expect(gapped.filter((a) => a.startsWith('art-'))).toEqual(['art-3', 'art-32', 'art-33', 'art-36', 'art-45', 'art-46', 'art-50'])
  })

  it('a complete copy: every gap is filled, every other passage identical', () => {
    const result = alignOfficialText(constitution, officialCopy(constitution))
    expect(result.verdict).toBe('accepted')
    expect(result.passages).toHaveLength(constitution.passages.length)
    for (const p of result.passages) expect(p.status, p.anchor).toBe(gapped.includes(p.anchor) ? 'fills-gap' : 'identical')
    const art32 = result.passages.find((p) => p.anchor === 'art-32')!
    expect(art32.official).toContain(`（二）【${TEST_FILL_LABEL}`)
    expect(art32.official).toContain('（三）对党员进行教育')
  })

  it('whitespace and full/half-width punctuation alone are identical', () => {
    const text = officialCopy(constitution)
      .replace('第五十四条　中国共产党党旗为旗面缀有金黄色党徽图案的红旗。', '第五十四条 中国共产党党旗为旗面缀有金黄色党徽图案的红旗.')
      .replace('第七条　预备党员的预备期为一年。', '第七条  预备党员的预备期为一年 。')
      .replace('“三个代表”重要思想', '"三个代表"重要思想')
    const result = alignOfficialText(constitution, text)
    expect(result.verdict).toBe('accepted')
    expect(result.passages.filter((p) => p.status === 'differs')).toEqual([])
  })

  it('one changed word is flagged as differs, with a character-level diff', () => {
    const text = officialCopy(constitution, { change: { anchor: 'art-41', from: '留党察看最长不超过两年', to: '留党察看最长不超过三年' } })
    const result = alignOfficialText(constitution, text)
    expect(result.verdict).toBe('accepted')
    const differing = result.passages.filter((p) => p.status === 'differs')
    expect(differing.map((p) => p.anchor)).toEqual(['art-41'])
    expect(differing[0]!.diff).toEqual(expect.arrayContaining([{ op: 'removed', text: '两' }, { op: 'added', text: '三' }]))
  })

  it('a copy saved as a web page, with navigation and footer, aligns the same', () => {
    const body = officialCopy(constitution).split('\n').map((line) => `<p>&emsp;&emsp;${line}</p>`).join('\n')
    const html = `<!doctype html><html><head><title>x</title><style>p{}</style></head><body><div class="nav">首页 | 党章党规</div>${body}<div>责任编辑：某某</div><p>分享到：</p></body></html>`
    const result = alignOfficialText(constitution, html)
    expect(result.verdict).toBe('accepted')
    expect(result.passages.filter((p) => p.status !== 'identical' && p.status !== 'fills-gap')).toEqual([])
  })

  it('a copy that starts with the first 总纲 paragraph (no title, no 总纲 line) still aligns', () => {
    const text = officialCopy(constitution).split('\n').slice(3).join('\n')
    expect(text.startsWith('中国共产党是中国工人阶级的先锋队')).toBe(true)
    expect(alignOfficialText(constitution, text).verdict).toBe('accepted')
  })

  it('an extra and a missing paragraph are reported in place', () => {
    const lines = officialCopy(constitution).split('\n')
    const at = lines.findIndex((l) => l.startsWith('坚持改革开放，是我们的强国之路'))
    lines.splice(at, 0, '这是测试插入的一段多余文字，正式文本里并没有这样一段话。')
    const dropped = lines.findIndex((l) => l.startsWith('第十二条'))
    lines.splice(dropped, 1)
    const result = alignOfficialText(constitution, lines.join('\n'))
    expect(result.verdict).toBe('accepted')
    const extra = result.passages.filter((p) => p.status === 'extra-in-official')
    expect(extra).toHaveLength(1)
    expect(extra[0]!.official).toContain('测试插入')
    expect(statusOf(result, 'art-12')).toBe('missing-in-official')
    expect(statusOf(result, 'art-13')).toBe('identical')
  })

  it('refuses a different document', () => {
    const integrity = load('integrity-code.md')
    const result = alignOfficialText(constitution, officialCopy(integrity))
    expect(result.verdict).toBe('refused')
    expect(result.reason).toContain('不像《中国共产党章程》')
    expect(result.passages).toEqual([])
  })

  it('refuses a truncated copy and says where it stops', () => {
    const result = alignOfficialText(constitution, officialCopy(constitution, { cutFrom: 'art-40' }))
    expect(result.verdict).toBe('refused')
    expect(result.reason).toContain('不完整')
    expect(result.reason).toContain('第四十条')
  })

  it('refuses a copy whose adoption line names another revision', () => {
    const result = alignOfficialText(constitution, officialCopy(constitution, { versionLine: '（中国共产党第十九次全国代表大会部分修改，2017年10月24日通过）' }))
    expect(result.verdict).toBe('refused')
    expect(result.reason).toContain('2017年10月24日')
  })

  it('refuses a copy that differs in many passages (another revision without a date line)', () => {
    let text = officialCopy(constitution, { versionLine: '' })
    for (const n of ['五', '六', '七', '八', '九', '十一', '十二', '十三', '十五'])
      text = text.replace(new RegExp(`(第${n}条　)`), '$1（测试改写）')
    const result = alignOfficialText(constitution, text)
    expect(result.verdict).toBe('refused')
    expect(result.reason).toContain('版本')
  })

  /**
   * A 2017 copy as a branch might hold it, built only from what the editor note of
   * content/constitution.md records of the 2022 changes: 党组发挥领导核心作用 (2017) in Art. 48,
   * no 医院 in Art. 30, no 统一领导本地区基层各类组织和各项工作，加强基层社会治理 in Art. 33, and
   * without the two 总纲 paragraphs the 20th Congress added (10 and 28). Gaps hold TEST wording.
   */
  function copy2017(heading: string): string {
    const added = ['general-10', 'general-28'].map((a) => constitution.passages.find((p) => p.anchor === a)!.text)
    let text = officialCopy(constitution, { versionLine: heading })
    for (const paragraph of added) text = text.replace(`${paragraph}\n`, '')
    return text
      .replace('党组发挥领导作用', '党组发挥领导核心作用')
      .replace('学校、医院、', '学校、')
      .replace('统一领导本地区基层各类组织和各项工作，加强基层社会治理，', '')
  }

  it('refuses a 2017 copy without its date line, by the text of the amended clauses', () => {
    const result = alignOfficialText(constitution, copy2017(''))
    expect(result.verdict).toBe('refused')
    expect(result.reason).toContain('2017年')
    expect(result.reason).toContain('第四十八条')
    expect(result.passages).toEqual([])
  })

  it('refuses a 2017 copy by its heading when it names the 19th Congress without a date', () => {
    const result = alignOfficialText(constitution, copy2017('（中国共产党第十九次全国代表大会部分修改）'))
    expect(result.verdict).toBe('refused')
    expect(result.reason).toContain('第十九次全国代表大会')
  })

  it('the marks of the 2022 revision quote the bundled text', () => {
    for (const { anchor, words } of REVISION_MARKS.constitution!.marks) expect(constitution.passages.find((p) => p.anchor === anchor)?.text, anchor).toContain(words)
  })

  it('one amended clause typed differently is not yet another revision', () => {
    const result = alignOfficialText(constitution, officialCopy(constitution, { change: { anchor: 'art-48', from: '党组发挥领导作用', to: '党组发挥领导核心作用' } }))
    expect(result.verdict).toBe('accepted')
  })

  it('refuses empty input', () => {
    expect(alignOfficialText(constitution, ' \n\u3000\n').verdict).toBe('refused')
  })
})

describe('the other bundled regulations align with themselves', () => {
  for (const name of ['eight-point-regulation.md', 'integrity-code.md']) {
    it(name, () => {
      const doc = load(name)
      const result = alignOfficialText(doc, officialCopy(doc))
      expect(result.verdict).toBe('accepted')
      expect(result.passages.every((p) => p.status === 'identical')).toBe(true)
    })
  }
})

describe('text helpers', () => {
  it('folds width and punctuation but not wording', () => {
    expect(foldText('第一条　（一）ＡＢ，“是”。')).toBe(foldText('第一条 (一)ab,"是".'))
    expect(foldText('两年')).not.toBe(foldText('三年'))
  })
  it('diffs characters', () => {
    expect(diffChars('不超过两年。', '不超过三年。')).toEqual([
      { op: 'same', text: '不超过' }, { op: 'removed', text: '两' }, { op: 'added', text: '三' }, { op: 'same', text: '年。' },
    ])
  })
  it('reads a saved page as lines of text', () => {
    expect(htmlToText('<p>甲&nbsp;乙</p><script>x()</script><p>&#20025;</p>').split('\n').filter(Boolean)).toEqual(['甲 乙', '丹'])
  })
})
