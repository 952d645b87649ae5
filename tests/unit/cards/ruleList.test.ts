import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { generateCards, noCardsReason, type Card } from '@/lib/cards'
import { CARD_RULES } from '@/lib/cards/lint'
import { cardProblems } from '@/lib/cards/quality'
import { cleanImportedText, localDocument, markdownToText } from '@/lib/content/localDocument'

const FIXTURES = new URL('../../fixtures/', import.meta.url).pathname
const at = '2026-01-01T00:00:00.000Z'

/** A branch document as the 本地文件 page adds a .md or .txt file. */
function branchDocument(file: string, title: string) {
  const raw = readFileSync(FIXTURES + file, 'utf8')
  const text = cleanImportedText(file.endsWith('.md') ? markdownToText(raw) : raw)
  return localDocument({ id: 'local-test', title, text, origin: file, addedAt: at, updatedAt: at })
}

const printable = (c: Card) => cardProblems(c).length === 0 && !CARD_RULES.some((r) => r.test(c))

describe('a branch’s own rule list becomes questions', () => {
  const doc = branchDocument('shi-bu-zhun.md', '干部作风“十不准”')
  const cards = generateCards([doc])

  it('a 10-item 十不准 gives one 列举 of the ten items and at least 8 other printable cards', () => {
    const lists = cards.filter((c) => c.type === 'enumeration')
    expect(lists).toHaveLength(1)
    expect(lists[0]!.prompt).toContain('十不准')
    expect(lists[0]!.answer).toHaveLength(10)
    expect(lists[0]!.answer).toContain('不准参与赌博')
    const others = cards.filter((c) => c.type !== 'enumeration' && printable(c))
    expect(others.length).toBeGreaterThanOrEqual(8)
    // One per item, on its key predicate, never a bare 不准（    ） that any item would fill.
    expect(new Set(others.map((c) => c.anchor)).size).toBeGreaterThanOrEqual(8)
    for (const c of others) expect(c.prompt).not.toMatch(/规定：不准（\s*）。$/)
    expect(others.some((c) => c.type === 'cloze' && c.answer === '宴请、礼金和购物卡')).toBe(true)
  })

  it('reads 1. 2. numbering and leaves the title line alone', () => {
    const arabic = generateCards([branchDocument('shi-bu-zhun-arabic.txt', '支部党员日常管理“五不准”')])
    expect(arabic.filter((c) => c.type === 'enumeration' && (c.answer as string[]).length === 5)).toHaveLength(1)
    expect(arabic.some((c) => /^\d/.test(c.prompt) || c.prompt.includes('日常管理（'))).toBe(false)
  })

  it('reads （一） numbering too; bare 必须（    ） that any item would fill is asked as a 判断 instead', () => {
    const text = ['党支部“三项必须”', '（一）必须按时参加组织生活。', '（二）必须按月交纳党费。', '（三）必须完成党组织分配的任务。'].join('\n')
    const three = generateCards([localDocument({ id: 'local-three', title: '党支部“三项必须”', text, origin: 'x', addedAt: at, updatedAt: at })])
    expect(three.filter((c) => c.type === 'enumeration').map((c) => c.answer)).toEqual([['必须按时参加组织生活', '必须按月交纳党费', '必须完成党组织分配的任务']])
    expect(three.filter((c) => c.generator.endsWith(':rule-item') && printable(c))).toHaveLength(3)
  })

  it('says why a document gives no card', () => {
    const prose = localDocument({ id: 'local-prose', title: '会议通知', text: '请全体党员准时参加。', origin: 'x', addedAt: at, updatedAt: at })
    expect(generateCards([prose])).toEqual([])
    expect(noCardsReason(prose, 0)).toContain('分条编号')
    expect(noCardsReason(doc, cards.length)).toBeNull()
  })

  it('npm run cards -- --json --with FILE prints the bank with the branch document’s cards', () => {
    const out = execFileSync('npx', ['tsx', 'scripts/cards.ts', '--json', '--with', `${FIXTURES}shi-bu-zhun.md`], { encoding: 'utf8' })
    const bank = JSON.parse(out) as Card[]
    const local = bank.filter((c) => c.docId.startsWith('local'))
    expect(local.length).toBeGreaterThanOrEqual(9)
    expect(bank.some((c) => c.docId === 'constitution')).toBe(true)
  }, 30_000)
})
