import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject } from 'vitest'

/** Debian's chromium; never a browser downloaded by a test tool. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[]
  const found = candidates.find((path) => existsSync(path))
  if (!found) throw new Error('chromium not found: run `bash scripts/ensure-chromium.sh` (installs Debian’s chromium)')
  return found
}

export interface BrowserSession {
  browser: Browser
  baseURL: string
  /** A fresh context (its own storage) and page; console errors and page errors are collected. */
  newPage(options?: { offline?: boolean }): Promise<{ context: BrowserContext; page: Page; errors: string[] }>
}

/** One headless chromium per test file; every page's console errors fail its test via expectNoErrors. */
export function useBrowser(): BrowserSession {
  const session = { baseURL: inject('baseURL') } as BrowserSession
  let userDataDir = ''
  const contexts: BrowserContext[] = []
  beforeAll(async () => {
    userDataDir = mkdtempSync(join(tmpdir(), 'study-garden-e2e-'))
    session.browser = await chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    })
  })
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {})
    await session.browser?.close()
    rmSync(userDataDir, { recursive: true, force: true })
  })
  session.newPage = async () => {
    const context = await session.browser.newContext({ baseURL: session.baseURL, locale: 'zh-CN', viewport: { width: 1280, height: 900 } })
    contexts.push(context)
    const page = await context.newPage()
    const errors: string[] = []
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    page.on('pageerror', (error) => errors.push(String(error)))
    return { context, page, errors }
  }
  return session
}

export function expectNoErrors(errors: string[]): void {
  expect(errors, `console errors:\n${errors.join('\n')}`).toEqual([])
}
