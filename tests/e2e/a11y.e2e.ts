import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectNoErrors, useBrowser } from './support/browser'

/**
 * axe-core on every route, in the states a member reaches them, on a phone and a desktop: no serious
 * or moderate violation. axe runs through the debugging protocol, so the page's CSP (no inline
 * script) stays in force, as for a member.
 */
const session = useBrowser()
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

interface Finding { id: string; impact: string; help: string; targets: string[] }

async function axe(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(axeSource)
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.slice(0, 4).map((n) => n.target.join(' ')) }))
  })
}

const viewports = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
]

async function startMeeting(page: Page): Promise<void> {
  await page.goto('/meeting')
  await page.locator('[data-testid=draw-all]').click()
  await expect.poll(() => page.locator('[data-testid=round-questions] li').count()).toBeGreaterThan(0)
  await page.locator('[data-testid=start]').click()
  await page.waitForURL(/\/meeting\/host$/)
}

describe('accessibility (axe-core)', () => {
  for (const viewport of viewports) {
    it(`every route on a ${viewport.name} (${viewport.width}×${viewport.height})`, async () => {
      const { page, errors } = await session.newPage()
      await page.setViewportSize({ width: viewport.width, height: viewport.height })
      page.on('dialog', (dialog) => void dialog.accept())
      const found: string[] = []
      const check = async (state: string, ready: string) => {
        const shown = await page.locator(ready).first().waitFor({ timeout: 10_000 }).then(() => true, () => false)
        if (!shown) found.push(`${state}: ${ready} never appeared`)
        await page.waitForTimeout(300)
        for (const v of await axe(page)) {
          if (v.impact === 'serious' || v.impact === 'moderate' || v.impact === 'critical') found.push(`${state}: [${v.impact}] ${v.id} — ${v.help}: ${v.targets.join(' | ')}`)
        }
      }
      const visit = async (path: string, ready: string) => {
        await page.goto(path)
        await check(path, ready)
      }
      // index.html's own header, before the app has loaded (its entry script held back).
      let release = () => {}
      const held = new Promise<void>((resolve) => (release = resolve))
      await page.route(/\/assets\/main-[\w-]+\.js$/, async (route) => {
        await held
        await route.continue()
      })
      await page.goto('/', { waitUntil: 'commit' })
      await check('/ (before the app has loaded)', '[data-pre-shell] input')
      await page.locator('[data-pre-shell] input').fill('民主集中制')
      await check('/ (before the app has loaded, results)', '[data-pre-shell] .search-dropdown .result')
      release()
      await page.unrouteAll({ behavior: 'wait' })
      await visit('/', 'main h1')
      await visit('/search?q=入党誓词', 'main h1')
      await visit('/read/constitution', '#art-1')
      await visit('/read/eight-point-regulation', 'main h1')
      await page.locator('[data-testid=official-open]').click()
      await check('/read/eight-point-regulation (official panel)', '[data-testid=official-panel]')
      await visit('/read/tibet-museum-branch', 'main h1')
      await visit('/study', 'main h1')
      await visit('/study/review', 'main .review')
      await visit('/quiz', 'main h1')
      await visit('/mistakes', 'main h1')
      await visit('/stats', 'main h1')
      await visit('/meeting/paper', 'main h1')
      await visit('/join', 'main')
      await visit('/no/such/page', 'main h1')
      await page.emulateMedia({ colorScheme: 'dark' })
      await visit('/read/constitution#art-33', '#art-33')
      await page.locator('[data-testid=official-open]').click()
      await check('/read/constitution (dark, official panel)', '[data-testid=official-panel]')
      await page.emulateMedia({ colorScheme: 'light' })
      await visit('/meeting', 'main h1')
      await startMeeting(page)
      await check('/meeting/host (round intro)', 'main')
      await page.locator('[data-testid=next]').click()
      await check('/meeting/host (question)', '[data-testid=prompt]')
      await page.goto('/meeting/screen')
      await check('/meeting/screen', '[data-testid=meeting-screen]')
      await page.goto('/meeting/results')
      await check('/meeting/results', 'main h1')
      console.log(`${viewport.name}: ${found.length} serious/moderate findings\n${found.join('\n')}`)
      expect(found).toEqual([])
      // /join looks for a meeting server, which the static preview does not run.
      expectNoErrors(errors.filter((e) => !e.includes('/live') || !e.startsWith('WebSocket connection')))
    })
  }

  it('a skip link takes the keyboard past the header and the table of contents to the text', async () => {
    const { page, errors } = await session.newPage()
    await page.goto('/read/constitution')
    await page.locator('#art-1').waitFor()
    await page.keyboard.press('Tab')
    const skip = page.locator(':focus')
    expect(await skip.innerText()).toBe('跳到正文')
    expect(await skip.evaluate((el) => el.getBoundingClientRect().top >= 0)).toBe(true)
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('reader-text')
    expect(new URL(page.url()).hash, 'the passage hash is left alone').toBe('')
    // The next Tab reaches a link inside the 党章's text, not the header or the table of contents.
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('.reader-text')))).toBe(true)
    expectNoErrors(errors)
  })

  it('moves focus into opened forms, and file buttons show the focus ring', async () => {
    const { page, errors } = await session.newPage()
    await page.goto('/read/constitution')
    await page.locator('[data-testid=official-open]').click()
    // The panel's code is fetched on the first click, so the focus moves once it has arrived.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('正式文本')
    // Tab past the 逐段核对 button (disabled while empty) to the file button: its label shows a ring.
    await page.keyboard.press('Tab')
    const ring = await page.locator('[data-testid=official-panel] label.file-button').evaluate((el) => getComputedStyle(el).outlineStyle)
    expect(ring).toBe('solid')
    await page.goto('/')
    await page.locator('[data-testid=add-local]').click()
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid=local-form]') !== null)).toBe(true)
    expectNoErrors(errors)
  })

  it('reads in dark colours when the system asks for them', async () => {
    const { page, errors } = await session.newPage()
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.goto('/read/constitution')
    await page.locator('#art-1').waitFor()
    const [text, background] = await page.locator('article.reader').evaluate((el) => [getComputedStyle(el).color, getComputedStyle(document.documentElement).backgroundColor])
    expect(text).toBe('rgb(233, 225, 216)')
    expect(background).toBe('rgb(27, 23, 20)')
    await page.emulateMedia({ colorScheme: 'light' })
    expect(await page.locator('article.reader').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(31, 26, 23)')
    expectNoErrors(errors)
  })
})
