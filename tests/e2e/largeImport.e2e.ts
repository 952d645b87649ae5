import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { expectNoErrors, useBrowser } from './support/browser'

const session = useBrowser()
const dir = mkdtempSync(join(tmpdir(), 'study-garden-big-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A valid backup of about 50 MB: years of reviews on 2 000 cards. */
function bigBackup(): string {
  const DAY = 86_400_000
  const start = Date.UTC(2023, 0, 1)
  const cardStates = []
  const reviewLogs = []
  for (let c = 0; c < 2000; c++) {
    const cardId = `constitution#art-${c}:cloze:big${c}`
    let last = start
    for (let r = 0; r < 105; r++) {
      last = start + (c % 50) * DAY + r * 3 * DAY + c
      reviewLogs.push({ id: `${last}:${cardId}`, cardId, docId: 'constitution', grade: 3, state: r ? 2 : 0, due: last, stability: 3 + r, difficulty: 5.2, elapsedDays: 3, scheduledDays: 3, review: last })
    }
    cardStates.push({ cardId, docId: 'constitution', due: last + 30 * DAY, stability: 40, difficulty: 5.2, elapsedDays: 3, scheduledDays: 30, learningSteps: 0, reps: 105, lapses: 0, state: 2, lastReview: last, suspended: false, leech: false, lapsesAtRestore: 0 })
  }
  return JSON.stringify({ format: 'study-garden-progress', version: 1, exportedAt: '2025-01-01T00:00:00.000Z', cardStates, reviewLogs, mistakes: [], settings: null })
}

describe('importing a 50 MB backup', () => {
  it('runs off the main thread with progress shown; the page keeps answering', async () => {
    const path = join(dir, 'big.json')
    const text = bigBackup()
    writeFileSync(path, text)
    expect(text.length).toBeGreaterThan(45_000_000)

    const { page, errors } = await session.newPage()
    await page.goto('/stats')
    await page.getByTestId('backup').waitFor()
    // The longest stall of the page's event loop while the import runs.
    await page.evaluate(() => {
      const w = window as unknown as { maxGap: number; last: number }
      w.maxGap = 0
      w.last = performance.now()
      setInterval(() => {
        const now = performance.now()
        w.maxGap = Math.max(w.maxGap, now - w.last)
        w.last = now
      }, 20)
    })
    const started = Date.now()
    await page.getByTestId('import-progress').setInputFiles(path)
    await page.getByTestId('import-bar').waitFor()
    const fractions: number[] = []
    while (await page.getByTestId('import-bar').count()) {
      const value = await page.getByTestId('import-bar').getAttribute('value').catch(() => null)
      if (value !== null) fractions.push(Number(value))
      await page.waitForTimeout(100)
    }
    await expect.poll(() => page.getByTestId('backup-message').textContent(), { timeout: 60_000 }).toContain('导入完成')
    const maxGap = await page.evaluate(() => (window as unknown as { maxGap: number }).maxGap)
    console.log(`50 MB import: ${Date.now() - started} ms, longest main-thread stall ${Math.round(maxGap)} ms, progress seen: ${[...new Set(fractions)].join(', ')}`)
    expect(new Set(fractions.filter((f) => f > 0 && f < 1)).size).toBeGreaterThan(1)
    expect(await page.getByTestId('backup-message').textContent()).toContain('新增 210000 条复习记录')
    expect(maxGap).toBeLessThan(2500)

    // A later start with this history: the start-up check does not scan 210 000 logs.
    const reload = Date.now()
    await page.goto('/study')
    await page.getByTestId('study-summary').waitFor()
    await expect.poll(() => page.getByTestId('due-count').textContent(), { timeout: 30_000 }).not.toBeNull()
    console.log(`start-up with 210 000 review logs: ${Date.now() - reload} ms to 今日学习`)
    expectNoErrors(errors)
  }, 180_000)
})
