import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectNoErrors, useBrowser } from './support/browser'
import { dbAll } from './support/idb'

const session = useBrowser()

interface Log { id: string; cardId: string; state: number; due: number; review: number }
interface State { cardId: string; reps: number; lastReview: number | null }

async function openReview(page: Page) {
  await page.goto('/study')
  await page.getByTestId('study-summary').waitFor()
  await page.getByTestId('start-review').click()
  await page.waitForURL(/\/study\/review$/)
  await page.locator('.review-card').waitFor()
}

/** Reveal and rate 良好 by keyboard, as fast as a member can. */
async function rate(page: Page) {
  await page.keyboard.press('Space')
  await page.keyboard.press('3')
}

describe('two tabs reviewing at once', () => {
  it('no review counted twice, none lost or overwritten; the older tab exports what the database holds', async () => {
    const { context, page: a, errors } = await session.newPage()
    const b = await context.newPage()
    const bErrors: string[] = []
    b.on('pageerror', (error) => bErrors.push(String(error)))
    await openReview(a)
    await openReview(b)
    // Both tabs show the same first card: the situation that duplicated reviews.
    expect(await b.locator('.review-card').getAttribute('data-card')).toBe(await a.locator('.review-card').getAttribute('data-card'))
    for (let round = 0; round < 8; round++) {
      await Promise.all([rate(a), rate(b)])
      await Promise.all([a.locator('.review[data-saving=false]').waitFor(), b.locator('.review[data-saving=false]').waitFor()])
    }
    await a.waitForTimeout(300)

    const logs = await dbAll<Log>(a, 'study-garden-progress', 'reviewLogs')
    const states = await dbAll<State>(a, 'study-garden-progress', 'cardStates')
    expect(logs.length).toBeGreaterThanOrEqual(8)
    // A duplicate: the same card rated twice from the same state (a card is new only once).
    const fromNew = logs.filter((l) => l.state === 0).map((l) => l.cardId)
    expect(fromNew.length - new Set(fromNew).size, 'duplicate reviews').toBe(0)
    const fromState = logs.map((l) => `${l.cardId}|${l.state}|${l.due}`)
    expect(fromState.length - new Set(fromState).size, 'duplicate reviews').toBe(0)
    // Nothing overwritten or lost: every card's state accounts for all of its logs.
    for (const state of states) {
      const own = logs.filter((l) => l.cardId === state.cardId)
      expect(state.reps, `reps of ${state.cardId}`).toBe(own.length)
      expect(state.lastReview).toBe(Math.max(...own.map((l) => l.review)))
    }
    expect(new Set(logs.map((l) => l.cardId)).size).toBe(states.length)

    // The older tab's export reads the database.
    await a.goto('/stats')
    const [download] = await Promise.all([a.waitForEvent('download'), a.getByTestId('export-progress').click()])
    const file = JSON.parse(readFileSync(await download.path(), 'utf8')) as { reviewLogs: unknown[]; cardStates: unknown[] }
    expect(file.reviewLogs).toHaveLength(logs.length)
    expect(file.cardStates).toHaveLength(states.length)
    expectNoErrors(errors)
    expectNoErrors(bErrors)
  })
})
