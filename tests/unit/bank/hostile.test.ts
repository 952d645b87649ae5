import { describe, expect, it, vi } from 'vitest'
import { formatBankCsv } from '../../../src/lib/bank/exportBank'
import { readBankFile } from '../../../src/lib/bank/readBankFile'
import { ImportError } from '../../../src/lib/content/localDocument'
import { xlsx, type TestCell } from './support/xlsx'

function file(name: string, bytes: Uint8Array) {
  const arrayBuffer = vi.fn(async () => bytes.slice().buffer)
  return { name, size: bytes.byteLength, arrayBuffer }
}
const header: TestCell[] = ['题型', '题干', '选项A', '选项B', '选项C', '选项D', '答案']

describe('hostile banks (issue 19, item 4)', () => {
  it('formulas: a cell shows the value Excel cached, never runs; one never calculated is empty and reported; text that looks like a formula stays text and is exported inert', async () => {
    const bank = await readBankFile(
      file(
        'formulas.xlsx',
        xlsx([
          header,
          ['单选', { formula: 'HYPERLINK("http://example.invalid","预备党员的预备期为（ ）")', value: '预备党员的预备期为（ ）' }, '半年', '一年', null, null, { formula: '"B"', value: 'B' }],
          ['单选', { formula: "cmd|' /C calc'!A0" }, '甲', '乙', null, null, 'A'],
          ['判断', '=1+1', null, null, null, null, '对'],
          ['单选', '党员有退党的（ ）', '@SUM(1+1)*cmd|\' /C calc\'!A0', '+自由', '-义务', null, 'B'],
        ]),
      ),
    )
    expect(bank.questions.map((q) => [q.line, q.stem, q.options, q.answer])).toEqual([
      [2, '预备党员的预备期为（　）', ['半年', '一年'], 'B'],
      [4, '=1+1', [], '正确'],
      [5, '党员有退党的（　）', ["@SUM(1+1)*cmd|' /C calc'!A0", '+自由', '-义务'], 'B'],
    ])
    expect(bank.errors).toEqual([{ line: 3, reason: '第 3 行没有题干，未导入。' }])
    // Exported again, no cell is one Excel would run.
    const cells = formatBankCsv(bank.questions).split(/\r\n/).slice(1).flatMap((row) => row.split(','))
    expect(cells.filter((cell) => /^"?[=+\-@]/.test(cell))).toEqual([])
  })

  it('markup in cells stays text, entities are not decoded twice', async () => {
    const bank = await readBankFile(
      file('markup.xlsx', xlsx([header, ['单选', '<script>alert(1)</script>党的干部是人民的（ ）', '<b>公仆</b>', '&lt;i&gt;领导', 'javascript:alert(1)', null, 'A']])),
    )
    expect(bank.questions[0]).toMatchObject({ stem: '<script>alert(1)</script>党的干部是人民的（　）', options: ['<b>公仆</b>', '&lt;i&gt;领导', 'javascript:alert(1)'] })
  })

  it('a 5,000-question sheet is read in seconds', async () => {
    const rows = Array.from({ length: 5000 }, (_, i): TestCell[] => ['单选', `第${i + 1}题：党的中央委员会每届任期（ ）年`, '三', '四', '五', '六', 'ABCD'[i % 4]!])
    const sheet = xlsx([header, ...rows])
    const started = performance.now()
    const bank = await readBankFile(file('big.xlsx', sheet))
    const seconds = (performance.now() - started) / 1000
    expect(bank.questions).toHaveLength(5000)
    expect(bank.errors).toEqual([])
    expect(seconds).toBeLessThan(10)
  }, 30_000)

  it('a ~50 MB sheet (or text, or document) is refused by its size with a clear message, its bytes never read', async () => {
    for (const name of ['big.xlsx', 'big.csv', 'big.txt', 'big.docx']) {
      const huge = { name, size: 50 * 1024 * 1024, arrayBuffer: vi.fn(async () => new ArrayBuffer(0)) }
      const error = await readBankFile(huge).then(() => null, (e: unknown) => e)
      expect(error).toBeInstanceOf(ImportError)
      expect((error as Error).message).toBe(`“${name}”有 50.0 MB，超过 10 MB 的上限，未读取。请分成几个文件导入。`)
      expect(huge.arrayBuffer).not.toHaveBeenCalled()
    }
  })
})
