import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectNoErrors, useBrowser } from './support/browser'

const session = useBrowser()

/**
 * Two builds of the app at one address: build A (the tested build, E2E_DIST or dist/) and build B (the same
 * source built again with VITE_BUILD_ID=e2e-b, as a deploy would replace it). A small static server serves
 * whichever is current, with the cache headers the README asks for.
 */
const buildA = resolve(process.env.E2E_DIST ?? 'dist')
let buildB = ''
let current = buildA
let server: Server
let baseURL = ''

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2',
}

beforeAll(async () => {
  buildB = mkdtempSync(join(tmpdir(), 'study-garden-build-b-'))
  const built = spawnSync('npx', ['vite', 'build', '--configLoader', 'runner', '--outDir', buildB, '--emptyOutDir', '--logLevel', 'error'], {
    env: { ...process.env, VITE_BUILD_ID: 'e2e-b', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    encoding: 'utf8',
    timeout: 240_000,
  })
  if (built.status !== 0) throw new Error(`second build failed:\n${built.stderr}`)
  server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '')
    let file = join(current, path)
    if (!file.startsWith(current) || !existsSync(file) || statSync(file).isDirectory()) file = join(current, 'index.html')
    response.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': file.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    })
    response.end(readFileSync(file))
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('no port')
  baseURL = `http://127.0.0.1:${address.port}`
}, 300_000)

afterAll(async () => {
  await new Promise((done) => server?.close(done))
  if (buildB) rmSync(buildB, { recursive: true, force: true })
})

describe('updates reach an open tab (issue 12, item 13)', () => {
  it('a tab opened on build A is offered 有新版本，点击更新 once B is deployed, and runs B after the click', async () => {
    const context = await session.browser.newContext({ baseURL, locale: 'zh-CN', viewport: { width: 390, height: 844 } })
    try {
      const page = await context.newPage()
      const errors: string[] = []
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()))
      page.on('pageerror', (error) => errors.push(String(error)))
      current = buildA
      await page.goto('/')
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))
      await page.reload() // as a member who has used the app before: the page is served by the service worker
      await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)
      expect(await page.evaluate(() => document.documentElement.dataset.build)).toBe('')
      expect(await page.getByTestId('update-prompt').count()).toBe(0)

      // A projector window of a meeting, open on A in the same browser.
      const screen = await context.newPage()
      await screen.goto('/meeting/screen')
      await screen.evaluate(() => ((window as unknown as { loadedOnce: boolean }).loadedOnce = true))

      current = buildB
      // The tab comes back into view (as after switching apps), which is when it looks for a new version.
      await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')))
      await screen.evaluate(() => document.dispatchEvent(new Event('visibilitychange')))
      const prompt = page.getByRole('button', { name: '有新版本，点击更新' })
      await prompt.waitFor({ timeout: 30_000 })
      // Offered, not forced: until the member clicks, the tab keeps running A.
      expect(await page.evaluate(() => document.documentElement.dataset.build)).toBe('')
      await page.screenshot({ path: join(tmpdir(), 'study-garden-update-prompt-phone.png') })
      await page.setViewportSize({ width: 1366, height: 768 })
      await page.screenshot({ path: join(tmpdir(), 'study-garden-update-prompt-desktop.png') })

      await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), prompt.click()])
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.build), { timeout: 15_000 }).toBe('e2e-b')
      await page.locator('[data-testid=add-local]').waitFor()
      expect(await page.getByTestId('update-prompt').count()).toBe(0)
      // The update accepted in the first tab did not reload the projector under the meeting.
      await page.waitForTimeout(2_000)
      expect(await screen.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce)).toBe(true)
      expect(await screen.evaluate(() => document.documentElement.dataset.build)).toBe('')
      expectNoErrors(errors)
    } finally {
      await context.close()
    }
  })
})
