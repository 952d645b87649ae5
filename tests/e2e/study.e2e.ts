import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectNoErrors, useBrowser } from './support/browser'

const session = useBrowser()

async function text(page: Page, testId: string): Promise<string> {
  return ((await page.getByTestId(testId).first().textContent()) ?? '').trim()
}
async function number(page: Page, testId: string): Promise<number> {
  await page.getByTestId(testId).first().waitFor()
  return Number(await text(page, testId))
}

/** Opens 今日学习 and waits until the card bank and the progress are loaded. */
async function openStudy(page: Page) {
  await page.goto('/study')
  await page.getByTestId('study-summary').waitFor()
}

/** Rates the cards the review screen offers, by keyboard: Space reveals, 1–4 rates. */
async function review(page: Page, grades: number[]) {
  await page.getByTestId('session-count').waitFor()
  const start = Number(await text(page, 'session-count'))
  for (const [i, grade] of grades.entries()) {
    const card = page.locator('.review-card')
    await card.waitFor()
    const id = await card.getAttribute('data-card')
    await page.keyboard.press('Space')
    await page.getByTestId('card-answer').waitFor()
    await page.keyboard.press(String(grade))
    await expect.poll(() => text(page, 'session-count')).toBe(String(start + i + 1))
    await page.locator('.review[data-saving=false]').waitFor()
    expect(await page.locator('.review-card').getAttribute('data-card').catch(() => null)).not.toBe(id)
  }
}

describe('study: review, quiz, mistakes, backup', () => {
  it('reviews five cards with interval previews, undo and 查看原文; after a reload the queue and stats reflect them', async () => {
    const { page, errors } = await session.newPage()
    await openStudy(page)
    expect(await number(page, 'due-count')).toBe(0)
    const freshBefore = await number(page, 'new-count')
    expect(freshBefore).toBe(20)

    await page.getByTestId('start-review').click()
    await page.waitForURL(/\/study\/review$/)
    const first = page.locator('.review-card')
    await first.waitFor()
    const firstId = await first.getAttribute('data-card')
    expect(await page.getByTestId('rate-1').count()).toBe(0)
    await page.keyboard.press('Space')
    // The four buttons show what each rating would schedule for a new card.
    expect(await text(page, 'rate-1')).toContain('重来1分钟')
    expect(await text(page, 'rate-3')).toContain('良好10分钟')
    expect(await text(page, 'rate-4')).toMatch(/简单\d+天/)

    // 查看原文 opens the passage in the reader; back returns to the same card, answer still shown.
    const answer = await text(page, 'card-answer')
    await page.getByTestId('source-link').click()
    await page.waitForURL(/\/read\/[^/]+#/)
    await page.locator('.passage.targeted').waitFor()
    await page.goBack()
    await page.waitForURL(/\/study\/review$/)
    await page.getByTestId('card-answer').waitFor()
    expect(await page.locator('.review-card').getAttribute('data-card')).toBe(firstId)
    expect(await text(page, 'card-answer')).toBe(answer)
    await page.keyboard.press('4')
    await expect.poll(() => text(page, 'session-count')).toBe('1')

    await review(page, [4, 4, 1, 1])
    expect(await text(page, 'session-count')).toBe('5')

    // Ctrl+Z takes the last rating back and shows that card again, revealed.
    const next = await page.locator('.review-card').getAttribute('data-card')
    await page.keyboard.press('Control+z')
    await expect.poll(() => text(page, 'session-count')).toBe('4')
    expect(await page.locator('.review-card').getAttribute('data-card')).not.toBe(next)
    await page.getByTestId('card-answer').waitFor()
    await page.keyboard.press('1')
    await expect.poll(() => text(page, 'session-count')).toBe('5')

    // Wait for the last rating to reach IndexedDB, then reload.
    await page.locator('.review[data-saving=false]').waitFor()
    await page.reload()
    await openStudy(page)
    // Two forgotten cards come back within minutes; five new cards were used up today.
    expect(await number(page, 'due-count')).toBe(2)
    expect(await number(page, 'new-count')).toBe(freshBefore - 5)

    await page.goto('/stats')
    await page.getByTestId('stats-tiles').waitFor()
    await expect.poll(() => number(page, 'reviewed-today')).toBe(5)
    expect(await number(page, 'learned')).toBe(5)
    const today = page.locator('[data-testid=heatmap] rect').last()
    expect(await today.getAttribute('data-count')).toBe('5')
    const bars = page.locator('[data-testid=forecast] rect')
    expect(await bars.count()).toBe(14)
    expect(await bars.first().getAttribute('data-count')).toBe('2')
    const counts = await bars.evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('data-count'))))
    expect(counts.reduce((a, b) => a + b, 0)).toBe(5)
    await page.getByText('未来30天').click()
    await expect.poll(() => bars.count()).toBe(30)
    expectNoErrors(errors)
  })

  it('runs a practice quiz to its end; the deliberately wrong answer lands in 错题本, and 错题重练 clears it', async () => {
    const { page, errors } = await session.newPage()
    await page.goto('/quiz')
    await page.getByTestId('quiz-setup').waitFor()
    // Only 填空 questions, so every answer is typed.
    for (const chip of await page.locator('[data-testid=quiz-setup] fieldset').nth(1).locator('label').all()) {
      if (!(await chip.textContent())?.includes('填空')) await chip.locator('input').uncheck()
    }
    await page.getByTestId('quiz-start').click()
    const asked: string[] = []
    for (let i = 0; i < 5; i++) {
      const question = page.locator('.quiz-question')
      await question.waitFor()
      expect(await question.textContent()).toContain(`第 ${i + 1} 题 / 共 5 题`)
      asked.push((await question.getAttribute('data-card')) ?? '')
      if (i === 0) await page.getByTestId('answer-input').fill('故意答错')
      await page.getByTestId('quiz-submit').click()
      expect(await text(page, 'quiz-feedback')).toContain('回答错误')
      if (i === 0) {
        // 查看原文 and back: the quiz resumes at the same question.
        await page.locator('[data-testid=quiz-feedback] [data-testid=source-link]').click()
        await page.waitForURL(/\/read\/[^/]+#/)
        await page.goBack()
        await page.getByTestId('quiz-feedback').waitFor()
        expect(await page.locator('.quiz-question').getAttribute('data-card')).toBe(asked[0])
      }
      await page.getByTestId('quiz-next').click()
    }
    await page.getByTestId('quiz-result').waitFor()
    expect(await text(page, 'quiz-correct')).toBe('0/5')
    expect(await text(page, 'quiz-score')).toBe('0分')

    await page.goto('/mistakes')
    await page.getByTestId('mistake').first().waitFor()
    expect(await page.getByTestId('mistake').count()).toBe(5)
    const wrong = page.locator(`[data-testid=mistake][data-card="${asked[0]}"]`)
    expect(await wrong.textContent()).toContain('您的答案：故意答错')
    const answers = new Map<string, string>()
    for (const item of await page.getByTestId('mistake').all()) {
      answers.set((await item.getAttribute('data-card')) ?? '', ((await item.getByTestId('mistake-answer').textContent()) ?? '').trim())
    }

    // The 错题本 survives a reload, then 错题重练 with the right answers empties it.
    await page.reload()
    await page.getByTestId('practise-mistakes').click()
    for (let i = 0; i < 5; i++) {
      const question = page.locator('.quiz-question')
      await question.waitFor()
      const id = (await question.getAttribute('data-card')) ?? ''
      await page.getByTestId('answer-input').fill(answers.get(id) ?? '')
      await page.getByTestId('quiz-submit').click()
      expect(await text(page, 'quiz-feedback')).toContain('回答正确')
      await page.getByTestId('quiz-next').click()
    }
    expect(await text(page, 'quiz-correct')).toBe('5/5')
    expect(await text(page, 'quiz-score')).toBe('100分')
    await page.goto('/mistakes')
    await page.getByTestId('mistakes-empty').waitFor()
    expectNoErrors(errors)
  })

  it('exports progress, clears it, rejects a bad file, and imports it back', async () => {
    const { page, errors } = await session.newPage()
    page.on('dialog', (dialog) => void dialog.accept())
    await openStudy(page)
    await page.getByTestId('start-review').click()
    await review(page, [3, 4, 4])

    await page.goto('/stats')
    await expect.poll(() => number(page, 'reviewed-today')).toBe(3)
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-progress').click()])
    expect(download.suggestedFilename()).toMatch(/^学习园地进度-\d{4}-\d{2}-\d{2}\.json$/)
    const path = await download.path()
    const file = JSON.parse(readFileSync(path, 'utf8')) as { format: string; version: number; cardStates: unknown[]; reviewLogs: unknown[] }
    expect(file.format).toBe('study-garden-progress')
    expect(file.version).toBe(2)
    expect(file.cardStates).toHaveLength(3)
    expect(file.reviewLogs).toHaveLength(3)

    await page.getByTestId('clear-progress').click()
    await expect.poll(() => number(page, 'reviewed-today')).toBe(0)
    expect(await number(page, 'learned')).toBe(0)

    await page.getByTestId('import-progress').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"something-else"}') })
    await expect.poll(() => text(page, 'backup-message')).toContain('不是学习园地导出的进度文件')
    expect(await number(page, 'reviewed-today')).toBe(0)

    await page.getByTestId('import-progress').setInputFiles(path)
    await expect.poll(() => text(page, 'backup-message')).toContain('导入完成')
    expect(await number(page, 'reviewed-today')).toBe(3)
    expect(await number(page, 'learned')).toBe(3)

    // Kept on this device: after a reload the queue counts the three cards as studied today.
    await openStudy(page)
    expect(await number(page, 'new-count')).toBe(17)
    expectNoErrors(errors)
  })
})
