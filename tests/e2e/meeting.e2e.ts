import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectNoErrors, useBrowser } from './support/browser'

const session = useBrowser()

const screenText = (page: Page) => page.locator('[data-testid=meeting-screen]').innerText()
const scores = (page: Page, root: string) => page.locator(`${root} [data-testid=team-score]`).allInnerTexts()

describe('meeting mode (知识竞赛)', () => {
  it('runs a quiz across a host and a projector window', async () => {
    const { context, page: host, errors } = await session.newPage()
    host.on('dialog', (dialog) => void dialog.accept())
    // Playwright's actionability checks wait for animation frames, which a background tab does
    // not get: whichever window is acted on is brought to the front, as the host would do.
    const screen = await context.newPage()
    await screen.goto('/meeting/screen')
    await screen.locator('[data-testid=screen-waiting]').waitFor()
    await host.bringToFront()
    const screenErrors: string[] = []
    screen.on('pageerror', (error) => screenErrors.push(String(error)))
    screen.on('console', (message) => message.type() === 'error' && screenErrors.push(message.text()))

    // Set up: rename a team, fill-in-the-blank questions only (their answers are not on screen as options).
    await host.goto('/meeting')
    await host.locator('[data-testid=team-editor] input').first().fill('机关党小组')
    for (const round of await host.locator('.round-editor').all()) {
      for (const box of await round.locator('input[type=checkbox]').all()) {
        await box.setChecked((await box.getAttribute('data-testid')) === 'type-cloze')
      }
      await round.locator('[data-testid=round-count]').fill('3')
    }
    await host.locator('[data-testid=draw-all]').click()
    await expect.poll(() => host.locator('[data-testid=round-questions] li').count()).toBe(9)
    await host.locator('[data-testid=start]').click()
    await host.waitForURL(/\/meeting\/host$/)

    // The waiting projector picks up the new quiz: the first round's rules page and the scores.
    await screen.locator('[data-testid=round-intro]').waitFor()
    expect(await scores(screen, '[data-testid=scoreboard]')).toEqual(['100', '100', '100'])
    expect(await screen.locator('[data-testid=scoreboard]').innerText()).toContain('机关党小组')
    await host.bringToFront()

    // A second projector window opened late catches up too.
    const late = await context.newPage()
    await late.goto('/meeting/screen')
    await late.locator('[data-testid=round-intro]').waitFor()
    await late.close()
    await host.bringToFront()

    // Advance to a question whose answer is not also part of its own wording.
    let answer = ''
    let prompt = ''
    for (let i = 0; i < 3 && !answer; i++) {
      const started = Date.now()
      await host.locator('[data-testid=next]').click()
      await screen.locator('[data-testid=prompt]').waitFor()
      prompt = await host.locator('[data-testid=prompt]').innerText()
      await expect.poll(() => screen.locator('[data-testid=prompt]').innerText()).toBe(prompt)
      if (i === 0) console.log(`host → screen: ${Date.now() - started} ms`)
      const text = (await host.locator('[data-testid=answer]').innerText()).replace('【答案】', '').trim()
      if (!prompt.includes(text)) answer = text
    }
    expect(answer, 'a question whose answer does not occur in its prompt').not.toBe('')
    const assertAnswerHidden = async () => {
      const html = await screen.content()
      expect(html).not.toContain(answer)
      expect(html).not.toContain('【答案】')
      expect(await screen.locator('[data-testid=answer], .option.correct').count()).toBe(0)
    }
    await assertAnswerHidden()

    // Timer: started on the host, counting on the screen from the synced start time.
    await host.locator('[data-testid=timer-toggle]').click()
    await expect.poll(async () => Number(await screen.locator('[data-testid=countdown]').getAttribute('data-seconds')), { timeout: 3000 }).toBeLessThan(30)

    // Score on the host; both windows show it.
    const active = host.locator('.team-row.active')
    await active.locator('[data-testid=score-right]').click()
    const teamIndex = await host.locator('.team-row').evaluateAll((rows) => rows.findIndex((row) => row.classList.contains('active')))
    const expected = ['100', '100', '100'].map((s, i) => (i === teamIndex ? '110' : s))
    await expect.poll(() => scores(screen, '[data-testid=scoreboard]')).toEqual(expected)
    expect(await scores(host, '[data-testid=team-panel]')).toEqual(expected)

    // Reload the projector mid-question: same question, same scores, countdown still running, answer still hidden.
    await screen.reload()
    await screen.locator('[data-testid=prompt]').waitFor()
    expect(await screen.locator('[data-testid=prompt]').innerText()).toBe(prompt)
    expect(await scores(screen, '[data-testid=scoreboard]')).toEqual(expected)
    const left = Number(await screen.locator('[data-testid=countdown]').getAttribute('data-seconds'))
    expect(left).toBeGreaterThan(0)
    expect(left).toBeLessThan(30)
    await assertAnswerHidden()
    await host.bringToFront()

    // Reveal: now, and only now, the room sees the answer.
    await host.locator('[data-testid=reveal]').click()
    await screen.locator('[data-testid=answer]').waitFor()
    expect(await screen.locator('[data-testid=answer]').innerText()).toContain(answer)

    // Undo the score: both windows go back.
    await host.locator('[data-testid=undo]').click()
    await expect.poll(() => scores(screen, '[data-testid=scoreboard]')).toEqual(['100', '100', '100'])
    expect(await scores(host, '[data-testid=team-panel]')).toEqual(['100', '100', '100'])

    // One screen only: the keyboard on the projector drives the quiz, and the host follows.
    const hostPosition = await host.locator('[data-testid=host-position]').innerText()
    await screen.bringToFront()
    await screen.keyboard.press('ArrowRight')
    await expect.poll(() => host.locator('[data-testid=host-position]').innerText()).not.toBe(hostPosition)
    expect(await screen.locator('[data-testid=answer]').count()).toBe(0)
    await screen.keyboard.press('2')
    await screen.keyboard.press('+')
    await expect.poll(() => scores(host, '[data-testid=team-panel]')).toEqual(['100', '110', '100'])
    await screen.keyboard.press('z')
    await expect.poll(() => scores(host, '[data-testid=team-panel]')).toEqual(['100', '100', '100'])
    await screen.keyboard.press('Shift+?')
    await screen.locator('[data-testid=shortcut-help]').waitFor()
    expect(await screen.locator('[data-testid=shortcut-help]').innerText()).toContain('公布答案')
    await screen.keyboard.press('Escape')
    expect(await screen.locator('[data-testid=shortcut-help]').count()).toBe(0)
    await screen.keyboard.press('1')
    await screen.keyboard.press('+')
    await expect.poll(() => scores(screen, '[data-testid=scoreboard]')).toEqual(['110', '100', '100'])

    // End: results on the host, the final ranking on the projector.
    await host.bringToFront()
    await host.locator('[data-testid=end]').click()
    await host.waitForURL(/\/meeting\/results$/)
    await screen.locator('[data-testid=screen-finale]').waitFor()
    expect(await screenText(screen)).toContain('机关党小组')
    expect(await host.locator('[data-testid=ranking] [data-testid=total]').allInnerTexts()).toEqual(['110', '100', '100'])
    const [download] = await Promise.all([host.waitForEvent('download'), host.locator('[data-testid=export-csv]').click()])
    const csv = readFileSync(await download.path(), 'utf8')
    expect(csv.startsWith('\uFEFF竞赛名称,')).toBe(true)
    expect(csv).toContain('1,机关党小组,110')

    expectNoErrors(errors)
    expectNoErrors(screenErrors)
  })

  it('prints the chosen questions as a paper quiz with a separate answer key', async () => {
    const { page, errors } = await session.newPage()
    await page.goto('/meeting')
    await expect.poll(() => page.locator('[data-testid=round-questions] li').count(), { timeout: 10_000 }).toBeGreaterThan(0)
    await page.goto('/meeting/paper')
    await page.locator('[data-testid=paper]').waitFor()
    const fill = page.locator('[data-testid=paper-fill]')
    expect(await fill.locator('h2').innerText()).toMatch(/填空题（共 \d+ 题）/)
    expect(await fill.locator('.item-prompt').first().innerText()).toContain('（\u3000\u3000\u3000）')
    expect(await page.locator('[data-testid=answer-key] h2').innerText()).toBe('【答案】')
    expectNoErrors(errors)
  })

  it('shows a waiting page on the projector when no quiz is running', async () => {
    const { page, errors } = await session.newPage()
    await page.goto('/meeting/screen')
    await page.locator('[data-testid=screen-waiting]').waitFor()
    expectNoErrors(errors)
  })
})
