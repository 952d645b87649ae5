import { describe, expect, it } from 'vitest'
import { formatBankText, formatBankXlsx } from '@/lib/bank/exportBank'
import { addToSets } from '@/lib/bank/importedSet'
import { parseBankText } from '@/lib/bank/parseText'
import { readBankFile } from '@/lib/bank/readBankFile'
import { importedQuestionId, type ImportedQuestion } from '@/lib/bank/toCard'

/** Test data written for this test (not from any paper), as the importer gives it: what a set keeps. */
const PAPER = `1、【测试】甲的期限为（ ）。
A．半年 B．一年 C．两年 D．三年
【答案】：B
【解析】：【测试】解析。
2、【测试】乙包括（ ）。
A．一
B．二
C．三
【答案】：AC
3、【测试】丙。（×）
4、【测试】丁为____。
【答案】：一年
5、【测试】戊是什么？
答：【测试】一句话的回答。
6、=HYPERLINK（"http://x"，"点我"）（ ）
A．+1
B．@SUM（A1）
【答案】：A`
const parsed = parseBankText(PAPER)
const kept: ImportedQuestion[] = parsed.questions.map((q, i) => ({ ...q, link: i ? null : { doc: 'constitution', anchor: 'art-7' }, clause: i ? null : '【测试】原文。' }))
const set = addToSets([], '支部题库.docx', kept, new Date(0)).set
const content = (q: { type: string; stem: string; options: string[]; answer: string; explanation?: string }) => ({ type: q.type, stem: q.stem, options: q.options, answer: q.answer, explanation: q.explanation })
const byType = <Q extends { type: string }>(qs: readonly Q[]) => [...qs].sort((a, b) => a.type.localeCompare(b.type))

describe('an imported set is exported again', () => {
  it('the test paper is read whole', () => {
    expect(parsed.errors).toEqual([])
    expect(kept.map((q) => q.type)).toEqual(['单选', '多选', '判断', '填空', '问答', '单选'])
  })

  it('as text the importer reads: the same questions, so the same card ids', () => {
    const back = parseBankText(formatBankText(set.questions))
    expect(back.errors).toEqual([])
    expect(byType(back.questions).map(content)).toEqual(byType(set.questions).map(content))
    expect(new Set(back.questions.map(importedQuestionId))).toEqual(new Set(set.questions.map(importedQuestionId)))
  })

  it('as .xlsx (text cells, no formulas) that the importer reads back to the same questions', async () => {
    const blob = await formatBankXlsx(set.questions)
    const bytes = await blob.arrayBuffer()
    expect(new TextDecoder().decode(new Uint8Array(bytes, 0, 2))).toBe('PK')
    const back = await readBankFile({ name: '支部题库（导出）.xlsx', size: bytes.byteLength, arrayBuffer: async () => bytes })
    expect(back.errors).toEqual([])
    expect(back.questions.map(content)).toEqual(set.questions.map(content))
    expect(back.questions.map(importedQuestionId)).toEqual(set.questions.map(importedQuestionId))
  })
})
