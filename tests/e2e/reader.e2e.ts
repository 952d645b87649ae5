import { describe, expect, it } from 'vitest'
import { expectNoErrors, useBrowser } from './support/browser'

const session = useBrowser()

async function phone() {
  const context = await session.browser.newContext({ baseURL: session.baseURL, locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  page.on('pageerror', (e) => errors.push(String(e)))
  return { context, page, errors }
}

/** Distance from the sticky header's bottom edge to the element's top edge, in CSS pixels. */
const belowHeader = (selector: string) => `(() => {
  const header = document.querySelector('.app-header').getBoundingClientRect().bottom
  return document.querySelector('${selector}').getBoundingClientRect().top - header
})()`

describe('reader on a phone', () => {
  it('lands a link to a long article at its start, just below the header, with the TOC collapsed', async () => {
    const { context, page, errors } = await phone()
    try {
      // 第三十三条 is taller than a phone screen: centring it would hide its first line.
      await page.goto('/read/constitution#art-33')
      await page.locator('#art-33.targeted').waitFor()
      await expect.poll(() => page.evaluate(belowHeader('#art-33'))).toBeGreaterThanOrEqual(0)
      const gap = (await page.evaluate(belowHeader('#art-33'))) as number
      expect(gap).toBeLessThan(24)
      expect(await page.locator('#art-33').evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(844)
      expect(await page.locator('#reader-toc').evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false)
      await page.locator('.reader-fab').getByRole('button', { name: '目录' }).click()
      expect(await page.locator('#reader-toc').evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true)
      // Phone navigation is a bottom tab bar; the header's own strip is hidden.
      expect(await page.locator('.tab-bar').isVisible()).toBe(true)
      expect(await page.locator('.app-header .app-nav').isVisible()).toBe(false)
      expectNoErrors(errors)
    } finally {
      await context.close()
    }
  })

  it('puts the rest of the text in around a linked passage without moving it; the TOC reaches an earlier chapter', async () => {
    const { context, page, errors } = await phone()
    try {
      await page.goto('/read/constitution#art-36')
      await page.locator('#art-36.targeted').waitFor()
      await expect.poll(() => page.evaluate(belowHeader('#art-36'))).toBeGreaterThanOrEqual(0)
      const landed = (await page.evaluate(belowHeader('#art-36'))) as number
      // The text is put in a slice at a time; once all of it is there, the passage is where it landed.
      await page.locator('.reader-text:not([data-filling])').waitFor()
      expect(await page.locator('.reader-text .passage').count()).toBeGreaterThan(70)
      expect(await page.locator('.reader-text .passage').first().getAttribute('id')).toBe('general-1')
      expect(Math.abs(((await page.evaluate(belowHeader('#art-36'))) as number) - landed)).toBeLessThan(2)
      expect(landed).toBeLessThan(24)
      await page.locator('.reader-fab').getByRole('button', { name: '目录' }).click()
      await page.locator('#reader-toc').getByRole('link', { name: /^第一章/ }).click()
      await page.waitForURL(/#ch-1$/)
      await expect.poll(() => page.evaluate(belowHeader('#ch-1'))).toBeGreaterThanOrEqual(0)
      expect(await page.evaluate(belowHeader('#ch-1'))).toBeLessThan(24)
      expectNoErrors(errors)
    } finally {
      await context.close()
    }
  })

  it('prints the whole text even when asked before all of it is on the page', async () => {
    const { context, page, errors } = await phone()
    try {
      await page.goto('/read/constitution#art-45')
      await page.locator('#art-45.targeted').waitFor()
      const printed = await page.evaluate(async () => {
        window.dispatchEvent(new Event('beforeprint'))
        // The page is printed once the listeners and the microtasks they queued have run.
        await new Promise((resolve) => queueMicrotask(() => resolve(undefined)))
        return { filling: document.querySelector('.reader-text[data-filling]') !== null, first: document.querySelector('.reader-text .passage')?.id, last: [...document.querySelectorAll('.reader-text .passage')].pop()?.id }
      })
      expect(printed).toEqual({ filling: false, first: 'general-1', last: 'art-55' })
      expectNoErrors(errors)
    } finally {
      await context.close()
    }
  })

  it('numbers 总纲 paragraphs and collapses consecutive gaps into one notice', async () => {
    const { context, page, errors } = await phone()
    try {
      await page.goto('/read/constitution#general-8')
      await page.locator('#general-8').waitFor({ state: 'attached' })
      const notice = page.locator('.gap-notice', { has: page.locator('#general-8') })
      expect(await notice.textContent()).toContain('总纲第8—9自然段')
      expect(await notice.getByRole('button', { name: '用正式文本补全' }).count()).toBe(1)
      expect(await page.locator('#general-10 .paragraph-number').textContent()).toBe('10')
      // A gap inside an article offers the same way to complete it.
      await page.locator('#art-32').getByRole('button', { name: '用正式文本补全' }).click()
      await page.getByTestId('official-panel').waitFor()
      expectNoErrors(errors)
    } finally {
      await context.close()
    }
  })
})

describe('reading position', () => {
  it('back from a glossary link restores the place; the library offers 继续阅读', async () => {
    const { page, errors } = await session.newPage()
    await page.goto('/read/tibet-museum-branch')
    await page.locator('.passage').first().waitFor()
    // Only one link per glossary term per passage.
    const counts = await page.locator('.passage').evaluateAll((passages) =>
      passages.map((p) => [...p.querySelectorAll('.term-link')].map((a) => a.getAttribute('href'))).map((hrefs) => hrefs.length - new Set(hrefs).size),
    )
    expect(counts.every((duplicates) => duplicates === 0)).toBe(true)
    // The seed article's title is shown once.
    expect(await page.getByText('西藏自治区先进基层党组织:西藏自然科学博物馆党支部', { exact: true }).count()).toBe(1)

    const link = page.locator('.term-link').nth(6)
    await link.evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await page.waitForTimeout(1200)
    const before = await page.evaluate(() => window.scrollY)
    expect(before).toBeGreaterThan(400)
    await link.click()
    await page.waitForURL(/\/read\/glossary#/)
    await page.locator('.reader[data-doc=glossary]').waitFor()
    await page.goBack()
    await page.locator('.reader[data-doc=tibet-museum-branch]').waitFor()
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before - 3)
    expect(Math.abs((await page.evaluate(() => window.scrollY)) - before)).toBeLessThan(3)

    await page.goto('/')
    const resume = page.locator('.doc-card[data-doc=tibet-museum-branch] .doc-resume')
    await resume.waitFor()
    expect(await resume.getAttribute('href')).toMatch(/^\/read\/tibet-museum-branch#(?!top$)./)
    await resume.click()
    await page.locator('.reader-text .targeted').waitFor()
    // The landing scrolls as the next frame is drawn, not in the task that rendered the text.
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300)
    expectNoErrors(errors)
  })
})
