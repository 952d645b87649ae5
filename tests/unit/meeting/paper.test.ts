import { describe, expect, it } from 'vitest'
import { layoutPaper, PAPER_BLANK, withBlanks } from '@/lib/meeting/paper'
import { question } from './fixtures'

describe('paper quiz', () => {
  it('groups questions into 单选/多选/判断/填空 with their own numbering and an answer key', () => {
    const paper = layoutPaper('知识测试', [
      question('1'),
      question('2', { type: 'choice', prompt: '党的最高领导机关是', options: ['党的全国代表大会和它所产生的中央委员会', '国务院'], answer: '党的全国代表大会和它所产生的中央委员会' }),
      question('3', { type: 'truefalse', prompt: '预备期为一年。', options: ['正确', '错误'], answer: '正确' }),
      question('4', { type: 'multi', prompt: '下列属于……', options: ['甲', '乙', '丙'], answer: ['丙', '甲'] }),
      question('5', { type: 'enumeration', prompt: '党员的八项义务是', answer: ['一', '二'] }),
    ])
    expect(paper.sections.map((s) => s.title)).toEqual(['一、单选题（共 1 题）', '二、多选题（共 1 题）', '三、判断题（共 1 题）', '四、填空题（共 2 题）'])
    expect(paper.sections[0]?.items[0]?.options.map((o) => o.letter)).toEqual(['A', 'B'])
    expect(paper.sections[2]?.items[0]?.options).toEqual([])
    expect(paper.sections[3]?.items.map((i) => i.number)).toEqual([1, 2])
    expect(paper.answerKey.map((k) => k.entries.map((e) => e.answer))).toEqual([['A'], ['AC'], ['√'], ['答案1', '一；二']])
    // No answer leaks into the questions.
    expect(JSON.stringify(paper.sections)).not.toContain('答案1')
  })

  it('writes every blank as （  ）', () => {
    expect(withBlanks('预备期为（    ）。')).toBe(`预备期为${PAPER_BLANK}。`)
    expect(withBlanks('预备期为____，期满')).toBe(`预备期为${PAPER_BLANK}，期满`)
    expect(withBlanks('党的最高领导机关是')).toBe(`党的最高领导机关是${PAPER_BLANK}`)
  })
})
