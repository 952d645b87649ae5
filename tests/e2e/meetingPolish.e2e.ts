import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectNoErrors, useBrowser } from './support/browser'

/** Contest mode as a branch meets it: 8 teams on a 1024×768 projector, set up on a phone, ended with →. */
const session = useBrowser()

// Names as branches write them, up to the longest the 竞赛 form takes in practice.
const TEAMS = ['机关第一党小组', '机关第二党小组', '离退休党小组', '后勤保障党小组', '展陈部党小组', '科研部党小组', '青年党员小组', '综合办党小组']

async function setUpEightTeams(page: Page): Promise<void> {
  await page.goto('/meeting')
  const editor = page.locator('[data-testid=team-editor]')
  while ((await editor.locator('input[type=text]').count()) < TEAMS.length) await editor.getByRole('button', { name: '添加党小组' }).click()
  const inputs = await editor.locator('input[type=text]').all()
  for (const [i, input] of inputs.entries()) await input.fill(TEAMS[i]!)
}

/** Each name shown whole (not cut with …) at a size a room can read. */
async function nameFits(page: Page): Promise<{ name: string; whole: boolean; px: number }[]> {
  return page.locator('[data-testid=scoreboard] .team-name').evaluateAll((els) =>
    els.map((el) => ({ name: el.textContent ?? '', whole: el.scrollWidth <= el.clientWidth + 1 && el.scrollHeight <= el.clientHeight + 1, px: parseFloat(getComputedStyle(el).fontSize) })),
  )
}

describe('contest mode polish', () => {
  it('shows 8 team names whole and readable on a 1024×768 projector', async () => {
    const { context, page, errors } = await session.newPage()
    await setUpEightTeams(page)
    await page.locator('[data-testid=draw-all]').click()
    await page.locator('[data-testid=start]').click()
    await page.waitForURL(/\/meeting\/host$/)
    const screen = await context.newPage()
    await screen.setViewportSize({ width: 1024, height: 768 })
    await screen.goto('/meeting/screen')
    await screen.locator('[data-testid=round-intro]').waitFor()
    await page.bringToFront()
    await page.locator('[data-testid=next]').click()
    await screen.locator('[data-testid=prompt]').waitFor()
    await screen.screenshot({ path: '/tmp/perf/screen-8teams.png' })
    const fits = await nameFits(screen)
    console.log(fits.map((f) => `${f.name} ${f.whole ? 'whole' : 'CUT'} ${f.px}px`).join('\n'))
    expect(fits).toHaveLength(8)
    for (const fit of fits) {
      expect(fit.whole, `${fit.name} is shown whole`).toBe(true)
      expect(fit.px, `${fit.name} is large enough for a room`).toBeGreaterThanOrEqual(18)
    }
    expectNoErrors(errors)
  })

  it('fits the setup page on a phone, and → on the last question offers to end', async () => {
    const { page, errors } = await session.newPage()
    await page.setViewportSize({ width: 390, height: 844 })
    await setUpEightTeams(page)
    await page.locator('[data-testid=draw-all]').click()
    await expect.poll(() => page.locator('[data-testid=round-questions] li').count()).toBeGreaterThan(0)
    await page.screenshot({ path: '/tmp/perf/setup-phone.png', fullPage: true })
    const overflow = await page.evaluate(() => {
      const wide = [...document.querySelectorAll<HTMLElement>('main *')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      return { page: document.documentElement.scrollWidth, wide: wide.slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${el.className}`) }
    })
    expect(overflow).toEqual({ page: 390, wide: [] })

    await page.setViewportSize({ width: 1280, height: 900 })
    await page.locator('[data-testid=start]').click()
    await page.waitForURL(/\/meeting\/host$/)
    const next = page.locator('[data-testid=next]')
    for (let i = 0; i < 200 && (await next.innerText()).includes('下一题'); i++) await next.click()
    expect(await next.innerText()).toContain('结束竞赛')
    // → offers to end: declined, nothing changes; accepted, the quiz ends.
    let offered = ''
    page.once('dialog', (dialog) => { offered = dialog.message(); void dialog.dismiss() })
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => offered).toContain('最后一题')
    expect(await page.getByText('本场竞赛已结束').count()).toBe(0)
    page.once('dialog', (dialog) => void dialog.accept())
    await next.click()
    await page.getByText('本场竞赛已结束').waitFor()
    expectNoErrors(errors)
  })
})
