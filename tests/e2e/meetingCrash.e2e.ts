import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { launchKillable } from './support/killable'

const baseURL = inject('baseURL')
const dirs: string[] = []
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

const hostScores = (page: Page) => page.locator('[data-testid=team-panel] [data-testid=team-score]').allInnerTexts()

/** Score events committed to IndexedDB, read in the page (0 when there is no session yet). */
const committedEvents = (page: Page) =>
  page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'study-garden-meeting-session')) return 0
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('study-garden-meeting-session')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    const record = await new Promise<{ scoreLog?: unknown[] } | undefined>((resolve) => {
      const request = db.transaction('session').objectStore('session').get('current')
      request.onsuccess = () => resolve(request.result as { scoreLog?: unknown[] } | undefined)
    })
    db.close()
    return record?.scoreLog?.length ?? 0
  })
const latencies: number[] = []

async function startQuiz(page: Page) {
  page.on('dialog', (dialog) => void dialog.accept())
  await page.goto(`${baseURL}/meeting`)
  await page.locator('[data-testid=draw-all]').click()
  await page.locator('[data-testid=start]').click()
  await page.waitForURL(/\/meeting\/host$/)
}

describe('a hard browser kill during a meeting', () => {
  it('loses no committed score (3 kills, each as soon as the last score is committed)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'study-garden-kill-'))
    dirs.push(dir)
    let expected: string[] = []
    for (let trial = 0; trial < 3; trial++) {
      const run = await launchKillable(dir)
      try {
        const page = await (run.browser.contexts()[0] ?? (await run.browser.newContext())).newPage()
        if (trial === 0) await startQuiz(page)
        else await page.goto(`${baseURL}/meeting/host`)
        await page.locator('[data-testid=team-panel]').waitFor()
        if (trial > 0) expect(await hostScores(page), `after kill ${trial}`).toEqual(expected)
        // Score on two questions (one verdict per team per question), then kill at once.
        for (let q = 0; q < 2; q++) {
          await page.locator('[data-testid=next]').click()
          const rights = page.locator('[data-testid=team-panel] [data-testid=score-right]')
          await rights.first().waitFor()
          await rights.nth(trial % 2).click()
          // Kill as soon as the score is committed (the old build wrote localStorage, which reaches the disk up to a minute later).
          const clicked = Date.now()
          const want = trial * 2 + q + 1
          await expect.poll(() => committedEvents(page), { interval: 5, timeout: 5000 }).toBe(want)
          latencies.push(Date.now() - clicked)
        }
        expected = await hostScores(page)
      } finally {
        await run.kill()
      }
    }
    const last = await launchKillable(dir)
    try {
      const page = await (last.browser.contexts()[0] ?? (await last.browser.newContext())).newPage()
      await page.goto(`${baseURL}/meeting/host`)
      await page.locator('[data-testid=team-panel]').waitFor()
      expect(await hostScores(page), 'after the last kill').toEqual(expected)
      expect(expected.some((s) => s !== '100')).toBe(true)
      console.log(`score committed to IndexedDB within ${Math.max(...latencies)} ms of the click (max of ${latencies.length})`)
    } finally {
      await last.close()
    }
  }, 120_000)
})
