import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseBankSheet, parseCsv } from '../../../src/lib/bank/parseSheet'
import { BANK_LIMITS, readBankFile, readBankText } from '../../../src/lib/bank/readBankFile'
import { ImportError } from '../../../src/lib/content/localDocument'

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/bank/${name}`, import.meta.url)))
function file(name: string, content: Uint8Array | string, size?: number) {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content
  return { name, size: size ?? bytes.byteLength, arrayBuffer: async () => bytes.slice().buffer }
}
async function refused(promise: Promise<unknown>, message: RegExp) {
  const error = await promise.then(() => null, (e: unknown) => e)
  expect(error).toBeInstanceOf(ImportError)
  expect((error as Error).message).toMatch(message)
}

describe('readBankFile', () => {
  it('.docx through mammoth: full-width options, 【答案】：, a section header, a key in brackets', async () => {
    const bank = await readBankFile(file('bank.docx', fixture('bank.docx')))
    expect(bank.questions.map((q) => [q.type, q.stem, q.options, q.answer])).toEqual([
      ['单选', '预备党员的预备期为（　）', ['半年', '一年', '一年半', '两年'], 'B'],
      ['判断', '党员有退党的自由。', [], '正确'],
    ])
    expect(bank.errors).toEqual([])
  })

  it('.xlsx with a 题型/题干/选项A…/答案 header: formulas read as their value, markup as text, a row without key reported by row', async () => {
    const bank = await readBankFile(file('bank.xlsx', fixture('bank.xlsx')))
    expect(bank.questions.map((q) => [q.line, q.type, q.stem, q.answer])).toEqual([
      [2, '单选', '党的纪律是党的各级组织和全体党员必须遵守的（　）', 'A'],
      [3, '多选', '党的纪律主要包括（　）', 'ABCD'],
      [4, '判断', '<img src=x onerror=alert(1)>党员有退党的自由。', '正确'],
      [5, '单选', '预备党员的预备期为（　）', 'B'],
    ])
    expect(bank.errors).toEqual([{ line: 6, reason: '第 6 行：第 5 题没有找到答案。' }])
  })

  it('an .xlsx that unpacks to 60 MB is refused before the reader inflates it', async () => {
    const started = performance.now()
    await refused(readBankFile(file('bomb.xlsx', fixture('bomb.xlsx'))), /解压后超过 50 MB 的上限/)
    expect(performance.now() - started).toBeLessThan(5000)
  })

  it('a 50 MB sheet is refused unread; other types and broken files get a Chinese message', async () => {
    await refused(readBankFile(file('big.xlsx', 'x', 50 * 1024 * 1024)), /超过 10 MB 的上限，未读取/)
    await refused(readBankFile(file('old.xls', 'x')), /另存为 \.xlsx/)
    await refused(readBankFile(file('fake.xlsx', 'not a zip')), /不是有效的 Excel/)
    await refused(readBankFile(file('empty.txt', '')), /空文件/)
    expect(() => readBankText('题'.repeat(BANK_LIMITS.textChars + 1))).toThrow(/内容过长/)
  })

  it('.csv (UTF-8 with BOM, quoted cells) and GBK .txt', async () => {
    const csv = '\uFEFF题型,题干,A,B,C,D,答案\n单选,"党的干部是人民的（ ）","公仆",领导,勤务员,服务员,A\n判断,"党员有退党的自由，""对""吗",,,,,√\n'
    const bank = await readBankFile(file('bank.csv', csv))
    expect(bank.questions.map((q) => [q.type, q.answer])).toEqual([
      ['单选', 'A'],
      ['判断', '正确'],
    ])
    const gbk = new Uint8Array([0x31, 0xa1, 0xa2, 0xbc, 0xd7, 0xa3, 0xa8, 0xa1, 0xa1, 0xa3, 0xa9, 0x0a, 0x41, 0x2e, 0xd2, 0xbb, 0x0a, 0x42, 0x2e, 0xb6, 0xfe, 0x0a, 0xb4, 0xf0, 0xb0, 0xb8, 0xa3, 0xba, 0x41])
    expect((await readBankFile(file('gbk.txt', gbk))).questions.map((q) => [q.stem, q.options, q.answer])).toEqual([['甲（　）', ['一', '二'], 'A']])
  })
})

describe('parseBankSheet', () => {
  it('the Kahoot template: Answer 1…4 and Correct answer(s) as numbers', () => {
    const rows = [
      ['Quiz template'],
      ['', 'Question - max 120 characters', 'Answer 1 - max 75 characters', 'Answer 2 - max 75 characters', 'Answer 3 - max 75 characters', 'Answer 4 - max 75 characters', 'Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs', 'Correct answer(s) - choose at least one'],
      ['1', '预备党员的预备期为', '半年', '一年', '一年半', '两年', 20, '2'],
      ['2', '党的纪律包括', '政治纪律', '组织纪律', '随意纪律', '', 20, '1,2'],
    ]
    const bank = parseBankSheet(rows)
    expect(bank.questions.map((q) => [q.line, q.type, q.options.length, q.answer])).toEqual([
      [3, '单选', 4, 'B'],
      [4, '多选', 3, 'AB'],
    ])
  })

  it('one 选项 cell holding every option; a sheet without header says so', () => {
    expect(parseBankSheet([['题目', '选项', '正确答案'], ['甲（ ）', 'A.一 B.二 C.三', 'C']]).questions[0]!.options).toEqual(['一', '二', '三'])
    expect(parseBankSheet([['a', 'b'], ['c', 'd']]).errors[0]!.reason).toMatch(/没有找到表头/)
  })

  it('parseCsv: quotes, doubled quotes, newlines in cells, tabs', () => {
    expect(parseCsv('a,"b,""c""\nd"\r\ne,f')).toEqual([['a', 'b,"c"\nd'], ['e', 'f']])
    expect(parseCsv('a\tb\n1\t2')).toEqual([['a', 'b'], ['1', '2']])
  })
})
