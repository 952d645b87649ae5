import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { expectNoErrors, useBrowser } from './support/browser'

const session = useBrowser()

describe('the branch’s own documents', () => {
  it('adds a pasted document, finds an item through search, keeps it across reload, deletes it', async () => {
    const { page, errors } = await session.newPage()
    await page.goto('/')
    await page.getByTestId('add-local').click()
    const form = page.getByTestId('local-form')
    await form.locator('input[type=text]').fill('支部学习守则（测试）')
    await form.locator('textarea').fill('支部学习守则\n一、每月集中学习不少于一次。\n二、学习笔记按季度交党小组长检查。\n三、无故缺席两次的，在组织生活会上作说明。')
    await form.getByRole('button', { name: '加入书库' }).click()
    await page.getByRole('status').filter({ hasText: '已加入' }).waitFor()
    await page.locator('.local-item').filter({ hasText: '支部学习守则（测试）' }).waitFor()

    const search = async () => {
      await page.locator('.header-search input').fill('学习笔记 党小组长')
      return page.locator('.search-dropdown .result').first()
    }
    let first = await search()
    await first.waitFor()
    expect(await first.locator('.result-doc').textContent()).toBe('支部学习守则（测试）')
    expect(await first.getAttribute('data-anchor')).toBe('item-2')

    await page.reload()
    await page.locator('.local-item').filter({ hasText: '支部学习守则（测试）' }).waitFor()
    first = await search()
    await first.waitFor()
    await first.click()
    await page.locator('#item-2.targeted').waitFor()
    expect(await page.locator('.reader-title').textContent()).toBe('支部学习守则（测试）')

    await page.goto('/')
    page.once('dialog', (dialog) => void dialog.accept())
    await page.locator('.local-item').filter({ hasText: '支部学习守则（测试）' }).getByRole('button', { name: '删除' }).click()
    await page.getByRole('status').filter({ hasText: '已删除' }).waitFor()
    // It lives on in the snapshot taken before, and the member is told so; the snapshot list names it.
    expect(await page.getByRole('status').filter({ hasText: '已删除' }).textContent()).toContain('快照中仍保存着它')
    await page.goto('/stats')
    await expect.poll(() => page.getByTestId('snapshots').textContent()).toContain('删除文档“支部学习守则（测试）”前')
    await page.goto('/')
    // Quoted: exact matches only (unquoted, search now offers closest matches from other texts).
    await page.locator('.header-search input').fill('“学习笔记按季度交党小组长检查”')
    await page.locator('.search-dropdown .search-state').filter({ hasText: '没有找到' }).waitFor()
    expectNoErrors(errors)
  })

  it('imports a .docx, and a broken file gets a clear message without changing the library', async () => {
    const { page, errors } = await session.newPage()
    const workers: string[] = []
    page.on('worker', (worker) => workers.push(worker.url()))
    await page.goto('/')
    await page.getByTestId('add-local').click()
    const chooser = page.locator('[data-testid=local-form] input[type=file]')
    await chooser.setInputFiles(fileURLToPath(new URL('../fixtures/broken.docx', import.meta.url)))
    await page.getByRole('alert').filter({ hasText: '损坏' }).waitFor()
    expect(await page.locator('.local-item').count()).toBe(0)

    await chooser.setInputFiles(fileURLToPath(new URL('../fixtures/branch-rules.docx', import.meta.url)))
    await expect.poll(() => page.locator('[data-testid=local-form] textarea').inputValue()).toContain('一、每月第一个周五下午集中学习。')
    expect(workers.filter((url) => /content\.worker/.test(url)), 'each file converted off the main thread').toHaveLength(2)
    await page.getByRole('button', { name: '加入书库' }).click()
    await page.locator('.local-item').filter({ hasText: 'branch-rules' }).waitFor()
    await page.locator('.local-item a').first().click()
    await page.locator('#item-2').waitFor()
    expect(await page.locator('#item-2').textContent()).toContain('党员因故不能参加学习的')
    expectNoErrors(errors)
  })
})

describe('hostile and clumsy input does not freeze or reject (issue 12)', () => {
  /** Longest main-thread task since the page loaded (Long Tasks API), in ms. */
  const watchLongTasks = () =>
    `window.__longest = 0; new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration) }).observe({ type: 'longtask', buffered: true })`

  it('a 290 000-character paste of 第一条 lines is parsed off the main thread once, and start-up does not parse it again', async () => {
    const { page, errors } = await session.newPage()
    const workers: string[] = []
    page.on('worker', (worker) => workers.push(worker.url()))
    await page.goto('/')
    const line = '第一条 党员必须坚持党和人民的利益高于一切。'
    const paste = Array.from({ length: Math.floor(290_000 / (line.length + 1)) }, () => line).join('\n')
    await page.getByTestId('add-local').click()
    const form = page.getByTestId('local-form')
    await form.locator('input[type=text]').fill('重复条文（测试）')
    // As a paste does it (playwright's fill types huge text far slower than any browser pastes it).
    await form.locator('textarea').evaluate((el: HTMLTextAreaElement, value: string) => {
      el.value = value
      el.dispatchEvent(new Event('input', { bubbles: true }))
    }, paste)
    await page.evaluate(watchLongTasks())
    const start = Date.now()
    await form.getByRole('button', { name: '加入书库' }).click()
    await page.getByRole('status').filter({ hasText: '已加入' }).waitFor()
    const addMs = Date.now() - start
    expect(workers.some((url) => /content\.worker/.test(url)), 'parsed in a worker').toBe(true)
    expect(await page.evaluate(() => (window as unknown as { __longest: number }).__longest)).toBeLessThan(1500) // ~480 ms measured with the search index loaded (it indexes in steps); the freeze was 72 s.
    expect(addMs).toBeLessThan(15_000)

    workers.length = 0
    await page.reload()
    await page.evaluate(watchLongTasks())
    await page.locator('.local-item').filter({ hasText: '重复条文（测试）' }).waitFor()
    await page.locator('.local-item a').first().click()
    await page.locator('#art-1-12608').waitFor()
    // Search and card workers start at every start-up; no content (parsing) worker may.
    expect(workers.filter((url) => /content\.worker/.test(url)), 'start-up reads the stored parsed form instead of parsing again').toEqual([])
    expectNoErrors(errors)
  })

  it('a WeChat #话题# line is kept as a paragraph; a Notepad “Unicode” file imports; a zip bomb is refused with its limit', async () => {
    const { page, errors } = await session.newPage()
    await page.goto('/')
    await page.getByTestId('add-local').click()
    const form = page.getByTestId('local-form')
    await form.locator('input[type=text]').fill('微信转来的学习要点')
    await form.locator('textarea').fill('#学习二十大#\n一、深入学习党的二十大精神。\n二、结合实际抓好落实。')
    await form.getByRole('button', { name: '加入书库' }).click()
    await page.getByRole('status').filter({ hasText: '已加入' }).waitFor()
    await page.locator('.local-item a').filter({ hasText: '微信转来的学习要点' }).click()
    await page.locator('#item-2').waitFor()
    expect(await page.locator('.reader').textContent()).toContain('#学习二十大#')
    await page.goto('/')

    await page.getByTestId('add-local').click()
    const chooser = page.locator('[data-testid=local-form] input[type=file]')
    const notepad = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('支部学习制度\r\n一、每月集中学习一次。\r\n', 'utf16le')])
    await chooser.setInputFiles({ name: '学习制度.txt', mimeType: 'text/plain', buffer: notepad })
    await expect.poll(() => page.locator('[data-testid=local-form] textarea').inputValue()).toBe('支部学习制度\n一、每月集中学习一次。')

    // Directory says 200 MB unpacked: refused before inflating, with the limit stated, in Chinese.
    const bomb = Buffer.from(readFileSync(fileURLToPath(new URL('../fixtures/branch-rules.docx', import.meta.url))))
    const end = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
    let at = bomb.readUInt32LE(end + 16)
    while (bomb.readUInt32LE(at) === 0x02014b50) {
      if (bomb.toString('utf8', at + 46, at + 46 + bomb.readUInt16LE(at + 28)) === 'word/document.xml') bomb.writeUInt32LE(200 * 1024 * 1024, at + 24)
      at += 46 + bomb.readUInt16LE(at + 28) + bomb.readUInt16LE(at + 30) + bomb.readUInt16LE(at + 32)
    }
    await chooser.setInputFiles({ name: '异常.docx', mimeType: 'application/octet-stream', buffer: bomb })
    const alert = page.getByRole('alert').filter({ hasText: '上限' })
    await alert.waitFor()
    expect(await alert.textContent()).toMatch(/解压后有 200 MB，超过 50 MB 的上限/)
    expectNoErrors(errors)
  })

  it('a version-1 library (no stored parsed forms) opens: its long document is parsed once, in a worker, then kept', async () => {
    const { page, errors } = await session.newPage()
    const workers: string[] = []
    page.on('worker', (worker) => workers.push(worker.url()))
    // A page of the same origin where the app does not run: write the database as version 1 left it.
    await page.route('**/v1-writer', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><link rel="icon" href="data:,"><title>v1</title>' }))
    await page.goto('/v1-writer')
    const text = Array.from({ length: 1500 }, (_, i) => `${i + 1}. 第${i + 1}段：支部学习记录，按时参加组织生活。`).join('\n')
    await page.evaluate(async (body: string) => {
      const open = indexedDB.open('study-garden-library', 1)
      open.onupgradeneeded = () => open.result.createObjectStore('documents', { keyPath: 'id' })
      const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)))
      const tx = db.transaction('documents', 'readwrite')
      tx.objectStore('documents').put({ id: 'local-v1doc-0001', title: '旧版本保存的文件', text: body, origin: '粘贴文本', addedAt: '2026-11-20T08:00:00.000Z', updatedAt: '2026-11-20T08:00:00.000Z' })
      await new Promise((resolve) => (tx.oncomplete = resolve))
      db.close()
    }, text)
    expect(text.length).toBeGreaterThan(20_000)
    await page.goto('/')
    await page.locator('.local-item').filter({ hasText: '旧版本保存的文件' }).waitFor()
    await page.goto('/read/local-v1doc-0001#item-1500')
    await page.locator('#item-1500').waitFor()
    expect(workers.filter((url) => /content\.worker/.test(url))).toHaveLength(1)
    await expect.poll(() => page.evaluate(() => new Promise<number>((resolve) => {
      const open = indexedDB.open('study-garden-library')
      open.onsuccess = () => {
        const db = open.result
        const count = db.objectStoreNames.contains('parsed') ? db.transaction('parsed').objectStore('parsed').count() : null
        if (!count) return resolve(-1)
        count.onsuccess = () => { resolve(count.result); db.close() }
      }
    }))).toBe(1)
    workers.length = 0
    await page.reload()
    await page.locator('#item-1500').waitFor()
    expect(workers.filter((url) => /content\.worker/.test(url))).toEqual([])
    expectNoErrors(errors)
  })
})
