import { describe, expect, it } from 'vitest'
import { generateCards, parseCardFile } from '@/lib/cards'
import { parseDocument } from '@/lib/content/parseDocument'
import { ContentError } from '@/lib/content/types'
import { loadManualCards, readCardFiles } from '../../../scripts/build/cardFiles'
import { corpus } from './corpus'

const name = 'content/test.cards.yaml'
const parse = (source: string) => parseCardFile({ name, source }, corpus)
const errorOf = (source: string): ContentError => {
  try {
    parse(source)
  } catch (e) {
    if (e instanceof ContentError) return e
    throw e
  }
  throw new Error('expected a ContentError')
}

describe('companion card files', () => {
  it('are not taken for documents by the content pipeline', () => {
    for (const file of readCardFiles()) expect(file.name.endsWith('.md')).toBe(false)
  })

  it('load every companion file, each card into the bank', () => {
    const cards = loadManualCards(corpus)
    expect(cards.length).toBeGreaterThanOrEqual(200)
    expect(cards.every((c) => c.origin === 'manual')).toBe(true)
    expect(new Set(cards.map((c) => c.docId))).toEqual(new Set(['constitution', 'eight-point-regulation', 'glossary', 'integrity-code']))
    const bank = generateCards(corpus, cards)
    for (const c of cards) expect(bank.map((b) => b.id)).toContain(c.id)
  })

  it('make no cards of a report: the seed article is read, not quizzed', () => {
    const report = corpus.find((d) => d.kind === 'article')!
    expect(generateCards([report])).toEqual([])
  })

  it('give stable ids from the key, whatever the wording', () => {
    const card = (prompt: string) =>
      parse(`doc: tibet-museum-branch\ncards:\n  - anchor: part-2-1\n    type: cloze\n    prompt: ${prompt}\n    answer: 6名\n    key: k\n`)[0]!
    expect(card('已发展党员（    ）。').id).toBe(card('自成立以来已发展党员（    ）。').id)
  })

  it('name file and line of a problem', () => {
    const base = 'doc: tibet-museum-branch\ncards:\n  - anchor: part-2-1\n    type: cloze\n    prompt: 已发展党员（    ）。\n    answer: 6名\n'
    expect(errorOf(base.replace('part-2-1', 'nowhere')).message).toMatch(/^content\/test\.cards\.yaml:3: .*nowhere/)
    expect(errorOf(base.replace('type: cloze', 'type: essay')).line).toBe(4)
    expect(errorOf(base.replace('answer: 6名', 'answer: 9名')).message).toContain('原文中找不到答案')
    expect(errorOf(base.replace('prompt: 已发展党员（    ）。', 'prompt: 已发展党员6名。')).message).toContain('题干中已出现答案')
    expect(errorOf(base.replace('doc: tibet-museum-branch', 'doc: nope')).message).toContain('找不到文档')
    expect(errorOf(`${base}    colour: red\n`).message).toContain('未知字段')
    expect(errorOf(`${base}${base.split('\n').slice(2).join('\n')}`).message).toContain('同一内容')
  })

  it('check choices and false statements like generated cards', () => {
    const head = 'doc: tibet-museum-branch\ncards:\n  - anchor: part-2-1\n'
    expect(errorOf(`${head}    type: choice\n    prompt: 发展了多少名党员？\n    answer: 6名\n    options: [5名, 7名]\n`).message).toContain('在选项中出现了0次')
    expect(errorOf(`${head}    type: truefalse\n    prompt: 已发展党员8名。\n    answer: 错误\n`).message).toContain('original')
  })
})

/** A branch's own document as a member adds it (kind: local), with the given lines as its text. */
function localDocument(id: string, title: string, lines: string[]) {
  const meta = [`id: ${id}`, `title: ${title}`, 'shortTitle: 支部文件', 'kind: local', 'issuer: 某党支部', 'date: 2024-01-01', 'version: 试行', 'source: 支部自定']
  return parseDocument('local.md', ['---', ...meta, '---', ...lines].join('\n'), { strict: false })
}

describe('documents added in the browser', () => {
  it('get cards from numbered items and articles', () => {
    const doc = localDocument('branch-rules', '党支部工作制度', [
      '一、党支部每月召开一次支部委员会会议，每季度召开一次党员大会。',
      '二、党员应当按月交纳党费，连续六个月不交纳党费的，按自行脱党处理。',
      '三、党小组会一般每月召开一次，组织学习、交流思想、开展批评和自我批评。',
      '第四条　支部组织生活包括学习教育、民主评议、主题党日、谈心谈话、志愿服务。',
    ])
    const cards = generateCards([doc])
    expect(cards.some((c) => c.type === 'cloze' && c.answer === '六个月')).toBe(true)
    expect(cards.some((c) => c.type === 'enumeration' && c.anchor === 'art-4')).toBe(true)
    // No item numbers asked; these items open with no topic, so there is no 哪一方面 question either.
    expect(cards.some((c) => c.type === 'source' || /第[一二三四]项|哪一[条项]/.test(c.prompt))).toBe(false)
    expect(generateCards([doc])).toEqual(cards)
  })

  it('ask which point a rule belongs to when the points open with a topic', () => {
    const points = ['严守政治纪律', '严守组织纪律', '严守廉洁纪律', '严守群众纪律']
    const rules = ['不得妄议中央大政方针，不得传播政治谣言', '不得违规插手干部选拔任用，不得拉帮结派', '不得收受可能影响公正执行公务的礼品礼金，不得违规经商办企业', '不得侵害百姓利益，不得对来访者冷硬横推']
    const doc = localDocument('branch-ten', '党员干部四条纪律要求', points.map((p, i) => `${'一二三四'[i]}、要${p}，${rules[i]}。`))
    const topical = generateCards([doc]).filter((c) => c.prompt.includes('哪一方面的要求'))
    expect(topical.length).toBe(4)
    for (const c of topical) {
      expect(c.options).toEqual(points)
      expect(c.prompt).toContain(rules[points.indexOf(c.answer as string)]!.split('，')[0])
    }
  })
})
