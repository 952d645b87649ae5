import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseDocument } from '../../src/lib/content/parseDocument'
import { officialCopy } from '../fixtures/officialCopy'
import { expectNoErrors, useBrowser } from './support/browser'

const session = useBrowser()
const load = (name: string) => parseDocument(name, readFileSync(fileURLToPath(new URL(`../../content/${name}`, import.meta.url)), 'utf8'))
const constitution = load('constitution.md')
const firstGap = constitution.passages.find((p) => p.incomplete)!.anchor

describe('用正式文本补全 / 核对', () => {
  it('a pasted copy fills the gaps, a changed passage is flagged and kept, filled text is found by search', async () => {
    const { page, errors } = await session.newPage()
    await page.goto('/read/constitution')
    await page.getByTestId('official-open').click()
    const panel = page.getByTestId('official-panel')

    // A different document is refused and changes nothing.
    await panel.locator('textarea').fill(officialCopy(load('integrity-code.md')))
    await panel.getByRole('button', { name: '逐段核对' }).click()
    await page.getByTestId('official-refused').waitFor()
    expect(await page.getByTestId('official-refused').textContent()).toContain('不像《中国共产党章程》')

    // TEST DATA (tests/fixtures/officialCopy.ts): the bundled text with labelled placeholder fills and one changed word.
    const workers: string[] = []
    page.on('worker', (worker) => workers.push(worker.url()))
    const copy = officialCopy(constitution, { change: { anchor: 'art-41', from: '留党察看最长不超过两年', to: '留党察看最长不超过三年' } })
    await panel.locator('textarea').fill(copy)
    await panel.getByRole('button', { name: '逐段核对' }).click()
    const review = page.getByTestId('official-review')
    await review.waitFor()
    // A whole copy is aligned off the main thread (a 5 MB paste took 5–7 s on the page).
    expect(copy.length).toBeGreaterThan(5_000)
    expect(workers.filter((url) => /content\.worker/.test(url))).toHaveLength(1)
    expect(await review.locator('[data-status=fills-gap]').count()).toBe(21)
    const differs = review.locator('[data-status=differs]')
    expect(await differs.count()).toBe(1)
    expect(await differs.getAttribute('data-anchor')).toBe('art-41')
    expect(await differs.locator('del').first().textContent()).toBe('两')
    expect(await differs.locator('ins').first().textContent()).toBe('三')

    await review.getByRole('button', { name: /确认补入/ }).click()
    await page.getByTestId('official-done').waitFor()
    // The difference was not chosen: the bundled wording stays.
    expect(await page.locator('#art-41').textContent()).toContain('留党察看最长不超过两年')
    expect(await page.locator(`#${firstGap} .official-mark`).textContent()).toContain('据本支部核对的正式文本补入')

    await page.locator('.header-search input').fill('测试补入的第3处')
    const first = page.locator('.search-dropdown .result').first()
    await first.waitFor()
    expect(await first.locator('.result-doc').textContent()).toBe('中国共产党章程')

    // Kept in this browser: after a reload the library card and the reader still show the filled text.
    await page.goto('/')
    const card = page.locator('.doc-card[data-doc=constitution] [data-testid=doc-gaps]')
    await expect.poll(() => card.textContent()).toContain('已据本支部核对的正式文本补全')
    await page.goto(`/read/constitution#${firstGap}`)
    await page.locator(`#${firstGap}`).waitFor()
    expect(await page.locator(`#${firstGap}`).textContent()).toContain('测试补入的第1处')
    expect(await page.locator('.gap-notice').count()).toBe(0)
    expectNoErrors(errors)
  })
})
