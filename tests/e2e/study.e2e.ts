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

    // Ctrl+Z takes the last rating back and shows that card again, question side up.
    const next = await page.locator('.review-card').getAttribute('data-card')
    await page.keyboard.press('Control+z')
    await expect.poll(() => text(page, 'session-count')).toBe('4')
    expect(await page.locator('.review-card').getAttribute('data-card')).not.toBe(next)
    await page.getByTestId('reveal').waitFor()
    expect(await page.getByTestId('card-answer').count()).toBe(0)
    await page.keyboard.press('Space')
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
    // The card bank is generated in a worker: 已学 counts once it has arrived.
    await expect.poll(() => number(page, 'learned')).toBe(5)
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
      expect(await question.textContent()).toContain(`第 ${i + 1} / 5 题`)
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

  it('marks a 列举 answered with its displayed answer as right', async () => {
    const { page, errors } = await session.newPage()
    await onlyType(page, '列举')
    await page.getByTestId('quiz-start').click()
    await page.locator('.quiz-question').waitFor()
    const id = await page.locator('.quiz-question').getAttribute('data-card')
    await page.getByTestId('quiz-submit').click()
    expect(await text(page, 'quiz-feedback')).toContain('回答错误')
    // The answer is shown as numbered items.
    const items = await page.locator('[data-testid=answer-list] li').evaluateAll((lis) => lis.map((li) => li.firstChild?.textContent?.trim() ?? ''))
    expect(items.length).toBeGreaterThan(1)
    // 错题重练 on that card: typing the displayed items (which hold 、 and ， themselves) is right.
    await page.goto(`/quiz?from=mistakes&card=${encodeURIComponent(id ?? '')}`)
    await page.locator(`.quiz-question[data-card="${id}"]`).waitFor()
    await page.getByTestId('answer-input').fill(items.join('；'))
    await page.getByTestId('quiz-submit').click()
    expect(await text(page, 'quiz-feedback')).toContain('回答正确')
    expectNoErrors(errors)
  })

  it('never shows two cards of one fact in a study session', async () => {
    const { page, errors } = await session.newPage()
    await openStudy(page)
    await page.getByTestId('start-review').click()
    const facts: string[] = []
    for (let i = 0; i < 12; i++) {
      const card = page.locator('.review-card')
      await card.waitFor()
      facts.push((await card.getAttribute('data-fact')) ?? '')
      await page.keyboard.press('Space')
      await page.getByTestId('card-answer').waitFor()
      await page.keyboard.press('4')
      await expect.poll(() => text(page, 'session-count')).toBe(String(i + 1))
    }
    for (let i = 1; i < facts.length; i++) expect(facts[i], `${i}`).not.toBe(facts[i - 1])
    expect(new Set(facts).size).toBe(facts.length)
    expectNoErrors(errors)
  })

  it('shows the source with the answer masked as a hint, and records that it was used', async () => {
    const { page, errors } = await session.newPage()
    await onlyType(page, '填空')
    await page.getByTestId('quiz-start').click()
    await page.locator('.quiz-question').waitFor()
    await page.getByTestId('hint').click()
    const hint = await text(page, 'hint-text')
    expect(hint).toContain('＿')
    await page.getByTestId('quiz-submit').click()
    const answer = (await text(page, 'quiz-correct-answer')).replace(/^正确答案：/, '').replace(/^“|”$/g, '')
    expect(answer.length).toBeGreaterThan(0)
    expect(hint).not.toContain(answer)
    expect(await text(page, 'quiz-feedback')).toContain('使用了提示')
    expectNoErrors(errors)
  })

  it('runs a quiz from the keyboard alone: 1–4 / A–D choose, Enter submits, Enter goes on', async () => {
    const { page, errors } = await session.newPage()
    await page.goto('/quiz')
    await page.getByTestId('quiz-setup').waitFor()
    await page.getByTestId('quiz-start').focus()
    await page.keyboard.press('Enter')
    for (let i = 0; i < 5; i++) {
      const question = page.locator('.quiz-question')
      await question.waitFor()
      expect(await question.textContent()).toContain(`第 ${i + 1} / 5 题`)
      const options = page.locator('.quiz-question .choice')
      if (await options.count()) {
        await page.keyboard.press(i % 2 ? 'B' : '1')
        await expect.poll(() => page.locator('.quiz-question .choice.on').count()).toBe(1)
      }
      await page.keyboard.press('Enter')
      await page.getByTestId('quiz-feedback').waitFor()
      await page.keyboard.press('Enter')
    }
    await page.getByTestId('quiz-result').waitFor()
    expectNoErrors(errors)
  })
})

describe('每日一练', () => {
  it('asks five questions as a quiz (第 2 / 5 题), right or wrong with the source, then a score and the streak', async () => {
    const { page, errors } = await session.newPage()
    await page.goto('/')
    await page.getByTestId('daily-start').click()
    await page.waitForURL(/\/daily$/)
    for (let i = 0; i < 5; i++) {
      const question = page.locator('.quiz-question')
      await question.waitFor()
      expect(await text(page, 'quiz-progress')).toBe(`第 ${i + 1} / 5 题`)
      const options = page.locator('.quiz-question .choice')
      if (await options.count()) await options.first().click()
      else await page.getByTestId('answer-input').first().fill(i === 0 ? '故意答错' : '不会')
      await page.getByTestId('quiz-submit').click()
      const feedback = page.getByTestId('quiz-feedback')
      await feedback.waitFor()
      expect(await feedback.textContent()).toMatch(/回答正确|回答错误/)
      expect(await feedback.getByTestId('source-link').count()).toBe(1)
      // Self-rating only for a right typed answer; a choice or a wrong answer rates itself.
      const selfRate = await page.getByTestId('daily-self-rate').count()
      if (selfRate) expect(await feedback.textContent()).toContain('回答正确')
      await page.getByTestId('quiz-next').click()
    }
    await page.getByTestId('quiz-result').waitFor()
    expect(await text(page, 'quiz-result')).toContain('每日一练完成')
    expect(await text(page, 'quiz-correct')).toMatch(/^[0-5]\/5$/)
    await page.goto('/')
    await expect.poll(() => text(page, 'daily-done')).toBe('5')
    expect(await text(page, 'daily-streak')).toBe('1')
    await page.getByTestId('daily-complete').waitFor()
    expectNoErrors(errors)
  })
})

describe('a branch document in 学习', () => {
  it('a pasted 十不准 gives questions; a notice without numbered points says why it gives none', async () => {
    const { page, errors } = await session.newPage()
    await page.goto('/')
    const add = async (title: string, text: string) => {
      await page.getByTestId('add-local').click()
      const form = page.getByTestId('local-form')
      await form.locator('input[type=text]').fill(title)
      await form.locator('textarea').fill(text)
      await form.getByRole('button', { name: '加入书库' }).click()
      await page.getByRole('status').filter({ hasText: '已加入' }).first().waitFor()
    }
    await add('干部作风“十不准”', readFileSync(new URL('../fixtures/shi-bu-zhun.md', import.meta.url), 'utf8').split('\n').slice(2).join('\n'))
    await add('会议通知', '请全体党员本周五下午三时准时参加支部党员大会。')
    await openStudy(page)
    const deck = page.getByTestId('deck-settings')
    await expect.poll(async () => (await deck.textContent()) ?? '').toMatch(/干部作风“十不准”\s*1[0-9]张/)
    expect(await text(page, 'no-cards-reason')).toContain('会议通知：')
    expect(await text(page, 'no-cards-reason')).toContain('分条编号')
    expectNoErrors(errors)
  })
})

describe('a fresh learner in 学习', () => {
  it('meets its first 20 new cards from several documents and chapters, never restarting from 总纲', async () => {
    const { page, errors } = await session.newPage()
    await openStudy(page)
    expect(await number(page, 'new-count')).toBe(20)
    await page.getByTestId('start-review').click()
    await page.waitForURL(/\/study\/review$/)
    const met: string[] = []
    for (let i = 0; i < 20; i++) {
      const card = page.locator('.review-card')
      await card.waitFor()
      const id = (await card.getAttribute('data-card')) ?? ''
      await page.keyboard.press('Space')
      await page.getByTestId('card-answer').waitFor()
      met.push(id)
      await page.keyboard.press('3')
      await expect.poll(() => text(page, 'session-count')).toBe(String(i + 1))
      await page.locator('.review[data-saving=false]').waitFor()
    }
    const docs = met.map((id) => id.split('#')[0])
    expect(new Set(met).size).toBe(20)
    expect(new Set(docs).size).toBeGreaterThanOrEqual(3)
    // Not 党章 card after 党章 card: no document more than three times in a row.
    const runs = docs.slice(3).map((d, i) => docs.slice(i, i + 4).every((x) => x === d))
    expect(runs.includes(true)).toBe(false)
    // The rotation goes on across ratings: 总纲 is not met again and again.
    expect(met.filter((id) => id.startsWith('constitution#general-')).length).toBeLessThanOrEqual(3)
    expectNoErrors(errors)
  })
})

/** Opens the quiz setup with only one card type ticked. */
async function onlyType(page: Page, label: string) {
  await page.goto('/quiz')
  await page.getByTestId('quiz-setup').waitFor()
  for (const chip of await page.locator('[data-testid=quiz-setup] fieldset').nth(1).locator('label').all()) {
    if (!(await chip.textContent())?.includes(label)) await chip.locator('input').uncheck()
  }
}
