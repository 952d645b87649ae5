import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectNoErrors, useBrowser } from './support/browser'
import { dbAll, dbCounts } from './support/idb'

const session = useBrowser()

async function addOwnDocument(page: Page) {
  await page.goto('/')
  await page.getByTestId('add-local').click()
  const form = page.getByTestId('local-form')
  await form.locator('input[type=text]').fill('支部学习守则（备份测试）')
  await form.locator('textarea').fill('支部学习守则\n一、每月集中学习不少于一次。\n二、学习笔记按季度交党小组长检查。')
  await form.getByRole('button', { name: '加入书库' }).click()
  await page.getByRole('status').filter({ hasText: '已加入' }).waitFor()
}

async function reviewThree(page: Page) {
  await page.goto('/study')
  await page.getByTestId('study-summary').waitFor()
  await page.getByTestId('start-review').click()
  for (const grade of [3, 4, 1]) {
    const card = page.locator('.review-card')
    await card.waitFor()
    const id = await card.getAttribute('data-card')
    await page.keyboard.press('Space')
    await page.getByTestId('card-answer').waitFor()
    await page.keyboard.press(String(grade))
    await expect.poll(() => page.locator('.review-card').getAttribute('data-card').catch(() => null)).not.toBe(id)
  }
  await page.locator('.review[data-saving=false]').waitFor()
}

async function quizAllWrong(page: Page) {
  await page.goto('/quiz')
  await page.getByTestId('quiz-setup').waitFor()
  for (const chip of await page.locator('[data-testid=quiz-setup] fieldset').nth(1).locator('label').all()) {
    if (!(await chip.textContent())?.includes('填空')) await chip.locator('input').uncheck()
  }
  await page.getByTestId('quiz-start').click()
  for (let i = 0; i < 5; i++) {
    await page.locator('.quiz-question').waitFor()
    await page.getByTestId('answer-input').fill('故意答错')
    await page.getByTestId('quiz-submit').click()
    await page.getByTestId('quiz-feedback').waitFor()
    await page.getByTestId('quiz-next').click()
  }
  await page.getByTestId('quiz-result').waitFor()
}

const progressCounts = (c: Record<string, number>) => ({ cardStates: c.cardStates, reviewLogs: c.reviewLogs, mistakes: c.mistakes, documents: c.documents })

describe('backup → clear site data → restore', () => {
  it('brings back every review, mistake and own document (same ids); a snapshot undoes 清除', async () => {
    const { context, page, errors } = await session.newPage()
    page.on('dialog', (dialog) => void dialog.accept())
    await addOwnDocument(page)
    await reviewThree(page)
    await quizAllWrong(page)
    const before = await dbCounts(page)
    expect(progressCounts(before)).toEqual({ cardStates: 3, reviewLogs: 3, mistakes: 5, documents: 1 })
    const docIds = (await dbAll<{ id: string }>(page, 'study-garden-library', 'documents')).map((d) => d.id)

    await page.goto('/stats')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-progress').click()])
    const path = await download.path()
    await expect.poll(() => page.getByTestId('backup-message').textContent()).toContain('1 份本支部文档')

    // 清除 takes a snapshot; restoring it from the 数据安全 panel undoes the clear.
    await page.getByTestId('clear-progress').click()
    await expect.poll(async () => (await dbCounts(page)).reviewLogs).toBe(0)
    await page.getByTestId('snapshot').first().waitFor()
    expect(await page.getByTestId('snapshot').first().textContent()).toContain('清除本机进度')
    await page.getByTestId('restore-snapshot').first().click()
    await expect.poll(() => page.getByTestId('snapshot-message').textContent()).toContain('已恢复')
    expect(progressCounts(await dbCounts(page))).toEqual(progressCounts(before))

    // Clear site data, as the browser's settings do.
    const cdp = await context.newCDPSession(page)
    const origin = new URL(page.url()).origin
    await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' })
    await page.goto('/stats')
    await page.getByTestId('backup').waitFor()
    expect(progressCounts(await dbCounts(page))).toEqual({ cardStates: 0, reviewLogs: 0, mistakes: 0, documents: 0 })

    await page.getByTestId('import-progress').setInputFiles(path)
    await expect.poll(() => page.getByTestId('backup-message').textContent(), { timeout: 15_000 }).toContain('导入完成')
    expect(await page.getByTestId('backup-message').textContent()).not.toContain('隔离')
    const after = await dbCounts(page)
    expect(progressCounts(after)).toEqual(progressCounts(before))
    expect((await dbAll<{ id: string }>(page, 'study-garden-library', 'documents')).map((d) => d.id)).toEqual(docIds)
    // The restored document is in the library at once.
    await page.goto('/')
    await page.locator('.local-item').filter({ hasText: '支部学习守则（备份测试）' }).waitFor()
    await page.goto('/mistakes')
    await page.getByTestId('mistake').first().waitFor()
    expect(await page.getByTestId('mistake').count()).toBe(5)
    expectNoErrors(errors)
  })
})
