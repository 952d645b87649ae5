import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../..', import.meta.url))

// The issue spells out this output: {questions:[{n, type, stem, options, answer, link:{doc, anchor}|null, flags}], errors:[{line, reason}]}.
describe('npm run -s import-bank -- --json FILE', () => {
  it('prints the contract: exactly these fields, in this order', { timeout: 120_000 }, () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/import-bank.ts', '--json', 'tests/fixtures/bank/bank.xlsx'], { cwd: root, encoding: 'utf8' })
    const result = JSON.parse(out) as { questions: Record<string, unknown>[]; errors: Record<string, unknown>[] }
    expect(Object.keys(result)).toEqual(['questions', 'errors'])
    for (const q of result.questions) {
      expect(Object.keys(q)).toEqual(['n', 'type', 'stem', 'options', 'answer', 'link', 'flags'])
      expect(['单选', '多选', '判断', '填空', '问答']).toContain(q.type)
      expect(q.link === null || Object.keys(q.link as object).join() === 'doc,anchor').toBe(true)
    }
    expect(result.questions[0]).toMatchObject({ n: 1, type: '单选', answer: 'A', link: { doc: 'constitution', anchor: 'art-39' } })
    expect(result.errors).toEqual([{ line: 6, reason: '第 6 行：第 5 题没有找到答案。' }])
  })
})
