import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { FIRST_ANSWER_WAIT_MS } from '../../src/router/firstPageGate'
import { expectNoErrors, useBrowser } from './support/browser'

const session = useBrowser()

/**
 * Holds back the app shell's entry script (as a slow line does for about a second), so index.html's own
 * header is what the member sees and types into; `release` lets the app load and take over.
 */
async function holdApp(page: Page): Promise<{ release: () => void }> {
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  let first = true
  await page.route(/\/assets\/main-[\w-]+\.js$/, async (route) => {
    // Only the first page's: a page opened afterwards (Enter in the box) loads normally.
    if (first) {
      first = false
      await held
    }
    await route.continue()
  })
  return { release }
}

const appHeader = '.app-header:not([data-pre-shell])'

describe("index.html's header, before the app has loaded", () => {
  it('takes taps and typing at once; the app keeps what was typed, the focus and the caret, and answers it', async () => {
    const { page, errors } = await session.newPage()
    await page.setViewportSize({ width: 390, height: 844 })
    const { release } = await holdApp(page)
    // When the first results and the library's first card appeared.
    await page.addInitScript(() => {
      const seen: Record<string, number> = ((window as unknown as { __firstSeen: Record<string, number> }).__firstSeen = {})
      new MutationObserver(() => {
        if (!seen.results && document.querySelector('.app-header:not([data-pre-shell]) .search-dropdown .result')) seen.results = performance.now()
        if (!seen.library && document.querySelector('[data-testid=library] .doc-card')) seen.library = performance.now()
        if (!seen.app && document.querySelector('.app-header:not([data-pre-shell])')) seen.app = performance.now()
      }).observe(document, { childList: true, subtree: true })
    })
    await page.goto('/', { waitUntil: 'commit' })
    const early = page.locator('[data-pre-shell] input')
    await early.waitFor()
    // Painted with the page's stylesheet, as the app will paint it.
    const before = await page.locator('header[data-pre-shell]').boundingBox()
    expect(before?.height).toBeGreaterThan(40)
    expect(await page.locator('header[data-pre-shell] .brand').innerText()).toBe('学习园地')
    await early.click()
    await page.keyboard.type('民主集中')
    expect(await page.locator(appHeader).count()).toBe(0)

    release()
    await page.locator(appHeader).waitFor()
    const box = page.locator('.header-search input')
    expect(await box.inputValue()).toBe('民主集中')
    const focus = await page.evaluate(() => {
      const active = document.activeElement as HTMLInputElement | null
      return { input: active?.classList.contains('search-input'), start: active?.selectionStart, end: active?.selectionEnd }
    })
    expect(focus).toEqual({ input: true, start: 4, end: 4 })
    // Typing runs on from the caret (not select-all, which would replace 民主集中 with the next key).
    await page.keyboard.type('制')
    expect(await box.inputValue()).toBe('民主集中制')
    await page.locator('.search-dropdown .result', { hasText: '第十条' }).first().waitFor()
    // The answer came before the page below it (which waited for it, at most a second: a busy machine may
    // answer later than that), and the page came too.
    await page.locator('[data-testid=library] .doc-card').first().waitFor()
    const order = await page.evaluate(() => (window as unknown as { __firstSeen: Record<string, number> }).__firstSeen)
    const library = order.library ?? 0
    if (!(order.results! < library)) expect(library - (order.app ?? 0)).toBeGreaterThanOrEqual(950)
    // Nothing moved when the app's header replaced index.html's.
    const after = await page.locator(appHeader).boundingBox()
    expect(Math.abs((after?.height ?? 0) - (before?.height ?? 0))).toBeLessThanOrEqual(1)
    expectNoErrors(errors)
  })

  it('keeps the page below waiting for the engine when the texts do not hold what was typed, not for "the index is being built"', async () => {
    const { page, errors, context } = await session.newPage()
    const { release } = await holdApp(page)
    // The engine held back (its vocabulary): the texts say 入党宣誓, so the app's box can only say the index is coming.
    let releaseEngine = () => {}
    const engineHeld = new Promise<void>((resolve) => (releaseEngine = resolve))
    await context.route(/\/assets\/_virtual_search-vocabulary-[\w-]+\.js$/, async (route) => (await engineHeld, route.continue()))
    await page.addInitScript(() => {
      const seen: Record<string, number> = ((window as unknown as { __firstSeen: Record<string, number> }).__firstSeen = {})
      new MutationObserver(() => {
        if (!seen.results && document.querySelector('.app-header:not([data-pre-shell]) .search-dropdown .result')) seen.results = performance.now()
        if (!seen.library && document.querySelector('[data-testid=library] .doc-card')) seen.library = performance.now()
      }).observe(document, { childList: true, subtree: true })
    })
    await page.goto('/', { waitUntil: 'commit' })
    await page.locator('[data-pre-shell] input').fill('入党誓词')
    release()
    await page.locator(`${appHeader} .search-state`, { hasText: '正在载入检索索引' }).waitFor()
    await page.waitForTimeout(300)
    expect(await page.locator('[data-testid=library] .doc-card').count()).toBe(0)
    releaseEngine()
    await page.locator(`${appHeader} .search-dropdown .result`, { hasText: '第六条' }).first().waitFor()
    await page.locator('[data-testid=library] .doc-card').first().waitFor()
    const order = await page.evaluate(() => (window as unknown as { __firstSeen: Record<string, number> }).__firstSeen)
    expect(order.results).toBeLessThan(order.library!)
    expectNoErrors(errors)
  })

  it('lists the passages for what was typed, from the search worker, before the app has loaded; the app keeps them on screen', async () => {
    const { page, errors, context } = await session.newPage()
    await page.setViewportSize({ width: 390, height: 844 })
    const { release } = await holdApp(page)
    // The engine held back too (its vocabulary never comes, so no index is built), so the app's first answer,
    // from the texts, is the same as the box's.
    await context.route(/_virtual_search-vocabulary-[\w-]+\.js$/, () => new Promise(() => {}))
    // Every painted frame (looked at just before it is painted) once results were first shown: how many, and
    // where the first one stood.
    await page.addInitScript(() => {
      const frames: [count: number, top: number | null][] = ((window as unknown as { __resultFrames: [number, number | null][] }).__resultFrames = [])
      const look = () => {
        const results = document.querySelectorAll('.search-dropdown .result')
        if (results.length || frames.length) frames.push([results.length, results[0] ? Math.round(results[0].getBoundingClientRect().top) : null])
        requestAnimationFrame(look)
      }
      requestAnimationFrame(look)
    })
    await page.goto('/', { waitUntil: 'commit' })
    await page.locator('[data-pre-shell] input').click()
    await page.keyboard.type('民主集中制')
    const early = page.locator('header[data-pre-shell] .search-dropdown .result')
    await early.filter({ hasText: '第十条' }).first().waitFor()
    expect(await page.locator(appHeader).count()).toBe(0)
    // Marked as the app marks them, and leading where the app's results lead: the passage, with the query.
    expect(await early.first().locator('mark').first().innerText()).toBe('民主集中制')
    const href = new URL((await early.first().getAttribute('href'))!, 'http://x')
    expect(href.pathname).toMatch(/^\/read\/[\w-]+$/)
    expect(href.searchParams.get('q')).toBe('民主集中制')
    expect(href.hash).toMatch(/^#\S+/)
    const before = await early.evaluateAll((links) => links.map((link) => link.textContent))

    release()
    await page.locator(appHeader).waitFor()
    const later = page.locator(`${appHeader} .search-dropdown .result`)
    await later.first().waitFor()
    expect(await later.evaluateAll((links) => links.map((link) => link.textContent))).toEqual(before)
    expect(await page.locator('.search-dropdown a').first().getAttribute('href')).toBe(href.pathname + href.search + href.hash)
    // No frame painted without them while the app took over (no 正在载入检索索引…, no empty box), and they did not
    // move; the ones listed before the app have given way to the app's.
    await page.waitForTimeout(300)
    const frames = await page.evaluate(() => (window as unknown as { __resultFrames: [number, number | null][] }).__resultFrames)
    expect(frames.length).toBeGreaterThan(5)
    expect(frames.filter(([count]) => count === 0)).toEqual([])
    expect(new Set(frames.map(([, top]) => top)).size).toBe(1)
    expect(await page.locator('.search-dropdown').count()).toBe(1)
    expectNoErrors(errors)
  })

  it("answers words the texts do not hold as typed once the index is in, still before the app, and its links open the reader at the passage", async () => {
    const { page, errors } = await session.newPage()
    await holdApp(page)
    await page.goto('/', { waitUntil: 'commit' })
    await page.locator('[data-pre-shell] input').fill('入党誓词')
    // The texts say 入党宣誓: the engine reads the question (the app is still held back).
    const oath = page.locator('header[data-pre-shell] .search-dropdown .result', { hasText: '第六条' }).first()
    await oath.waitFor()
    const anchor = await oath.getAttribute('data-anchor')
    await oath.click()
    await page.waitForURL((url) => url.pathname.startsWith('/read/') && url.hash === `#${anchor}`)
    await page.locator(`[id="${anchor}"]`).waitFor()
    await page.waitForFunction((id) => {
      const top = document.getElementById(id!)?.getBoundingClientRect().top ?? -1
      return top >= 0 && top < innerHeight
    }, anchor)
    expectNoErrors(errors)
  })

  it('answers what was typed before its first script had run', async () => {
    const { page, errors } = await session.newPage()
    await holdApp(page)
    // The boot script (async) held back until the member has typed: on a quick line the box can be first.
    let releaseBoot = () => {}
    const bootHeld = new Promise<void>((resolve) => (releaseBoot = resolve))
    await page.route(/\/assets\/boot-[\w-]+\.js$/, async (route) => (await bootHeld, route.continue()))
    await page.goto('/', { waitUntil: 'commit' })
    await page.locator('[data-pre-shell] input').fill('民主集中制')
    expect(await page.evaluate(() => performance.getEntriesByName('study-garden:boot').length)).toBe(0)
    releaseBoot()
    await page.locator('header[data-pre-shell] .search-dropdown .result', { hasText: '第十条' }).first().waitFor()
    expectNoErrors(errors)
  })

  // Words the texts hold as typed are answered from the worker's own script; others (the texts say 入党宣誓) by the
  // engine, once the index is built from the texts, which needs the search's vocabulary.
  it.each([
    { query: '民主集中制', held: /\/assets\/search\.worker-[\w-]+\.js$/, found: '第十条', waiting: 'the search worker' },
    { query: '入党誓词', held: /\/assets\/_virtual_search-vocabulary-[\w-]+\.js$/, found: '第六条', waiting: 'the engine' },
  ])('the app takes over only once the answer to $query is listed, not in the middle of it ($waiting held back)', async ({ query, held, found }) => {
    const { page, errors, context } = await session.newPage()
    const { release } = await holdApp(page)
    // The answer held back too: the question is typed, then the app arrives before its answer.
    let releaseAnswer = () => {}
    const answerHeld = new Promise<void>((resolve) => (releaseAnswer = resolve))
    await context.route(held, async (route) => (await answerHeld, route.continue()))
    // When the app's entry ran, when index.html's box listed results, and when the app's header took its place.
    await page.addInitScript(() => {
      const seen: Record<string, number> = ((window as unknown as { __seen: Record<string, number> }).__seen = {})
      let started = false
      Object.defineProperty(window, 'studyGardenAppStarted', {
        get: () => started,
        set: (value: boolean) => ((started = value), (seen.entry ??= performance.now())),
      })
      new MutationObserver(() => {
        if (!seen.listed && document.querySelector('header[data-pre-shell] .search-dropdown .result')) seen.listed = performance.now()
        if (!seen.app && document.querySelector('.app-header:not([data-pre-shell])')) seen.app = performance.now()
      }).observe(document, { childList: true, subtree: true })
    })
    await page.goto('/', { waitUntil: 'commit' })
    await page.locator('[data-pre-shell] input').fill(query)
    release()
    await page.waitForFunction(() => window.studyGardenAppStarted === true)
    // The app has run its entry but waits (at most a second) for the answer it would otherwise hold back.
    await page.waitForTimeout(200)
    expect(await page.locator(appHeader).count()).toBe(0)
    releaseAnswer()
    await page.locator(appHeader).waitFor()
    const seen = await page.evaluate(() => (window as unknown as { __seen: Record<string, number> }).__seen)
    // The app waits at most FIRST_ANSWER_WAIT_MS from its entry: on a busy machine the answer (the engine's index
    // built after the release) can miss that bound, and then the app takes over without it, not before the bound.
    if (seen.listed !== undefined && seen.listed < seen.entry! + FIRST_ANSWER_WAIT_MS) expect(seen.listed).toBeLessThan(seen.app!)
    else expect(seen.app).toBeGreaterThanOrEqual(seen.entry! + FIRST_ANSWER_WAIT_MS)
    expect(await page.locator('.header-search input').inputValue()).toBe(query)
    await page.locator(`${appHeader} .search-dropdown .result`, { hasText: found }).first().waitFor()
    expectNoErrors(errors)
  })

  it('asks for what the first paint needs first: its policy, then the boot script and the stylesheets, then the shell', async () => {
    const { page } = await session.newPage()
    // The head as served (the page's own head is parsed bit by bit, and the app adds links to it once it runs).
    const html = await (await page.request.get(`${session.baseURL}/`)).text()
    await page.goto('/', { waitUntil: 'commit' })
    const head = await page.evaluate(
      (served) =>
        [...new DOMParser().parseFromString(served, 'text/html').head.children].flatMap((element) => {
          if (element.matches('meta[http-equiv=Content-Security-Policy]')) return ['policy']
          if (element.matches('script[type=module][async]')) return ['boot']
          if (element.matches('link[rel=stylesheet]')) return ['style']
          if (element.matches('script[type=module]:not([async]), link[rel=modulepreload]')) return ['shell']
          return []
        }),
      html,
    )
    // On HTTP/1.1 (six connections) a seventh request waits for a free one: the shell's four scripts come last.
    expect(head.join(' ')).toMatch(/^policy boot (style )+(shell ){3}shell$/)
  })

  it('what was typed there comes before the ?q= of the address the page was opened with', async () => {
    const { page, errors } = await session.newPage()
    const { release } = await holdApp(page)
    await page.goto('/search?q=' + encodeURIComponent('三会一课'), { waitUntil: 'commit' })
    await page.locator('[data-pre-shell] input').fill('四风')
    release()
    await page.locator(appHeader).waitFor()
    // The results page itself answers its address; the header box keeps the member's words.
    await page.locator('main .result', { hasText: '三会一课' }).first().waitFor()
    expect(await page.locator('.header-search input').inputValue()).toBe('四风')
    expectNoErrors(errors)
  })

  it('Enter before the app has loaded opens the results page for what was typed', async () => {
    const { page, errors } = await session.newPage()
    await holdApp(page)
    await page.goto('/', { waitUntil: 'commit' })
    await page.locator('[data-pre-shell] input').fill('三会一课')
    await page.keyboard.press('Enter')
    await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === '三会一课')
    await page.locator('main .result', { hasText: '三会一课' }).first().waitFor()
    expect(await page.locator('.header-search input').inputValue()).toBe('三会一课')
    expectNoErrors(errors)
  })

  it('waits for a word still being composed before the app replaces the box', async () => {
    const { page, errors } = await session.newPage()
    const { release } = await holdApp(page)
    await page.goto('/', { waitUntil: 'commit' })
    await page.locator('[data-pre-shell] input').click()
    const cdp = await page.context().newCDPSession(page)
    // A pinyin input method: "dangzhang" under composition, not yet committed.
    await cdp.send('Input.imeSetComposition', { text: 'dangzhang', selectionStart: 9, selectionEnd: 9 })
    release()
    // The app has loaded (its search box module is in) but holds the mount until the word is committed.
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => /\/assets\/main-[\w-]+\.js$/.test(entry.name)))
    await page.waitForTimeout(500)
    expect(await page.locator(appHeader).count()).toBe(0)
    await cdp.send('Input.insertText', { text: '党章' })
    await page.locator(appHeader).waitFor()
    expect(await page.locator('.header-search input').inputValue()).toBe('党章')
    expectNoErrors(errors)
  })

  it('says so when the app cannot be fetched (a dropped connection), instead of 正在载入… for ever', async () => {
    const { page } = await session.newPage()
    await page.route(/\/assets\/main-[\w-]+\.js$/, (route) => route.abort('internetdisconnected'))
    await page.goto('/', { waitUntil: 'commit' })
    await page.locator('main[data-pre-shell] [role=status]', { hasText: '未能载入' }).waitFor()
    expect(await page.locator('main[data-pre-shell] [role=status]').innerText()).toContain('请检查网络连接后刷新页面')
  })

  it('says 正在载入… while the app is still on its way, not that it could not be loaded', async () => {
    const { page, errors } = await session.newPage()
    const { release } = await holdApp(page)
    await page.goto('/', { waitUntil: 'commit' })
    const status = page.locator('main[data-pre-shell] [role=status]')
    await status.waitFor()
    // The page has been parsed and its first script has run; the app's entry is held back, as on a slow line.
    await page.waitForFunction(() => document.readyState !== 'loading' && performance.getEntriesByName('study-garden:boot').length > 0)
    await page.waitForTimeout(1000)
    expect(await status.innerText()).toBe('正在载入…')
    release()
    await page.locator(appHeader).waitFor()
    expectNoErrors(errors)
  })

  it('is not shown on the meeting projector, which has no header', async () => {
    // (/join, the phone page, is join.html wherever the server maps clean addresses: the meeting server does.)
    for (const [path, shown] of [['/meeting/screen', false], ['/study', true]] as const) {
      const { page, errors, context } = await session.newPage()
      const { release } = await holdApp(page)
      await page.goto(path, { waitUntil: 'commit' })
      await page.locator('header[data-pre-shell]').waitFor({ state: 'attached' })
      // Looked at once the page has painted (the boot script decides before its stylesheet lets it).
      await page.waitForFunction(() => performance.getEntriesByType('paint').length > 0)
      expect(await page.locator('header[data-pre-shell]').isVisible(), path).toBe(shown)
      release()
      await page.locator('header[data-pre-shell]').waitFor({ state: 'detached' })
      expectNoErrors(errors)
      await context.close()
    }
  })
})
