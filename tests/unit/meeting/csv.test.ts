import { describe, expect, it } from 'vitest'
import { BOM, csvField, resultsCsv, toCsv } from '@/lib/meeting/csv'
import { computeResults } from '@/lib/meeting/results'
import { reduce } from '@/lib/meeting/session'
import { HOST, session } from './fixtures'

describe('CSV', () => {
  it('escapes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('第一党小组')).toBe('第一党小组')
    expect(csvField('党员，干部')).toBe('党员，干部') // a full-width comma needs no quoting
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('他说"好"')).toBe('"他说""好"""')
    expect(csvField('第一行\n第二行')).toBe('"第一行\n第二行"')
    expect(csvField('a\r\nb')).toBe('"a\r\nb"')
  })

  it('keeps text from running as a formula, but writes numbers as numbers', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvField('+1')).toBe("'+1")
    expect(csvField('-10')).toBe("'-10")
    expect(csvField('@SUM')).toBe("'@SUM")
    expect(csvField(-10)).toBe('-10')
    expect(csvField(0)).toBe('0')
    expect(csvField(null)).toBe('')
    expect(csvField(Number.NaN)).toBe('')
  })

  it('starts with a BOM and ends rows with CRLF', () => {
    const csv = toCsv([['名次', '党小组'], [1, '第一党小组']])
    expect(csv.startsWith(BOM)).toBe(true)
    expect(csv).toBe(`${BOM}名次,党小组\r\n1,第一党小组\r\n`)
  })

  it('exports ranking and per-question points', () => {
    let s = reduce(session(), { type: 'next' }, 2, HOST)
    s = reduce(s, { type: 'score', teamId: 't1', outcome: 'right' }, 3, HOST)
    const lines = resultsCsv(computeResults(s)).slice(1).split('\r\n')
    expect(lines[0]).toBe('竞赛名称,测试竞赛')
    expect(lines[2]).toBe('名次,党小组,总分,第一轮 必答题,第二轮 抢答题,第三轮 风险题')
    expect(lines[3]).toBe('1,第一党小组,110,10,0,0')
    expect(lines[4]).toBe('2,第二党小组,100,0,0,0')
    expect(lines[8]).toBe('第一轮 必答题,1,填空,题目1（    ）,答案1,第1条,10,答对,,,,')
  })
})
