import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectNoErrors, useBrowser } from './support/browser'

const session = useBrowser()

/** Every CSP violation the page reports (the event fires for blocked scripts, styles, workers, eval …). */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { __csp: string[] }).__csp = seen
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${location.pathname}: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`))
  })
  const all: string[] = []
  return async () => {
    all.push(...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp.splice(0))))
    return all
  }
}

describe('Content-Security-Policy (issue 12, item 14)', () => {
  it('the built app ships a strict policy as a meta tag', async () => {
    const { page } = await session.newPage()
    await page.goto('/')
    const policy = await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content')
    expect(policy).toMatch(/script-src 'self';/)
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/)
  })

  it('0 violations on every route, through a .docx import, a full quiz and the meeting windows', async () => {
    const { page, errors } = await session.newPage()
    const drain = await watchViolations(page)
    const visit = async (path: string, ready: string) => {
      await page.goto(path)
      await page.locator(ready).first().waitFor()
      await drain()
    }
    await visit('/', '[data-testid=add-local]')
    await page.evaluate(() => navigator.serviceWorker.ready)

    // A .docx import: a worker, mammoth, IndexedDB.
    await page.getByTestId('add-local').click()
    await page.locator('[data-testid=local-form] input[type=file]').setInputFiles(fileURLToPath(new URL('../fixtures/branch-rules.docx', import.meta.url)))
    await expect.poll(() => page.locator('[data-testid=local-form] textarea').inputValue()).toContain('一、每月第一个周五下午集中学习。')
    await page.getByRole('button', { name: '加入书库' }).click()
    await page.locator('.local-item').filter({ hasText: 'branch-rules' }).waitFor()
    await page.locator('.local-item a').first().click()
    await page.locator('#item-2').waitFor()
    await drain()

    await visit('/search?q=党员 义务', '.search-page, main')
    await page.locator('.header-search input').fill('三会一课')
    await page.locator('.search-dropdown .result').first().waitFor()
    await visit('/read/constitution#art-7', '#art-7')
    await visit('/study', 'main h1, main h2')
    await visit('/study/review', 'main')
    await visit('/mistakes', 'main h1, main h2')
    await visit('/stats', 'main h1, main h2')

    // A full practice quiz.
    await visit('/quiz', '[data-testid=quiz-setup]')
    await page.getByTestId('quiz-start').click()
    for (let i = 0; i < 5; i++) {
      await page.locator('.quiz-question').waitFor()
      const input = page.getByTestId('answer-input')
      if (await input.count()) await input.fill('答案')
      else await page.locator('.quiz-question input[type=radio], .quiz-question input[type=checkbox], .quiz-question button.option').first().click()
      await page.getByTestId('quiz-submit').click()
      await page.getByTestId('quiz-feedback').waitFor()
      await page.getByTestId('quiz-next').click()
    }
    await page.getByTestId('quiz-result').waitFor()
    await drain()

    await visit('/meeting', '[data-testid=draw-all]')
    await page.locator('[data-testid=draw-all]').click()
    await visit('/meeting/paper', 'main')
    await visit('/meeting', '[data-testid=start]')
    page.on('dialog', (dialog) => void dialog.accept())
    await page.locator('[data-testid=start]').click()
    await page.waitForURL(/\/meeting\/host$/)
    await page.locator('main').waitFor()
    await drain()
    await visit('/meeting/screen', '[data-testid=meeting-screen], [data-testid=screen-waiting]')
    await visit('/meeting/results', 'main')
    await visit('/no/such/page', 'main')
    expect(await drain()).toEqual([])
    expectNoErrors(errors)

    // The watcher itself works: an inline style, as injected markup would add, is reported and blocked.
    await page.evaluate(() => {
      const style = document.createElement('style')
      style.textContent = 'body { display: none }'
      document.head.append(style)
    })
    await expect.poll(async () => (await drain()).join('\n')).toMatch(/style-src/)
    expect(await page.locator('body').isVisible()).toBe(true)
  })
})
