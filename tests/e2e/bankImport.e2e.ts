import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { expectNoErrors, useBrowser } from './support/browser'

const session = useBrowser()
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/bank/${name}`, import.meta.url))

describe('importing a question bank on the library page', () => {
  it('reads a .docx and an .xlsx in a worker, previews every question with its flags, refuses a zip bomb, injects nothing', async () => {
    const { page, errors } = await session.newPage()
    const workers: string[] = []
    page.on('worker', (worker) => workers.push(worker.url()))
    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    await page.goto('/')
    await page.getByRole('button', { name: '导入题库' }).click()
    const chooser = page.getByTestId('bank-file')

    await chooser.setInputFiles(fixture('bank.docx'))
    await page.getByTestId('bank-summary').filter({ hasText: '识别 2 道题' }).waitFor()
    expect(await page.getByTestId('bank-question').first().textContent()).toContain('预备党员的预备期为')

    await chooser.setInputFiles(fixture('bank.xlsx'))
    await page.getByTestId('bank-summary').filter({ hasText: '识别 4 道题' }).waitFor()
    // The row without a key is listed with its row number; the markup cell is shown as text.
    await page.getByTestId('bank-errors').filter({ hasText: '第 6 行' }).waitFor()
    expect(await page.getByTestId('bank-question').filter({ hasText: '<img src=x onerror=alert(1)>' }).count()).toBe(1)
    expect(await page.locator('.bank-import img').count()).toBe(0)

    await chooser.setInputFiles(fixture('bomb.xlsx'))
    await page.getByRole('alert').filter({ hasText: '解压后超过 50 MB' }).waitFor()
    expect(workers.filter((url) => /content\.worker/.test(url)).length, 'every file read off the main thread').toBe(3)
    expect(dialogs).toEqual([])
    expectNoErrors(errors)
  })

  it('flags a key that contradicts the text; a flagged question is kept only when ticked', async () => {
    const { page, errors } = await session.newPage()
    await page.goto('/')
    await page.getByRole('button', { name: '导入题库' }).click()
    await page.getByTestId('bank-paste').fill('1、党的中央委员会每届任期（ ）年\nA.三\nB.四\nC.五\nD.六\n【答案】：A\n2、预备党员的预备期为（ ）\nA.半年\nB.一年\n【答案】：B')
    await page.getByRole('button', { name: '核对粘贴的题目' }).click()
    const summary = page.getByTestId('bank-summary')
    await summary.filter({ hasText: '识别 2 道题，其中 1 道需要核实' }).waitFor()
    const wrong = page.getByTestId('bank-question').filter({ hasText: '每届任期' })
    expect(await wrong.getByTestId('bank-flag').textContent()).toBe('答案与原文不符')
    expect(await wrong.textContent()).toContain('原文为“五”')
    await summary.filter({ hasText: '已采用 1 道' }).waitFor()
    await wrong.getByRole('checkbox').check()
    await summary.filter({ hasText: '已采用 2 道' }).waitFor()
    expectNoErrors(errors)
  })
})

describe('importing a question bank in meeting setup', () => {
  it('adds the accepted questions of a .docx and an .xlsx to a round and plays them', async () => {
    const { page: host, errors } = await session.newPage()
    host.on('dialog', (dialog) => void dialog.accept())
    await host.goto('/meeting')
    await host.locator('[data-testid=draw-all]').click()
    const first = host.locator('[data-testid=round-0]')
    await expect.poll(() => first.locator('[data-testid=round-questions] li').count()).toBeGreaterThan(0)
    while ((await first.locator('[data-testid=round-questions] li').count()) > 0) await first.getByRole('button', { name: /^移除第/ }).first().click()

    await host.getByRole('button', { name: '导入题库' }).click()
    const summary = host.getByTestId('bank-summary')
    for (const [file, count] of [['bank.docx', 2], ['bank.xlsx', 4], ['bank.docx', 2]] as const) {
      await host.getByTestId('bank-file').setInputFiles(fixture(file))
      await summary.filter({ hasText: `识别 ${count} 道题` }).waitFor()
      // The secretary accepts the flagged ones too (仍然采用).
      for (const box of await host.getByTestId('bank-question').getByRole('checkbox').all()) await box.check()
      await summary.filter({ hasText: `已采用 ${count} 道` }).waitFor()
      await host.getByTestId('bank-add-round').click()
    }
    // The .docx imported twice: its questions join the round once.
    await expect.poll(() => first.locator('[data-testid=round-questions] li').count()).toBe(6)
    expect(await first.locator('[data-testid=round-questions]').innerText()).toContain('党员有退党的自由')

    await host.locator('[data-testid=start]').click()
    await host.waitForURL(/\/meeting\/host$/)
    await host.locator('[data-testid=next]').click()
    await expect.poll(() => host.locator('[data-testid=prompt]').innerText()).toContain('预备党员的预备期为')
    expectNoErrors(errors)
  })
})
