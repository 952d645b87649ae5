import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { bigBackup } from './support/bigInputs'
import { expectNoErrors, useBrowser } from './support/browser'

const session = useBrowser()
const dir = mkdtempSync(join(tmpdir(), 'study-garden-big-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

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
