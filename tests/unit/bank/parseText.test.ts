import { describe, expect, it } from 'vitest'
import { parseBankText, readAnswerTable } from '../../../src/lib/bank/parseText'

const keys = (text: string) => parseBankText(text).questions.map((q) => [q.n, q.type, q.answer])

describe('parseBankText: the forms real papers use', () => {
  it('1、 numbering, one option a line, 【答案】:A', () => {
    const bank = parseBankText('1、党的干部是人民的()\nA.公仆\nB.领导\nC.勤务员\nD.服务员\n【答案】:A')
    expect(bank.questions).toEqual([{ n: 1, line: 1, type: '单选', stem: '党的干部是人民的（　）', options: ['公仆', '领导', '勤务员', '服务员'], answer: 'A' }])
    expect(bank.errors).toEqual([])
  })

  it('full-width A．and A、, （1） numbering, 正确答案：, 答案：', () => {
    expect(keys('（1）预备期为（  ）\nA．半年\nB．一年\n正确答案：B\n(2) 党徽为（ ）\nA、锤头和镰刀\nB、五角星\n答案：A')).toEqual([
      [1, '单选', 'B'],
      [2, '单选', 'A'],
    ])
  })

  it('options on one line, with or without spaces, and a key in the stem bracket', () => {
    const bank = parseBankText('1.预备党员的(B)同正式党员一样。\nA.权利 B.义务 C.权利和义务 D.待遇\n2.十八大党章共11章____条。A\nA.53B.50C.58')
    expect(bank.questions.map((q) => [q.stem, q.options, q.answer])).toEqual([
      ['预备党员的（　）同正式党员一样。', ['权利', '义务', '权利和义务', '待遇'], 'B'],
      ['十八大党章共11章____条。', ['53', '50', '58'], 'A'],
    ])
  })

  it('multi-letter keys make 多选, also under a 单选 header; section headers set 判断 and 填空', () => {
    const text = '一、单选题\n1、党的纪律包括（ ）\nA.政治纪律\nB.组织纪律\nC.廉洁纪律\nD.随意纪律\n答案：ABC\n二、判断题\n1、党员有退党的自由。（√）\n2、预备期为两年。（×）\n3、党章是根本大法。\n答案：错\n三、填空题\n1、预备党员的预备期为____。\n答案：一年'
    expect(keys(text)).toEqual([
      [1, '多选', 'ABC'],
      [1, '判断', '正确'],
      [2, '判断', '错误'],
      [3, '判断', '错误'],
      [1, '填空', '一年'],
    ])
    expect(parseBankText(text).questions[1]!.stem).toBe('党员有退党的自由。')
  })

  it('对/错, 正确/错误, A.正确 B.错误 as 判断', () => {
    expect(keys('1.甲。\n答案：对\n2.乙。\n答案：正确\n3.丙。\nA.正确\nB.错误\n答案：B')).toEqual([
      [1, '判断', '正确'],
      [2, '判断', '正确'],
      [3, '判断', '错误'],
    ])
  })

  it('an answer table at the end of the paper', () => {
    const text = '1、甲（ ）\nA.一\nB.二\n2、乙（ ）\nA.一\nB.二\n3、丙（ ）\nA.一\nB.二\nC.三\n参考答案\n1-3 BAC'
    expect(keys(text)).toEqual([
      [1, '单选', 'B'],
      [2, '单选', 'A'],
      [3, '单选', 'C'],
    ])
    expect(readAnswerTable('1.A 2.B 3.√ 11. ABD')).toEqual([
      { n: 1, key: 'A' },
      { n: 2, key: 'B' },
      { n: 3, key: '√' },
      { n: 11, key: 'ABD' },
    ])
  })

  it('问答 with 答: over two lines; two 判断 on one line; a page number inside a stem', () => {
    const bank = parseBankText('1.八项规定何时出台？\n答:2012年12月4日。\n另见通知。\n51、甲可以。(×) 52、乙可以。(√)\n53、丙可以购置固定资\n5\n产。(×)')
    expect(bank.questions.map((q) => [q.n, q.type, q.answer])).toEqual([
      [1, '问答', '2012年12月4日。\n另见通知。'],
      [51, '判断', '错误'],
      [52, '判断', '正确'],
      [53, '判断', '错误'],
    ])
    expect(bank.questions[3]!.stem).toBe('丙可以购置固定资产。')
  })

  it('every line it cannot use is reported with its number and a Chinese reason', () => {
    const bank = parseBankText('某某网站 举报\n\n1、甲（ ）\nA.一\nB.二\n2、乙（ ）\nA.一\nB.二\n答案：E\n3、丙（ ）\nA.一\nB.\n【答案】：A\n4、丁（ ）\nA.一\nB.二')
    expect(bank.questions).toEqual([])
    expect(bank.errors).toEqual([
      { line: 1, reason: '不是题目的一部分（没有题号），未导入。' },
      { line: 3, reason: '第 1 题没有找到答案。' },
      { line: 6, reason: '第 2 题的答案 E 不在选项中（只有 A、B）。' },
      { line: 10, reason: '第 3 题有空选项（可能被截断），未导入。' },
      { line: 14, reason: '第 4 题没有找到答案。' },
    ])
  })

  it('"……" where an excerpt left questions out is reported, not glued to the question before it', () => {
    const bank = parseBankText('一、选择题(每题只有一个正确答案)\n1. 甲?\nA. 一\nB. 二\n答案：B\n……\n二、判断题\n1. 乙。(√)\n……\n三、简答题\n1. 丙?\n答:丁。\n……')
    expect(bank.questions.map((q) => [q.type, q.stem, q.options, q.answer])).toEqual([
      ['单选', '甲？', ['一', '二'], 'B'],
      ['判断', '乙。', [], '正确'],
      ['问答', '丙？', [], '丁。'],
    ])
    expect(bank.errors.map((e) => e.line)).toEqual([6, 9, 13])
  })

  it('答案 alone on its line with the key on the next; a bare 参考答案 above a table is still a table', () => {
    const bank = parseBankText('1、预备党员的预备期为（ ）\nA.半年\nB.一年\n答案\nB\n2、党员有退党的自由。（ ）\n参考答案\n2.√')
    expect(bank.questions.map((q) => [q.n, q.type, q.answer])).toEqual([
      [1, '单选', 'B'],
      [2, '判断', '正确'],
    ])
    expect(bank.errors).toEqual([])
  })

  it('a question page: no number, the title repeating the stem, 答案 and 解析 each above their text', () => {
    const page = '当前位置:首页 > 试题题库\n\n党章规定,党组发挥( )作用。\n\n时间:2022-09-25 作者:某某\n\n党章规定,党组发挥(   )作用。\n\n答案\n\n领导核心\n\n解析\n\n根据《中国共产党章程》第四十八条。\n\n最新文章'
    const bank = parseBankText(page)
    expect(bank.questions.map((q) => [q.n, q.line, q.type, q.stem, q.answer])).toEqual([[1, 7, '填空', '党章规定，党组发挥（　）作用。', '领导核心']])
    expect(bank.errors.map((e) => e.line)).toEqual([1, 3, 5])
  })

  it('a bank that numbers nothing: each line with a blank starts a question', () => {
    const bank = parseBankText('党的最高理想和最终目标是（ ）\nA.实现共产主义\nB.实现小康\n答案：A\n预备党员的预备期为（ ）\nA.半年\nB.一年\n答案：B')
    expect(bank.questions.map((q) => [q.n, q.answer])).toEqual([
      [1, 'A'],
      [2, 'B'],
    ])
  })

  it('markup stays text', () => {
    const [q] = parseBankText('1、<img src=x onerror=alert(1)>（ ）\nA.<b>一</b>\nB.二\n答案：A').questions
    expect(q!.stem).toContain('<img src=x onerror=alert(1)>')
    expect(q!.options[0]).toBe('<b>一</b>')
  })

  it('5,000 questions in well under a second', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `${i + 1}、第${i}题（ ）\nA.甲\nB.乙\nC.丙\nD.丁\n【答案】:C`).join('\n')
    const started = performance.now()
    const bank = parseBankText(text)
    expect(bank.questions).toHaveLength(5000)
    expect(performance.now() - started).toBeLessThan(1500)
  })
})
