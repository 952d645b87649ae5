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

describe('bankToMeetingQuestion', () => {
  it('keys become option texts; 判断 gets 正确/错误; the id depends on the content only', async () => {
    const { bankToMeetingQuestion } = await import('../../../src/lib/bank/toMeeting')
    const [single, multi, judged] = parseBankText('1、甲（ ）\nA.一\nB.二\n答案：B\n2、乙（ ）\nA.一\nB.二\nC.三\n答案：AC\n3、丙。（×）').questions.map((q) => ({ ...q, link: null, flags: [], notes: [] }))
    expect(bankToMeetingQuestion(single!, 'a.docx', null)).toMatchObject({ type: 'choice', answer: '二', options: ['一', '二'], docId: 'imported', heading: '导入：a.docx' })
    expect(bankToMeetingQuestion(multi!, 'a.docx', null).answer).toEqual(['一', '三'])
    expect(bankToMeetingQuestion(judged!, 'a.docx', null)).toMatchObject({ type: 'truefalse', answer: '错误', options: ['正确', '错误'] })
    expect(bankToMeetingQuestion(single!, 'b.xlsx', '原文').id).toBe(bankToMeetingQuestion(single!, 'a.docx', null).id)
  })
})
