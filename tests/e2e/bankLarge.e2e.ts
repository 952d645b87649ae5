import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { xlsx, type TestCell } from '../unit/bank/support/xlsx'
import { expectNoErrors, useBrowser } from './support/browser'

const session = useBrowser()

describe('a 5,000-question bank', () => {
  it('is read in a worker and checked in steps: the page answers while it works, the preview lists every question', async () => {
    const { page, errors } = await session.newPage()
    await page.goto('/')
    await page.getByRole('button', { name: '导入题库' }).click()
    const stems = ['党的中央委员会每届任期（ ）年', '预备党员的预备期为（ ）', '中央军事委员会实行（ ）负责制', '党员如果没有正当理由，连续（ ）不参加党的组织生活']
    const text = Array.from({ length: 5000 }, (_, i) => `${i + 1}、${stems[i % 4]}（第${i + 1}题）\nA.五\nB.一年\nC.主席\nD.六个月\n【答案】：${'ABCD'[i % 4]}`).join('\n')
    // A paste of this size: set at once (typing it through the driver would take minutes).
    await page.getByTestId('bank-paste').evaluate((area, value) => {
      ;(area as HTMLTextAreaElement).value = value
      area.dispatchEvent(new Event('input'))
    }, text)
    const started = Date.now()
    await page.getByRole('button', { name: '核对粘贴的题目' }).click()
    // While it checks, the page still answers: a click on the search box focuses it at once.
    await page.getByRole('status').filter({ hasText: '正在与原文核对' }).waitFor({ timeout: 60_000 })
    const probe = Date.now()
    await page.locator('.header-search input').click({ timeout: 2_000 })
    expect(Date.now() - probe).toBeLessThan(2_000)
    await page.getByTestId('bank-summary').filter({ hasText: '识别 5000 道题' }).waitFor({ timeout: 120_000 })
    const seconds = (Date.now() - started) / 1000
    console.log(`5,000 questions: preview after ${seconds.toFixed(1)} s`)
    expect(await page.getByTestId('bank-question').count()).toBe(5000)
    expectNoErrors(errors)
  }, 180_000)
})

describe('hostile sheets chosen as files', () => {
  it('a 5,000-row .xlsx is read and checked off the page; a 50 MB sheet is refused at once with a clear message', async () => {
    const { page, errors } = await session.newPage()
    await page.goto('/')
    await page.getByRole('button', { name: '导入题库' }).click()
    const header: TestCell[] = ['题型', '题干', '选项A', '选项B', '选项C', '选项D', '答案']
    const stems = ['党的中央委员会每届任期（ ）年', '预备党员的预备期为（ ）', '中央军事委员会实行（ ）负责制']
    const rows = Array.from({ length: 5000 }, (_, i): TestCell[] => ['单选', `${stems[i % 3]}（第${i + 1}题）`, '五', '一年', '主席', '六个月', 'ABC'[i % 3]!])
    const started = Date.now()
    await page.getByTestId('bank-file').setInputFiles({ name: '五千题.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(xlsx([header, ...rows])) })
    await page.getByRole('status').filter({ hasText: '正在与原文核对' }).waitFor({ timeout: 60_000 })
    const probe = Date.now()
    await page.locator('.header-search input').click({ timeout: 2_000 })
    expect(Date.now() - probe).toBeLessThan(2_000)
    await page.getByTestId('bank-summary').filter({ hasText: '识别 5000 道题' }).waitFor({ timeout: 120_000 })
    console.log(`5,000-row .xlsx: preview after ${((Date.now() - started) / 1000).toFixed(1)} s`)

    // ~50 MB on disk (a sparse file: the size is what is refused, the bytes are never read).
    const big = join(mkdtempSync(join(tmpdir(), 'bank-')), '大表.xlsx')
    writeFileSync(big, '')
    truncateSync(big, 50 * 1024 * 1024)
    const refused = Date.now()
    await page.getByTestId('bank-file').setInputFiles(big)
    await page.getByRole('alert').filter({ hasText: '超过 10 MB 的上限，未读取' }).waitFor({ timeout: 10_000 })
    expect(Date.now() - refused).toBeLessThan(10_000)
    expectNoErrors(errors)
  }, 240_000)
})
