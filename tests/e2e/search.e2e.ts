import { describe, expect, it } from 'vitest'
import type { Page, Worker } from 'playwright-core'
import { expectNoErrors, useBrowser } from './support/browser'

const session = useBrowser()

describe('search and read', () => {
  it('searches from the home page, opens a result, and the reader highlights the passage', async () => {
    const { page, errors } = await session.newPage()
    await page.goto('/')
    await expect.poll(() => page.locator('[data-testid=library] .doc-card').count()).toBeGreaterThan(0)
    await page.locator('.header-search input').fill('三会一课')
    const first = page.locator('.search-dropdown .result').first()
    await first.waitFor()
    expect(await first.locator('mark').first().textContent()).toBe('三会一课')
    await first.click()
    await page.waitForURL(/\/read\/[a-z-]+\?q=.*#/)
    const target = page.locator('.passage.targeted')
    await target.waitFor()
    expect(await target.locator('mark').first().textContent()).toBe('三会一课')
    expect(await target.isVisible()).toBe(true)
    expectNoErrors(errors)
  })

  it('focuses the search box with "/" and opens the first result with Enter', async () => {
    const { page, errors } = await session.newPage()
    await page.goto('/')
    await page.locator('.doc-card').first().waitFor()
    await page.keyboard.press('/')
    expect(await page.evaluate(() => document.activeElement?.classList.contains('search-input'))).toBe(true)
    await page.keyboard.type('党费')
    await page.locator('.search-dropdown .result').first().waitFor()
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/read\//)
    await page.locator('.passage.targeted mark').first().waitFor()
    expectNoErrors(errors)
  })

  it('ignores Enter while an input method is composing', async () => {
    const { page } = await session.newPage()
    await page.goto('/')
    await page.locator('.doc-card').first().waitFor()
    const input = page.locator('.header-search input')
    await input.fill('党费')
    await page.locator('.search-dropdown .result').first().waitFor()
    await input.dispatchEvent('keydown', { key: 'Enter', isComposing: true, keyCode: 229 })
    await page.waitForTimeout(200)
    expect(new URL(page.url()).pathname).toBe('/')
  })

  it('opens a deep link to an anchor and marks it', async () => {
    const { page, errors } = await session.newPage()
    await page.goto('/read/tibet-museum-branch#part-4-1')
    const target = page.locator('#part-4-1')
    await target.waitFor()
    expect(await target.getAttribute('class')).toContain('targeted')
    expectNoErrors(errors)
  })

  it('shows a helpful page for a missing document and a missing anchor', async () => {
    const { page } = await session.newPage()
    await page.goto('/read/no-such-document')
    await page.locator('[data-testid=not-found]').waitFor()
    expect(await page.locator('h1').textContent()).toContain('未找到文件')
    await page.goto('/read/tibet-museum-branch#no-such-anchor')
    await page.getByRole('alert').waitFor()
    expect(await page.getByRole('alert').textContent()).toContain('未找到链接所指的段落')
  })

  it('treats markup in the query as text', async () => {
    const { page, errors } = await session.newPage()
    await page.goto('/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%3Cimg%20src%3Dx%3E')
    await page.locator('.page-title').waitFor()
    expect(await page.locator('img[src=x]').count()).toBe(0)
    expectNoErrors(errors)
  })
})

describe('search as members ask', () => {
  it('types a question and opens the article that answers it', async () => {
    const { page, errors } = await session.newPage()
    await page.goto('/')
    await page.locator('.doc-card').first().waitFor()
    await page.locator('.header-search input').fill('党员受处分后能申诉吗')
    const results = page.locator('.search-dropdown .result')
    await results.first().waitFor()
    // Not the words as typed: the list says these are closest matches.
    expect(await page.locator('.search-dropdown [data-testid=closest-notice]').textContent()).toContain('近似结果')
    const anchors = await results.evaluateAll((items) => items.map((item) => item.getAttribute('data-anchor')))
    const index = anchors.indexOf('art-43')
    expect(index).toBeGreaterThanOrEqual(0)
    expect(index).toBeLessThan(5)
    await results.nth(index).click()
    await page.waitForURL(/\/read\/constitution\?q=.*#art-43$/)
    const target = page.locator('#art-43.targeted')
    await target.waitFor()
    expect(await target.locator('mark').allTextContents()).toContain('申诉')
    expectNoErrors(errors)
  })

  it('goes straight to a cited article: 党章第十条', async () => {
    const { page, errors } = await session.newPage()
    await page.goto('/')
    await page.locator('.doc-card').first().waitFor()
    await page.locator('.header-search input').fill('党章第十条')
    await page.locator('.search-dropdown .result').first().waitFor()
    expect(await page.locator('.search-dropdown .result').first().getAttribute('data-anchor')).toBe('art-10')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/read\/constitution.*#art-10$/)
    expectNoErrors(errors)
  })

  it('Esc clears the query itself, and the header box follows ?q=', async () => {
    const { page, errors } = await session.newPage()
    await page.goto('/')
    await page.locator('.doc-card').first().waitFor()
    const input = page.locator('.header-search input')
    await input.fill('四风')
    await page.locator('.search-dropdown .result').first().waitFor()
    await page.keyboard.press('Escape')
    expect(await input.inputValue()).toBe('')
    await page.keyboard.press('/')
    await page.keyboard.type('公款吃喝')
    expect(await input.inputValue()).toBe('公款吃喝')
    await page.goto('/search?q=三会一课')
    await page.locator('[data-testid=results] .result').first().waitFor()
    expect(await input.inputValue()).toBe('三会一课')
    expectNoErrors(errors)
  })

  it('screen readers follow ↑/↓: combobox, listbox, options and the active descendant', async () => {
    const { page, errors } = await session.newPage()
    await page.goto('/')
    await page.locator('.doc-card').first().waitFor()
    const input = page.locator('.header-search input')
    await input.fill('党费')
    await page.locator('.search-dropdown [role=option]').nth(1).waitFor()
    expect(await input.getAttribute('role')).toBe('combobox')
    expect(await input.getAttribute('aria-expanded')).toBe('true')
    expect(await page.locator(`#${await input.getAttribute('aria-controls')}`).getAttribute('role')).toBe('listbox')
    await page.keyboard.press('ArrowDown')
    const active = await input.getAttribute('aria-activedescendant')
    const option = page.locator(`#${active}`)
    expect(await option.getAttribute('role')).toBe('option')
    expect(await option.getAttribute('aria-selected')).toBe('true')
    expect(await page.locator('.search-dropdown [role=option][aria-selected=true]').count()).toBe(1)
    expectNoErrors(errors)
  })

  it('offers recent searches on an empty box', async () => {
    const { page, errors } = await session.newPage()
    await page.goto('/')
    await page.locator('.doc-card').first().waitFor()
    const input = page.locator('.header-search input')
    await input.fill('预备期多长时间')
    await page.locator('.search-dropdown .result').first().waitFor()
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/read\//)
    await page.goto('/')
    await page.locator('.doc-card').first().waitFor()
    await input.fill('')
    await input.focus()
    const recent = page.locator('.search-dropdown .result.recent')
    await recent.first().waitFor()
    expect(await recent.first().textContent()).toBe('预备期多长时间')
    await recent.first().click()
    expect(await input.inputValue()).toBe('预备期多长时间')
    expectNoErrors(errors)
  })

  it('loads the index at start-up, before the first keystroke', async () => {
    const { page, errors } = await session.newPage()
    const workers: Worker[] = []
    page.on('worker', (worker) => workers.push(worker))
    await page.goto('/')
    await page.locator('.doc-card').first().waitFor()
    // The engine is ready with no key pressed: its worker marks the moment it has loaded the index.
    const loaded = () => Promise.all(workers.map((w) => w.evaluate(() => performance.getEntriesByName('study-garden:search-loaded').length).catch(() => 0)))
    await expect.poll(async () => (await loaded()).some((n) => n > 0), { timeout: 20_000 }).toBe(true)
    // The page takes the worker's answer in a task of its own, right after.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)))
    // So a member who types now never sees 正在载入检索索引…: the first thing the box shows is results.
    await page.evaluate(() => {
      const w = window as unknown as { __sawLoading: boolean }
      w.__sawLoading = false
      new MutationObserver(() => {
        if (document.querySelector('.search-dropdown')?.textContent?.includes('正在载入检索索引')) w.__sawLoading = true
      }).observe(document.body, { childList: true, subtree: true, characterData: true })
    })
    const started = Date.now()
    await page.locator('.header-search input').fill('三会一课')
    await page.locator('.search-dropdown .result').first().waitFor()
    console.log(`first results ${Date.now() - started} ms after typing`)
    expect(await page.evaluate(() => (window as unknown as { __sawLoading: boolean }).__sawLoading)).toBe(false)
    expectNoErrors(errors)
  })

  it('answers from the texts while the index is still on its way, then with the engine', async () => {
    const { page, errors } = await session.newPage()
    // The engine is held back (its vocabulary, without which no index is built, as on a slow line); the texts are not.
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    let asked = false
    await page.context().route(/search-vocabulary/, async (route) => {
      asked = true
      await held
      await route.continue()
    })
    // The full results page says its list is in the texts' order, not yet the engine's.
    await page.goto('/search?q=' + encodeURIComponent('民主集中制'))
    await page.locator('.result-count', { hasText: '按原文找到' }).waitFor()
    expect(asked).toBe(true)
    expect(await page.locator('main .result', { hasText: '第十条' }).count()).toBeGreaterThan(0)

    await page.goto('/')
    const box = page.locator('.header-search input')
    const dropdown = page.locator('.search-dropdown')
    await box.fill('民主集中制')
    await dropdown.locator('.result', { hasText: '第十条' }).first().waitFor()
    // What only the engine can read (the texts say 入党宣誓) waits for it, and says so; never 没有找到.
    await box.fill('入党誓词')
    await dropdown.locator('.search-state', { hasText: '正在载入检索索引' }).waitFor()
    expect(await dropdown.innerText()).not.toContain('没有找到')
    release()
    await dropdown.locator('.result', { hasText: '第六条' }).first().waitFor()
    expectNoErrors(errors)
  })

  // What the dropdown said, from the first keystroke on: 没有找到 is a verdict, and only the answer to what was
  // typed may give it.
  const watchForNothingFound = (page: Page) =>
    page.evaluate(() => {
      const w = window as unknown as { __saidNothing: boolean }
      w.__saidNothing = false
      new MutationObserver(() => {
        if (document.querySelector('.search-dropdown')?.textContent?.includes('没有找到')) w.__saidNothing = true
      }).observe(document.body, { childList: true, subtree: true, characterData: true })
    })
  const saidNothing = (page: Page) => page.evaluate(() => (window as unknown as { __saidNothing: boolean }).__saidNothing)

  it('says nothing while a new question is on its way, rather than 没有找到', async () => {
    const { page, errors } = await session.newPage()
    await page.goto('/')
    await page.locator('.doc-card').first().waitFor()
    await watchForNothingFound(page)
    await page.locator('.header-search input').fill('民主集中制')
    await page.locator('.search-dropdown .result', { hasText: '第十条' }).first().waitFor()
    expect(await saidNothing(page)).toBe(false)
    expectNoErrors(errors)
  })

  it('answers on the page when the search worker dies with a question open, never saying 没有找到 meanwhile', async () => {
    const { page } = await session.newPage()
    // The search worker fails as a worker whose script could not be fetched does, just as the first question
    // goes to it (the question never reaches it).
    await page.addInitScript(() => {
      const Real = window.Worker
      window.Worker = class extends Real {
        override postMessage(message: unknown, options?: Transferable[] | StructuredSerializeOptions): void {
          const kind = (message as { request?: { kind?: string } }).request?.kind
          if (kind === 'answer') return void this.dispatchEvent(new ErrorEvent('error', { message: 'search worker failed' }))
          super.postMessage(message, options as StructuredSerializeOptions)
        }
      }
    })
    // The engine is held back (its vocabulary), so the question is one the worker would answer from the texts.
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.context().route(/search-vocabulary/, async (route) => {
      await held
      await route.continue()
    })
    await page.goto('/')
    await page.locator('.doc-card').first().waitFor()
    await watchForNothingFound(page)
    await page.locator('.header-search input').fill('民主集中制')
    await page.waitForTimeout(500)
    release()
    await page.locator('.search-dropdown .result', { hasText: '第十条' }).first().waitFor()
    expect(await saidNothing(page)).toBe(false)
  })

  it('starts the search with the page on 书库, but lets a linked text come first', async () => {
    const { page, errors } = await session.newPage()
    const requested: string[] = []
    page.on('request', (request) => requested.push(new URL(request.url()).pathname))
    await page.goto('/read/constitution#art-33')
    await page.locator('#art-33').waitFor()
    expect(await page.evaluate(() => window.studyGardenSearchWorker?.startedEarly)).toBe(false)
    // The boot script asked for the reader and the texts itself, before the shell had run.
    const preloaded = await page.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((link) => link.href))
    expect(preloaded.some((href) => href.includes('study-corpus'))).toBe(true)
    expect(preloaded.some((href) => href.includes('ReaderView'))).toBe(true)
    const corpus = requested.findIndex((path) => path.includes('study-corpus'))
    const engine = requested.findIndex((path) => path.includes('search-vocabulary'))
    expect(corpus).toBeGreaterThanOrEqual(0)
    if (engine >= 0) expect(engine).toBeGreaterThan(corpus)

    await page.goto('/')
    expect(await page.evaluate(() => window.studyGardenSearchWorker?.startedEarly)).toBe(true)
    // The boot script is the page's first script, ahead of the app shell's.
    const scripts = await page.evaluate(() => [...document.querySelectorAll('script[src]')].map((el) => el.getAttribute('src') ?? ''))
    expect(scripts[0]).toMatch(/\/assets\/boot-[\w-]+\.js$/)
    await page.locator('.header-search input').fill('入党誓词')
    await page.locator('.search-dropdown .result').first().waitFor()
    expectNoErrors(errors)
  })

  it('shows no "/" key hint on a touch screen', async () => {
    const context = await session.browser.newContext({ baseURL: session.baseURL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    try {
      const page = await context.newPage()
      await page.goto('/')
      const placeholder = await page.locator('.header-search input').getAttribute('placeholder')
      expect(placeholder).toBeTruthy()
      expect(placeholder).not.toContain('/')
      // Nor does the page's own text tell a phone to press a key.
      expect(await page.locator('main').innerText()).not.toMatch(/按\s*\/\s*键/)
    } finally {
      await context.close()
    }
  })
})

describe('offline', () => {
  it('works with no network after the first visit: reload, search, read', async () => {
    const { context, page, errors } = await session.newPage()
    await page.goto('/')
    // The service worker takes control and precaches every chunk, the corpus and the search's vocabulary.
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready
      return registration.active?.state
    })
    await expect.poll(() => page.evaluate(async () => (await caches.keys()).length), { timeout: 20_000 }).toBeGreaterThan(0)
    await expect
      .poll(() => page.evaluate(async () => {
        const names = await caches.keys()
        const lists = await Promise.all(names.map(async (n) => (await (await caches.open(n)).keys()).map((r) => r.url)))
        return lists.flat().filter((url) => url.includes('search-vocabulary')).length
      }), { timeout: 20_000 })
      .toBeGreaterThan(0)
    await context.setOffline(true)
    await page.reload()
    await page.locator('.doc-card').first().waitFor()
    await page.locator('.header-search input').fill('预备党员')
    await page.locator('.search-dropdown .result').first().click()
    await page.locator('.passage.targeted mark').first().waitFor()
    await page.goto('/read/constitution#art-7')
    await page.locator('#art-7.targeted').waitFor()
    await context.setOffline(false)
    expectNoErrors(errors)
  })
})

describe('reading comfort and filters', () => {
  it('remembers the reader font size across reloads', async () => {
    const { page, errors } = await session.newPage()
    await page.goto('/read/integrity-code')
    const text = page.locator('.reader-text')
    await text.waitFor()
    const before = await text.evaluate((el) => getComputedStyle(el).fontSize)
    await page.getByRole('button', { name: '增大字号' }).click()
    await page.getByRole('button', { name: '增大字号' }).click()
    const after = await text.evaluate((el) => getComputedStyle(el).fontSize)
    expect(parseFloat(after)).toBeGreaterThan(parseFloat(before))
    await page.reload()
    await text.waitFor()
    expect(await text.evaluate((el) => getComputedStyle(el).fontSize)).toBe(after)
    expectNoErrors(errors)
  })

  it('filters results by document on the search page', async () => {
    const { page, errors } = await session.newPage()
    await page.goto('/search?q=党员')
    await page.locator('[data-testid=results] .result').first().waitFor()
    const docsOf = () => page.locator('[data-testid=results] .result-doc').allTextContents()
    expect(new Set(await docsOf()).size).toBeGreaterThan(1)
    await page.locator('.doc-filter').selectOption('integrity-code')
    await expect.poll(async () => [...new Set(await docsOf())]).toEqual(['中国共产党廉洁自律准则'])
    expect(page.url()).toContain('doc=integrity-code')
    expectNoErrors(errors)
  })
})

describe('honest answers and the header box (issue #17)', () => {
  it('the header box replaces its query when searched again, instead of running on from it', async () => {
    const { page, errors } = await session.newPage()
    await page.goto('/')
    await page.locator('.doc-card').first().waitFor()
    const input = page.locator('.header-search input')
    await input.fill('入党誓词')
    await page.locator('.search-dropdown .result').first().waitFor()
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/read\//)
    await expect.poll(() => input.inputValue()).toBe('入党誓词')
    await input.click()
    await page.keyboard.type('中纪委')
    expect(await input.inputValue()).toBe('中纪委')
    await page.locator('.search-dropdown .result').first().waitFor()
    expectNoErrors(errors)
  })

  it('says 书库中没有直接回答 for an off-topic question, and that an article does not exist', async () => {
    const { page, errors } = await session.newPage()
    await page.goto('/')
    await page.locator('.doc-card').first().waitFor()
    const input = page.locator('.header-search input')
    await input.fill('今天天气怎么样')
    const notice = page.locator('.search-dropdown [data-testid=search-notice]')
    await notice.waitFor()
    expect(await notice.getAttribute('data-kind')).toBe('no-answer')
    expect(await notice.textContent()).toContain('书库中没有直接回答')
    expect(await page.locator('.search-dropdown .result').count()).toBe(0)
    await input.fill('党章第六十条')
    await expect.poll(() => notice.textContent()).toContain('共五十五条，没有第六十条')
    expect(await page.locator('.search-dropdown .result').count()).toBe(0)
    expectNoErrors(errors)
  })

  it('says which paragraph holds an answer that is not reproduced, and leads to it to fill it in', async () => {
    const { page, errors } = await session.newPage()
    await page.goto('/search?q=社会主要矛盾')
    const notice = page.locator('main [data-testid=search-notice]')
    await notice.waitFor()
    expect(await notice.getAttribute('data-kind')).toBe('gap')
    expect(await notice.textContent()).toContain('总纲第十一自然段')
    await notice.locator('a').click()
    await page.waitForURL(/\/read\/constitution#general-11$/)
    const gap = page.locator('.gap-notice.targeted')
    await gap.waitFor()
    expect(await gap.textContent()).toContain('原文暂缺')
    expectNoErrors(errors)
  })

  it('highlights in the reader what pinyin initials and short forms stood for', async () => {
    const { page, errors } = await session.newPage()
    await page.goto('/')
    await page.locator('.doc-card').first().waitFor()
    await page.locator('.header-search input').fill('dyyw')
    await page.locator('.search-dropdown .result').first().waitFor()
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/read\/constitution\?q=dyyw#art-3/)
    const marks = page.locator('.passage.targeted mark')
    await marks.first().waitFor()
    expect(await marks.allTextContents()).toEqual(expect.arrayContaining(['党员', '义务']))
    await page.goto('/read/constitution?q=中纪委#art-45')
    await page.locator('.passage.targeted mark').first().waitFor()
    expect(await page.locator('.passage.targeted mark').first().textContent()).toBe('中央纪律检查委员会')
    expectNoErrors(errors)
  })
})
