import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

/**
 * The seed article must keep its text and paragraph breaks exactly. ../shared exists beside the
 * repository for developers and CI only; on a clone without it this check is skipped, not failed.
 */
const SEED = new URL('../../../../shared/seed/000_009233464bec04f9.txt', import.meta.url)
const CONTENT = new URL('../../../content/tibet-museum-branch.md', import.meta.url)

describe.skipIf(!existsSync(SEED))('the seed article', () => {
  it('is reproduced line for line; only the navigation and editor lines moved into front matter', () => {
    const seed = readFileSync(SEED, 'utf8').split('\n')
    const body = readFileSync(CONTENT, 'utf8').split('\n---\n').slice(1).join('\n---\n').split('\n')
    const text = body
      .filter((line) => !line.startsWith('<!--'))
      .map((line) => line.replace(/^#{1,6} /, '').replace(/ \{#[a-z0-9-]+\}$/, ''))
    const expected = seed.filter((line) => !line.startsWith('您的位置') && !line.startsWith('责编'))
    const trim = (lines: string[]) => lines.join('\n').trim().split('\n')
    expect(trim(text)).toEqual(trim(expected))
  })
})
