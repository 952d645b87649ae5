import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectNoErrors, useBrowser } from './support/browser'

const session = useBrowser()
const hostScores = (page: Page) => page.locator('[data-testid=team-panel] [data-testid=team-score]').allInnerTexts()

describe('two host windows scoring at the same moment', () => {
  it('both scores count, in both windows and after a reload (5 trials)', async () => {
    const { context, page: a, errors } = await session.newPage()
    a.on('dialog', (dialog) => void dialog.accept())
    await a.goto('/meeting')
    await a.locator('[data-testid=draw-all]').click()
    await a.locator('[data-testid=start]').click()
    await a.waitForURL(/\/meeting\/host$/)
    const b = await context.newPage()
    await b.goto('/meeting/host')
    await b.locator('[data-testid=team-panel]').waitFor()
    let lost = 0
    for (let trial = 0; trial < 5; trial++) {
      await a.bringToFront()
      await a.locator('[data-testid=next]').click()
      await expect.poll(() => b.locator('[data-testid=host-position]').innerText()).toBe(await a.locator('[data-testid=host-position]').innerText())
      const before = (await hostScores(a)).map(Number)
      // Window a scores team 1, window b team 2, at once.
      await Promise.all([
        a.locator('[data-testid=team-panel] .team-row').nth(0).locator('[data-testid=score-right]').dispatchEvent('click'),
        b.locator('[data-testid=team-panel] .team-row').nth(1).locator('[data-testid=score-right]').dispatchEvent('click'),
      ])
      // The windows converge (within a second) on one state holding both scores.
      await expect.poll(async () => JSON.stringify(await hostScores(b)) === JSON.stringify(await hostScores(a)), { timeout: 3000 }).toBe(true)
      const sa = (await hostScores(a)).map(Number)
      const gained = sa.map((s, i) => s - before[i]!)
      if (!(gained[0]! > 0 && gained[1]! > 0)) lost++
    }
    expect(lost, 'trials where a score was lost').toBe(0)
    await a.reload()
    await a.locator('[data-testid=team-panel]').waitFor()
    expect((await hostScores(a)).map(Number).slice(0, 2).every((s) => s > 100)).toBe(true)
    expectNoErrors(errors)
  })
})
