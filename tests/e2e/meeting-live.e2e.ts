import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startServer, type ServerProcess } from '../../server/harness'
import { expectNoErrors, useBrowser } from './support/browser'

/*
 * The live quiz in one browser: host window + projector (one laptop) and two phones (mobile
 * viewport, their own storage), against the real meeting server on 127.0.0.1.
 * E2E_SHOTS=<dir> saves screenshots for a look by eye.
 */
const session = useBrowser()
let server: ServerProcess
let data = ''
const shots = process.env.E2E_SHOTS

// A server of its own for each test, and for each attempt of one: a retry that met the first attempt's room
// (its phones' names taken) failed whatever the cause of the first failure.
beforeEach(async () => {
  data = mkdtempSync(join(tmpdir(), 'meeting-live-e2e-'))
  server = await startServer(data)
  if (shots) mkdirSync(shots, { recursive: true })
})
afterEach(async () => {
  await server?.stop('SIGTERM')
  rmSync(data, { recursive: true, force: true })
})

async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: join(shots, `${name}.png`) })
}

async function phone(url: string, name: string, team: string): Promise<{ context: BrowserContext; page: Page; errors: string[]; frames: string[] }> {
  const context = await session.browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 })
  const page = await context.newPage()
  const errors: string[] = []
  const frames: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(String(f.payload))))
  await page.goto(url)
  await page.locator('[data-testid=join-name]').fill(name)
  await page.locator('[data-testid=join-team]').selectOption({ label: team })
  await shot(page, `phone-join-${name}`)
  await page.locator('[data-testid=join-submit]').click()
  await page.locator('[data-testid=phone-me]').waitFor()
  return { context, page, errors, frames }
}

// One retry: after the merge of the live-quiz, show and start-up work, about 1 run in 5 on the 2-core
// machine stopped for 30 s waiting for a host button (a different step each time). The cause was not found;
// on 2026-12-06, 14 runs of this file in a row with no retry (load average 8–18) all passed, so the stall
// may be gone with a later fix. The retry stays until the full suite shows the same; a test that fails twice
// in a row still fails the run. 2026-12-07: it is not gone (about 1 run in 5 to 10, builds before and after
// that day's changes alike). Caught once with the host's websocket frames: after 下一题 the host sent
// {"t":"act","action":{"type":"next"}}, the server answered with a host view 38 ms later, and the host
// window still showed the round's opening page 1.5 s (and 30 s) after. Found the same day with the host's console
// in an instrumented build: the copy of the session the host window starts itself, a few ms after sending
// 'start', often started later than the server's; saved, it won every later save's merge (the later-started of
// two sessions is kept) and the merge put it back on screen after each server view. Now the server's views are
// stored as they are (saveServerSession), the host's own copy is not stored, and a linked window shows neither a
// merge nor a reload. Without retry: the build before, 4 stalls in 20 runs; with the reload guard alone, 2 in 51;
// with all of it, 0 in 23. The retry stays until the full suite has shown the same for a while.
describe('live quiz (phones answer through the meeting server)', { retry: 1 }, () => {
  it('joins two phones by the projector’s link, takes their answers, reveals, and scores on every screen', async () => {
    const base = `http://127.0.0.1:${server.port}`
    const context = await session.browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } })
    const host = await context.newPage()
    const errors: string[] = []
    host.on('pageerror', (e) => errors.push(String(e)))
    host.on('dialog', (d) => void d.accept())
    const screen = await context.newPage()
    const screenErrors: string[] = []
    screen.on('pageerror', (e) => screenErrors.push(String(e)))
    // Record what the projector is sent over BroadcastChannel (issue 12, item 15).
    await screen.addInitScript(() => {
      const seen: string[] = ((window as unknown as { __seen: string[] }).__seen = [])
      const Original = window.BroadcastChannel
      window.BroadcastChannel = class extends Original {
        constructor(name: string) {
          super(name)
          this.addEventListener('message', (e) => seen.push(`${name}:${JSON.stringify((e as MessageEvent).data)}`))
        }
      }
    })
    await screen.goto(`${base}/meeting/screen`)

    // The host opens the address the server printed, sets up a 全员答题 round of single choices.
    await host.bringToFront()
    await host.goto(`${base}/meeting#host=${server.hostSecret}`)
    await expect.poll(() => host.evaluate(() => location.hash)).toBe('')
    const first = host.locator('[data-testid=round-0]')
    await first.locator('[data-testid=round-kind]').selectOption('all')
    for (const box of await first.locator('input[type=checkbox]').all()) await box.setChecked((await box.getAttribute('data-testid')) === 'type-choice')
    await first.locator('[data-testid=round-count]').fill('2')
    await host.locator('[data-testid=draw-all]').click()
    await host.locator('[data-testid=start]').click()
    await host.waitForURL(/\/meeting\/host$/)
    await host.locator('[data-testid=live-panel]').waitFor()

    // The projector shows the QR code, the room code and the address to join.
    await screen.bringToFront()
    await screen.locator('[data-testid=join-qr]').waitFor()
    expect(await screen.locator('[data-testid=room-code]').innerText()).toBe(server.code)
    const joinUrl = await screen.locator('[data-testid=join-url]').innerText()
    expect(joinUrl).toBe(`${base}/join?room=${server.code}`)
    await shot(screen, 'screen-join')

    const teams = await host.locator('[data-testid=team-panel] .team-select').allInnerTexts()
    const a = await phone(joinUrl, '张三', teams[0]!.replace(/^\d\s*/, ''))
    const b = await phone(joinUrl, '李四', teams[1]!.replace(/^\d\s*/, ''))
    await expect.poll(() => screen.locator('[data-testid=joined-count]').innerText()).toBe('2')

    // First question: the host sees the answer; phones and projector do not.
    await host.bringToFront()
    await host.locator('[data-testid=next]').click()
    const answer = (await host.locator('[data-testid=answer]').innerText()).replace('【答案】', '')
    const letter = answer.slice(0, 1)
    const wrongLetter = letter === 'A' ? 'B' : 'A'
    for (const p of [a, b]) await p.page.locator('[data-testid=phone-prompt]').waitFor()
    await a.page.bringToFront()
    await a.page.locator('[data-testid=answer-option]', { hasText: new RegExp(`^${letter}\\s`) }).click()
    await a.page.locator('[data-testid=answer-sent]').waitFor()
    await shot(a.page, 'phone-answered')
    await b.page.bringToFront()
    await b.page.locator('[data-testid=answer-option]', { hasText: new RegExp(`^${wrongLetter}\\s`) }).click()
    await b.page.locator('[data-testid=answer-sent]').waitFor()
    await host.bringToFront()
    await expect.poll(async () => (await host.locator('[data-testid=live-counts]').textContent())?.replace(/\s+/g, ' ')).toContain('本题已作答 2 人')
    await screen.bringToFront()
    await expect.poll(async () => (await screen.locator('[data-testid=answered-count]').textContent())?.replace(/\s+/g, ' ')).toContain('已作答 2 / 2')
    // Nothing before reveal told a phone or the projector which option is right.
    for (const p of [a, b]) {
      expect(p.frames.join('\n')).not.toContain('"correct":true')
      expect(p.frames.join('\n')).not.toMatch(/"answer":/)
      expect(await p.page.locator('.option.correct, [data-testid=answer-verdict]').count()).toBe(0)
    }
    expect(await screen.locator('[data-testid=answer], .option.correct, [data-testid=live-leaderboard]').count()).toBe(0)
    for (const p of [a, b]) expect(await p.page.locator('[data-testid=phone-standing]').count()).toBe(0)

    await host.bringToFront()
    await host.locator('[data-testid=reveal]').click()
    await shot(host, 'host-revealed')
    await a.page.bringToFront()
    await expect.poll(() => a.page.locator('[data-testid=answer-verdict]').innerText()).toContain('回答正确')
    expect(await a.page.locator('[data-testid=phone-score]').innerText()).toBe('10')
    await shot(a.page, 'phone-revealed')
    await b.page.bringToFront()
    await expect.poll(() => b.page.locator('[data-testid=answer-verdict]').innerText()).toContain('回答错误')
    expect(await b.page.locator('[data-testid=phone-score]').innerText()).toBe('0')
    await screen.bringToFront()
    await screen.locator('[data-testid=distribution]').waitFor()
    // The leaderboard's team table stands in for the scoreboard after a reveal (same totals, ranked).
    const board = await screen.locator('[data-testid=leaderboard-team] strong').allInnerTexts()
    expect(board.slice(0, 2)).toEqual(['110', '100'])
    // The leaderboard after the reveal: members and teams, each with this question's change.
    const people = await screen.locator('[data-testid=leaderboard-person]').allInnerTexts()
    expect(people.map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([`1 张三${teams[0]!.replace(/^\d\s*/, '')} 10 +10`, `2 李四${teams[1]!.replace(/^\d\s*/, '')} 0 ±0`])
    expect((await screen.locator('[data-testid=leaderboard-team]').first().innerText()).replace(/\s+/g, ' ')).toContain('110 +10')
    await shot(screen, 'screen-revealed')
    await host.bringToFront()
    expect((await host.locator('[data-testid=team-panel] [data-testid=team-score]').allInnerTexts()).slice(0, 2)).toEqual(['110', '100'])
    await host.locator('[data-testid=live-leaderboard]').waitFor()
    await b.page.bringToFront()
    expect((await b.page.locator('[data-testid=phone-standing]').innerText()).replace(/\s+/g, ' ')).toBe('本题 0 分 · 个人排名第 2 / 2 名 · 累计 0 分')

    // A phone that reloads comes back to its seat with its score.
    await a.page.bringToFront()
    await a.page.reload()
    await expect.poll(() => a.page.locator('[data-testid=phone-score]').innerText()).toBe('10')

    // 抢答: phones are buzzers; the server's arrival order decides, the projector shows it.
    await host.bringToFront()
    // The server moves the quiz: each step waits for the host window to show the new position.
    const position = () => host.locator('[data-testid=host-position]').innerText()
    const step = async () => {
      const before = await position()
      await host.locator('[data-testid=next]').click()
      await expect.poll(position).not.toBe(before)
    }
    await step()
    await step()
    expect(await position()).toContain('抢答题')
    await step()
    // 抢答 opens when the host says so: the server's clock starts the window.
    await host.locator('[data-testid=live-open-buzz]').click()
    await b.page.bringToFront()
    await b.page.locator('[data-testid=buzz-wait]').waitFor({ state: 'detached' })
    await b.page.locator('[data-testid=buzzer]').click()
    await expect.poll(() => b.page.locator('[data-testid=buzzer]').innerText()).toBe('第 1 位')
    await a.page.bringToFront()
    await a.page.locator('[data-testid=buzzer]').click()
    await expect.poll(() => a.page.locator('[data-testid=buzzer]').innerText()).toBe('第 2 位')
    expect(await a.page.locator('[data-testid=buzz-first]').innerText()).toContain(teams[1]!.replace(/^\d\s*/, ''))
    await screen.bringToFront()
    await expect.poll(() => screen.locator('[data-testid=buzz-order] li').allInnerTexts()).toEqual([expect.stringContaining('李四'), expect.stringContaining('张三')])
    await shot(b.page, 'phone-buzzed')

    // 风险题: the answering team's leader picks the stake on the phone; the host sees it.
    await host.bringToFront()
    for (let i = 0; i < 10 && !(await position()).includes('风险题'); i++) await step()
    await step()
    await a.page.bringToFront()
    await a.page.locator('[data-testid=stake-30]').click()
    await host.bringToFront()
    await expect.poll(() => host.locator('[data-testid=host-stake-30]').getAttribute('aria-pressed')).toBe('true')
    await b.page.bringToFront()
    expect(await b.page.locator('[data-testid=stake]').innerText()).toContain('30 分')
    await shot(a.page, 'phone-stake')

    // The server is killed mid-question and restarted: every window reconnects by itself.
    await server.stop('SIGKILL')
    server = await startServer(data, { port: server.port })
    for (const p of [a, b]) {
      await p.page.bringToFront()
      await expect.poll(() => p.page.locator('[data-testid=stake]').count(), { timeout: 15_000 }).toBe(1)
      expect(await p.page.locator('[data-testid=stake]').innerText()).toContain('30 分')
    }
    expect(await a.page.locator('[data-testid=phone-score]').innerText()).toBe('10')
    await host.bringToFront()
    await expect.poll(() => host.locator('[data-testid=live-panel] .status').innerText(), { timeout: 15_000 }).toBe('已连接')

    // The projector was sent screen feeds only: never the session with its answers.
    const seen = await screen.evaluate(() => (window as unknown as { __seen: string[] }).__seen)
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.every((m) => m.startsWith('study-garden-meeting-screen:'))).toBe(true)
    expect(seen.join('\n')).not.toContain('"scoreLog"')

    // While the server was down, the browser itself logs each refused reconnection attempt.
    const real = (list: string[]) => list.filter((e) => !/^WebSocket connection to .* failed: .*ERR_CONNECTION_REFUSED/.test(e))
    expectNoErrors(real(errors))
    expectNoErrors(screenErrors)
    for (const p of [a, b]) {
      expectNoErrors(real(p.errors))
      await p.context.close()
    }
    await context.close()
  })

  it('plays a full meeting with 4 phones: a kick, a lock, a reconnect, a closed reveal, a false start, the final ranking', async () => {
    // A server of its own: a kick bans the phone's address, and every phone here is 127.0.0.1.
    const dir = mkdtempSync(join(tmpdir(), 'meeting-live-full-'))
    const own = await startServer(dir)
    try {
      const base = `http://127.0.0.1:${own.port}`
      const context = await session.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } })
      const host = await context.newPage()
      const errors: string[] = []
      host.on('pageerror', (e) => errors.push(String(e)))
      host.on('dialog', (d) => void d.accept())
      const screen = await context.newPage()
      await screen.goto(`${base}/meeting/screen`)
      await host.bringToFront()
      await host.goto(`${base}/meeting#host=${own.hostSecret}`)
      const first = host.locator('[data-testid=round-0]')
      await first.locator('[data-testid=round-kind]').selectOption('all')
      for (const box of await first.locator('input[type=checkbox]').all()) await box.setChecked((await box.getAttribute('data-testid')) === 'type-choice')
      await first.locator('[data-testid=round-count]').fill('1')
      await host.locator('[data-testid=round-1] [data-testid=round-count]').fill('1')
      await host.locator('[data-testid=draw-all]').click()
      await host.locator('[data-testid=start]').click()
      await host.waitForURL(/\/meeting\/host$/)
      await host.locator('[data-testid=live-panel]').waitFor()
      const joinUrl = `${base}/join?room=${own.code}`
      const teams = (await host.locator('[data-testid=team-panel] .team-select').allInnerTexts()).map((t) => t.replace(/^\d\s*/, ''))
      const a = await phone(joinUrl, '张三', teams[0]!)
      const b = await phone(joinUrl, '李四', teams[1]!)
      const c = await phone(joinUrl, '王五', teams[0]!)
      const d = await phone(joinUrl, '赵六', teams[1]!)
      // The lobby on the projector names who is in.
      await screen.bringToFront()
      await expect.poll(() => screen.locator('[data-testid=lobby]').innerText()).toContain('赵六')
      await host.bringToFront()
      await expect.poll(() => host.locator('[data-testid=live-player]').count()).toBe(4)

      // A kick: 赵六's seat goes, and the phone cannot come back as a new seat.
      await host.locator('[data-testid=live-panel] details summary').click()
      await host.locator('[data-testid=live-player]', { hasText: '赵六' }).locator('[data-testid=live-pick]').check()
      await host.locator('[data-testid=live-kick-picked]').click()
      await expect.poll(() => host.locator('[data-testid=live-player]').count()).toBe(3)
      await d.page.bringToFront()
      await expect.poll(() => d.page.locator('[data-testid=phone-message]').innerText()).toContain('移出')
      await d.page.locator('[data-testid=join-name]').fill('赵六二')
      await d.page.locator('[data-testid=join-submit]').click()
      await expect.poll(() => d.page.locator('[data-testid=phone-message]').innerText()).toContain('不能再次加入')

      // A lock: once everyone is in, a newcomer is told why it cannot join.
      await host.bringToFront()
      await host.locator('[data-testid=live-lock]').click()
      await expect.poll(() => host.locator('[data-testid=live-lock]').innerText()).toContain('已锁定')
      const late = await session.browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 } })
      const latePage = await late.newPage()
      await latePage.goto(joinUrl)
      await latePage.locator('[data-testid=join-name]').fill('钱七')
      await latePage.locator('[data-testid=join-submit]').click()
      await expect.poll(() => latePage.locator('[data-testid=phone-message]').innerText()).toContain('锁定')
      await late.close()

      // The 全员答题 question; 王五 taps while offline: shown as pending, sent on reconnection.
      await host.bringToFront()
      await host.locator('[data-testid=next]').click()
      const letter = (await host.locator('[data-testid=answer]').innerText()).replace('【答案】', '').slice(0, 1)
      for (const p of [a, c]) await p.page.locator('[data-testid=phone-prompt]').waitFor()
      await a.page.bringToFront()
      await a.page.locator('[data-testid=answer-option]', { hasText: new RegExp(`^${letter}\\s`) }).click()
      await a.page.locator('[data-testid=answer-sent]').waitFor()
      await c.page.bringToFront()
      await c.context.setOffline(true)
      await c.page.locator('[data-testid=answer-option]', { hasText: new RegExp(`^${letter}\\s`) }).click()
      await c.page.locator('[data-testid=answer-pending]').waitFor()
      await c.context.setOffline(false)
      await c.page.locator('[data-testid=answer-sent]').waitFor({ timeout: 30_000 })
      await host.bringToFront()
      await expect.poll(async () => (await host.locator('[data-testid=live-counts]').textContent())?.replace(/\s+/g, ' ')).toContain('本题已作答 2 人')

      // Reveal, then 收起答案: the question stays closed to 李四, who had not answered.
      await host.locator('[data-testid=reveal]').click()
      await host.locator('[data-testid=live-closed]').waitFor()
      await host.locator('[data-testid=reveal]').click()
      await b.page.bringToFront()
      await expect.poll(() => b.page.locator('[data-testid=answer-option]').first().isDisabled()).toBe(true)
      await host.bringToFront()
      expect((await host.locator('[data-testid=team-panel] [data-testid=team-score]').allInnerTexts()).slice(0, 2)).toEqual(['110', '100'])

      // 抢答: 李四 presses before the host opens it (a false start); 张三 wins after 开始抢答.
      const position = () => host.locator('[data-testid=host-position]').innerText()
      const onBuzzer = async () => /抢答题.*第 1 \//s.test(await position())
      for (let i = 0; i < 4 && !(await onBuzzer()); i++) {
        const before = await position()
        await host.locator('[data-testid=next]').click()
        await expect.poll(position).not.toBe(before)
      }
      expect(await onBuzzer()).toBe(true)
      // At 1280×800 the host reaches the scoring buttons and 开始抢答 without scrolling.
      for (const id of ['score-right', 'score-wrong', 'live-open-buzz']) {
        const box = await host.locator(`[data-testid=${id}]`).first().boundingBox()
        expect(box && box.y + box.height, id).toBeLessThanOrEqual(800)
      }
      await b.page.bringToFront()
      await b.page.locator('[data-testid=buzz-wait]').waitFor()
      await b.page.locator('[data-testid=buzzer]').click()
      await b.page.locator('[data-testid=buzz-false-start]').waitFor()
      await host.bringToFront()
      await expect.poll(() => host.locator('[data-testid=live-false-starts]').innerText()).toContain('李四')
      await host.locator('[data-testid=live-open-buzz]').click()
      await a.page.bringToFront()
      await a.page.locator('[data-testid=buzz-wait]').waitFor({ state: 'detached' })
      await a.page.locator('[data-testid=buzzer]').click()
      await expect.poll(() => a.page.locator('[data-testid=buzzer]').innerText()).toBe('第 1 位')

      // 结束竞赛: the host window leaves for the results; the projector shows the final ranking.
      await host.bringToFront()
      await host.locator('[data-testid=end]').click()
      await host.waitForURL(/\/meeting\/results$/)
      await screen.bringToFront()
      await screen.locator('[data-testid=screen-finale]').waitFor()
      expect(await screen.locator('.final-ranking li').first().innerText()).toContain(teams[0]!)
      expectNoErrors(errors)
      for (const p of [a, b, c, d]) await p.context.close()
      await context.close()
    } finally {
      await own.stop('SIGTERM')
      rmSync(dir, { recursive: true, force: true })
    }
  }, 180_000)
})
