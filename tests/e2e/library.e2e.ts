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
    // Quoted: exact matches only (unquoted, search now offers closest matches from other texts).
    await page.locator('.header-search input').fill('“学习笔记按季度交党小组长检查”')
    await page.locator('.search-dropdown .search-state').filter({ hasText: '没有找到' }).waitFor()
    expectNoErrors(errors)
  })

  it('imports a .docx, and a broken file gets a clear message without changing the library', async () => {
    const { page, errors } = await session.newPage()
    await page.goto('/')
    await page.getByTestId('add-local').click()
    const chooser = page.locator('[data-testid=local-form] input[type=file]')
    await chooser.setInputFiles(fileURLToPath(new URL('../fixtures/broken.docx', import.meta.url)))
    await page.getByRole('alert').filter({ hasText: '损坏' }).waitFor()
    expect(await page.locator('.local-item').count()).toBe(0)

    await chooser.setInputFiles(fileURLToPath(new URL('../fixtures/branch-rules.docx', import.meta.url)))
    await expect.poll(() => page.locator('[data-testid=local-form] textarea').inputValue()).toContain('一、每月第一个周五下午集中学习。')
    await page.getByRole('button', { name: '加入书库' }).click()
    await page.locator('.local-item').filter({ hasText: 'branch-rules' }).waitFor()
    await page.locator('.local-item a').first().click()
    await page.locator('#item-2').waitFor()
    expect(await page.locator('#item-2').textContent()).toContain('党员因故不能参加学习的')
    expectNoErrors(errors)
  })
})
