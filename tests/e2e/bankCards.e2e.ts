import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectNoErrors, useBrowser } from './support/browser'

const session = useBrowser()

/** Test data written for this test: a question no text states (so it is not linked) and one the 党章 states. */
const BANK = '1、【测试】本支部每月第一个工作日开展集中学习。（√）\n2、预备党员的预备期为（ ）\nA.半年\nB.一年\n【答案】：B'
const UNLINKED = '本支部每月第一个工作日开展集中学习'

/** Leaves only the imported questions no text was found for ticked in a 学习内容 list. */
async function onlyImported(page: Page, form: string) {
  for (const chip of await page.locator(`[data-testid=${form}] fieldset`).first().locator('label').all()) {
    const box = chip.locator('input')
    if ((await chip.textContent())?.includes('导入的题库')) continue
    if ((await box.isEnabled()) && (await box.isChecked())) await box.uncheck()
  }
}

describe('imported questions become cards', () => {
  it('are kept, studied with their source, answered wrong into the 错题本, still there after a reload; deleted after a snapshot and restored from it', async () => {
    const { page, errors } = await session.newPage()
    page.on('dialog', (dialog) => void dialog.accept())
    await page.goto('/')
    await page.getByRole('button', { name: '导入题库' }).click()
    await page.getByTestId('bank-paste').fill(BANK)
    await page.getByRole('button', { name: '核对粘贴的题目' }).click()
    const summary = page.getByTestId('bank-summary')
    await summary.filter({ hasText: '识别 2 道题' }).waitFor()
    // The question no text states is flagged: the secretary accepts it anyway.
    for (const box of await page.getByTestId('bank-question').getByRole('checkbox').all()) await box.check()
    await summary.filter({ hasText: '已采用 2 道' }).waitFor()
    await page.getByTestId('bank-keep').click()
    await page.getByRole('status').filter({ hasText: '已将 2 道题加入学习题库' }).waitFor()
    await page.getByTestId('imported-banks').filter({ hasText: '粘贴的题目' }).filter({ hasText: '2 道题 · 1 道已关联原文' }).waitFor()
    // Kept again: nothing is added twice.
    await page.getByTestId('bank-keep').click()
    await page.getByRole('status').filter({ hasText: '这 2 道题已在学习题库中，未重复加入' }).waitFor()

    // 学习: only the imported questions no text states; the card names its file.
    await page.goto('/study')
    await page.getByTestId('study-summary').waitFor()
    await onlyImported(page, 'deck-settings')
    await expect.poll(() => page.getByTestId('new-count').textContent()).toBe('1')
    await page.getByTestId('start-review').click()
    const card = page.locator('.review-card')
    await card.waitFor()
    expect(await card.getByTestId('card-prompt').textContent()).toContain(UNLINKED)
    expect(await card.textContent()).toContain('导入：粘贴的题目')
    const id = await card.getAttribute('data-card')
    expect(id).toMatch(/^imported:/)

    // 练习 on the same questions: answered wrong, it goes to the 错题本.
    await page.goto('/quiz')
    await page.getByTestId('quiz-setup').waitFor()
    await onlyImported(page, 'quiz-setup')
    await page.getByTestId('quiz-start').click()
    await page.locator(`.quiz-question[data-card="${id}"]`).waitFor()
    await page.getByRole('radio', { name: /错误/ }).check()
    await page.getByTestId('quiz-submit').click()
    expect(await page.getByTestId('quiz-feedback').textContent()).toContain('回答错误')

    for (const reload of [false, true]) {
      if (reload) await page.reload()
      else await page.goto('/mistakes')
      const mistake = page.locator(`[data-testid=mistake][data-card="${id}"]`)
      await mistake.waitFor()
      expect(await mistake.textContent()).toContain('导入：粘贴的题目')
      expect(await mistake.getByTestId('mistake-answer').textContent()).toContain('正确')
    }
    // The set and its card are still in this browser after the reload.
    await page.goto('/')
    await page.getByTestId('imported-banks').filter({ hasText: '2 道题' }).waitFor()
    await page.goto('/study')
    await page.getByTestId('study-summary').waitFor()
    await expect.poll(() => page.getByTestId('deck-settings').textContent()).toContain('导入的题库')

    // Deleted after a snapshot, and back from it.
    await page.goto('/')
    await page.getByTestId('imported-bank-delete').click()
    await page.getByTestId('imported-banks').getByRole('status').filter({ hasText: '已删除“粘贴的题目”' }).waitFor()
    expect(await page.getByTestId('imported-banks').locator('li').count()).toBe(0)
    await page.goto('/stats')
    const snapshot = page.getByTestId('snapshot').filter({ hasText: '删除导入的题库“粘贴的题目”前' })
    await snapshot.getByTestId('restore-snapshot').click()
    await page.getByTestId('snapshot-message').waitFor()
    await page.goto('/')
    await page.getByTestId('imported-banks').filter({ hasText: '2 道题' }).waitFor()
    expectNoErrors(errors)
  })
})
