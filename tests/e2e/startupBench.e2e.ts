import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import type { CDPSession, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useBrowser } from './support/browser'

/**
 * Start-up on a mid-range phone, as issue 20 measured it: 150 ms round trip, 1.6 Mbit/s, CPU
 * slowed 4×, cold cache, production build. A benchmark that prints its figures (quoted in the
 * README), not a timed assertion: the 2-core machine it runs on is shared.
 * Budget: home JS ≤ 100 KB gzip (what the page runs; the workers' index and cards are listed apart); no main-thread task over 200 ms during start-up; first search
 * results ≤ 1.5 s after navigation when typing starts at once, ≤ 300 ms once idle; a deep link's
 * passage in place ≤ 2.5 s.
 */
const session = useBrowser()
const RUNS = Number(process.env.STARTUP_RUNS ?? 3)
const DIST = process.env.E2E_DIST ?? 'dist'
// The issue's query (the engine reads it: the texts say 入党宣誓); STARTUP_QUERY=民主集中制 times words the texts hold as typed.
const QUERY = process.env.STARTUP_QUERY ?? '入党誓词'
// The issue's line is 1.6 Mbit/s; STARTUP_MBPS=0.4 is a weak county line, where the index is the longest wait.
const MBPS = Number(process.env.STARTUP_MBPS ?? 1.6)

async function throttle(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (MBPS * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 })
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  return cdp
}

/**
 * Installed before any page script: long tasks and paints from the first byte on, and the moments the page
 * reached each step. Steps are noted from the page itself (a mutation observer, a check every frame), not
 * by the test tool polling: its polling runs on the same slowed main thread and compiling its own helper
 * script there cost a start-up a few hundred milliseconds.
 */
const OBSERVE = `
  window.__longTasks = []
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([Math.round(e.startTime), Math.round(e.duration)]) }).observe({ type: 'longtask', buffered: true })
  window.__lcp = 0
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__lcp = Math.round(e.startTime) }).observe({ type: 'largest-contentful-paint', buffered: true })
  window.__seen = {}
  const note = (step) => {
    if (step in window.__seen) return
    window.__seen[step] = Math.round(performance.now())
    console.debug('study-garden-step', step, window.__seen[step])
  }
  const reading = location.pathname.startsWith('/read/')
  // On screen: in the page and painted (index.html's own header is in the page before its stylesheet has come).
  const painted = () => performance.getEntriesByType('paint').length > 0
  const check = () => {
    const box = document.querySelector('.header-search input')
    // The member taps the box the moment it is on screen.
    if (box && painted() && !('box' in window.__seen)) { note('box'); if (!reading) box.focus() }
    if (document.querySelector('.search-dropdown .result:not(.recent)')) note('results')
  }
  new MutationObserver(check).observe(document, { childList: true, subtree: true })
  // When the typed text reached the page (the test tool's keys take a round trip, and wait for a busy main thread).
  document.addEventListener('input', () => note('typed'), true)
  // The first paint changes no element: looked for each frame until the box is noted.
  const untilBox = () => { check(); if (!('box' in window.__seen)) requestAnimationFrame(untilBox) }
  requestAnimationFrame(untilBox)
  // A linked passage is in place once it sits below the header, in the upper half of the screen (checked each frame).
  const frame = () => {
    const el = document.getElementById(location.hash.slice(1))
    const header = document.querySelector('.app-header')
    if (el && header) {
      const top = el.getBoundingClientRect().top
      if (top >= header.getBoundingClientRect().bottom - 2 && top < window.innerHeight / 2) return note('inPlace')
    }
    requestAnimationFrame(frame)
  }
  if (reading && location.hash) requestAnimationFrame(frame)
`

/**
 * The steps a page notes (OBSERVE), as it logs them: listening costs the page nothing, whereas asking it
 * (page.evaluate every 25 ms) ran the test tool's wrapper script on the slowed main thread during start-up.
 */
function stepsOf(page: Page): (step: string) => Promise<number> {
  const noted = new Map<string, number>()
  const waiting = new Map<string, (at: number) => void>()
  page.on('console', (message) => {
    const [tag, step, at] = message.text().split(' ')
    if (tag !== 'study-garden-step' || !step) return
    noted.set(step, Number(at))
    waiting.get(step)?.(Number(at))
  })
  return (step) =>
    noted.has(step)
      ? Promise.resolve(noted.get(step)!)
      : new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`the page never reached "${step}"`)), 60_000)
          waiting.set(step, (at) => (clearTimeout(timer), resolve(at)))
        })
}

interface Run { jsGzipKB: number; workerJsGzipKB: number; fcp: number; lcp: number; longestTask: number; tasksOver200: number; boxReady: number; typedAt: number; firstResults: number; idleResults: number; deepLink: number }

async function coldStart(): Promise<Run> {
  const { page, context } = await session.newPage()
  await page.setViewportSize({ width: 390, height: 844 })
  await page.addInitScript(OBSERVE)
  await throttle(page)
  const workers: import('playwright-core').Worker[] = []
  page.on('worker', (worker) => workers.push(worker))

  // Home, typing the query as soon as the box accepts keys.
  const seen = stepsOf(page)
  await page.goto('/', { waitUntil: 'commit' })
  const box = page.locator('.header-search input')
  const boxReady = await seen('box')
  // Committed at once, as a pinyin input method commits a word: typed a character at a time, the results of
  // its first characters (入党 of 入党誓词) would count as the first results.
  await page.keyboard.insertText(QUERY)
  const firstResults = await seen('results')
  const typedAt = await seen('typed')
  await page.waitForTimeout(3000)
  // JS the page itself ran (a chunk both load counts on both sides), and what the workers (search, cards) fetched.
  const jsOf = (names: string[]) => names.map((name) => new URL(name).pathname).filter((path) => path.endsWith('.js'))
  const workerScripts: string[] = []
  for (const worker of workers) workerScripts.push(...jsOf([worker.url(), ...(await worker.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name)).catch(() => []))]))
  const homeScripts = jsOf(await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))).filter((path) => !workers.some((worker) => new URL(worker.url()).pathname === path))
  // STARTUP_TRACE=1: when each piece was asked for and arrived, on the page and in the workers (ms after navigation).
  const timings = () => [...performance.getEntriesByType('mark').map((mark) => `${mark.name} ${Math.round(mark.startTime)}`), ...performance.getEntriesByType('resource').map((e) => { const r = e as PerformanceResourceTiming; return `${Math.round(r.startTime)}–${Math.round(r.responseEnd)} ${new URL(r.name).pathname} ${r.encodedBodySize}` })]
  const waterfall = [...(await page.evaluate(timings)), '-- workers (ms after their start, which is given after navigation):']
  const pageOrigin = await page.evaluate(() => performance.timeOrigin)
  for (const worker of workers) {
    const started = await worker.evaluate(() => performance.timeOrigin).catch(() => pageOrigin)
    waterfall.push(`${worker.url()} started ${Math.round(started - pageOrigin)}`, ...(await worker.evaluate(timings).catch(() => [])))
  }
  const { fcp, lcp, tasks } = await page.evaluate(() => ({
    fcp: Math.round(performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0),
    lcp: (window as unknown as { __lcp: number }).__lcp,
    tasks: (window as unknown as { __longTasks: [number, number][] }).__longTasks,
  }))

  // Once idle: a new query, timed from its last key.
  await box.fill('')
  await page.waitForTimeout(500)
  await box.pressSequentially('三会一课', { delay: 60 })
  const lastKey = await page.evaluate(() => performance.now())
  await page.waitForFunction(() => [...document.querySelectorAll('.search-dropdown .result-snippet')].some((el) => el.textContent?.includes('三会一课')), undefined, { polling: 'raf' })
  const idleResults = Math.round((await page.evaluate(() => performance.now())) - lastKey)

  if (process.env.STARTUP_LIST) console.log([...homeScripts, '-- workers:', ...workerScripts].join('\n'))
  if (process.env.STARTUP_TRACE) console.log(waterfall.join('\n'), `\nlong tasks (start+duration): ${tasks.map(([start, duration]) => `${start}+${duration}`).join(' ')}`)
  // Closed first: its service worker starts precaching the whole app (1.9 MB) a few seconds after load, and the
  // preview server compressing that on the fly held the deep link's requests back by up to 1.4 s.
  await context.close()

  // A deep link in a fresh tab with a cold cache: the passage in place below the header.
  const { page: reader, context: readerContext } = await session.newPage()
  await reader.setViewportSize({ width: 390, height: 844 })
  await throttle(reader)
  await reader.addInitScript(OBSERVE)
  const readerSeen = stepsOf(reader)
  await reader.goto('/read/constitution#art-33', { waitUntil: 'commit' })
  const deepLink = await readerSeen('inPlace')
  if (process.env.STARTUP_TRACE) {
    const readerTasks = await reader.evaluate(() => (window as unknown as { __longTasks: [number, number][] }).__longTasks)
    console.log(`-- deep link:\n${(await reader.evaluate(timings)).join('\n')}\nlong tasks (start+duration): ${readerTasks.map(([start, duration]) => `${start}+${duration}`).join(' ')}`)
  }

  const gzipKB = (paths: string[]) => Math.round([...new Set(paths)].reduce((sum, path) => sum + gzipSync(readFileSync(`${DIST}${path}`)).length, 0) / 102.4) / 10
  await readerContext.close()
  return { jsGzipKB: gzipKB(homeScripts), workerJsGzipKB: gzipKB(workerScripts), fcp, lcp, longestTask: Math.max(0, ...tasks.map(([, duration]) => duration)), tasksOver200: tasks.filter(([, duration]) => duration > 200).length, boxReady, typedAt, firstResults, idleResults, deepLink }
}

describe('start-up on a throttled phone (benchmark)', () => {
  it(`prints the figures of ${RUNS} cold starts`, async () => {
    const runs: Run[] = []
    for (let i = 0; i < RUNS; i++) runs.push(await coldStart())
    const keys = Object.keys(runs[0]!) as (keyof Run)[]
    const lines = keys.map((key) => `${key.padEnd(13)} ${runs.map((r) => String(r[key]).padStart(7)).join(' ')}   (median ${[...runs.map((r) => r[key])].sort((a, b) => a - b)[Math.floor(runs.length / 2)]})`)
    console.log(`start-up, 150 ms RTT · ${MBPS} Mbit/s · CPU ×4, ${RUNS} runs, typing ${QUERY} (ms unless KB):\n${lines.join('\n')}`)
    expect(runs.every((r) => r.firstResults > 0 && r.deepLink > 0)).toBe(true)
  }, 600_000)
})
