import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { formatBankCsv, formatBankText } from '../../../src/lib/bank/exportBank'
import { parseBankSheet, parseCsv } from '../../../src/lib/bank/parseSheet'
import { parseBankText } from '../../../src/lib/bank/parseText'

const strip = (q: { type: string; stem: string; options: string[]; answer: string }) => ({ type: q.type, stem: q.stem, options: q.options, answer: q.answer })

describe('export a bank and import it again', () => {
  const paper = parseBankText(readFileSync(new URL('../../../scripts/bench/eval/bank/law-2017-inline.txt', import.meta.url), 'utf8')).questions
  const mixed = parseBankText('1、甲（ ）\nA.一\nB.二\n答案：AB\n2、乙。（√）\n3、丙____。\n答案：一年\n4、丁？\n答：第一行。\n第二行。').questions.concat(paper)

  it('the text format reads back to the same questions', () => {
    const back = parseBankText(formatBankText(mixed))
    expect(back.errors).toEqual([])
    const byType = (qs: typeof mixed) => [...qs].sort((a, b) => a.type.localeCompare(b.type)).map(strip)
    expect(byType(back.questions)).toEqual(byType(mixed).map((q) => ({ ...q, answer: q.answer.replace(/\n+/g, ' ') })))
  })

  it('CSV reads back, and a cell that Excel would run as a formula is written as text', () => {
    const hostile = [{ type: '单选' as const, stem: '=HYPERLINK("http://x","点我")', options: ['+1', '@SUM(A1)'], answer: 'A' }]
    const csv = formatBankCsv([...mixed, ...hostile])
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""点我"")"`)
    expect(csv).toContain(`'+1`)
    const back = parseBankSheet(parseCsv(csv))
    expect(back.errors).toEqual([])
    expect(back.questions.slice(0, mixed.length).map(strip)).toEqual(mixed.map(strip))
  })
})
