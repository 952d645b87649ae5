import { beforeAll, describe, expect, it } from 'vitest'
import { biasedLetter, checkBank, shuffleBank, type BankCheckContext } from '../../../src/lib/bank/check'
import { parseBankText } from '../../../src/lib/bank/parseText'
import { PassageSearch } from '../../../src/lib/search/engine'
import { toSearchable } from '../../../src/lib/search/passages'
import { loadBundledCorpus } from '../../../scripts/build/contentFiles'
import { buildVocabulary } from '../../../scripts/build/searchVocabulary'

let ctx: BankCheckContext
beforeAll(() => {
  const corpus = loadBundledCorpus()
  const vocabulary = buildVocabulary(corpus)
  ctx = { search: PassageSearch.build(toSearchable(corpus), vocabulary), fold: vocabulary.fold, cards: [{ prompt: '预备党员的预备期为____。' }] }
}, 60_000)

const check = (text: string) => checkBank(parseBankText(text).questions, ctx)

describe('checkBank', () => {
  it('links a question to the article that states it, and a right key raises nothing', () => {
    const [q] = check('1、党的中央委员会每届任期（ ）年\nA.三\nB.四\nC.五\nD.六\n答案：C')
    expect(q!.link).toEqual({ doc: 'constitution', anchor: 'art-22' })
    expect(q!.flags).toEqual([])
  })

  it('a key that contradicts the text: another option, or a near word the text does not use', () => {
    const [other, near] = check(
      '1、党的中央委员会每届任期（ ）年\nA.三\nB.四\nC.五\nD.六\n答案：A\n2、党的纪律是党的各级组织和全体党员必须遵守的（ ），是维护党的团结统一的保证\nA.行为规范\nB.行为准则\nC.规章制度\n答案：B',
    )
    expect(other!.flags).toContain('key-contradicts-text')
    expect(other!.notes.join('')).toMatch(/原文为“五”/)
    expect(near!.flags).toContain('key-contradicts-text')
    expect(near!.notes.join('')).toMatch(/行为规则/)
  })

  it('a rule worded 不得（ ） is checked like any other; a question asking what is NOT stated is not', () => {
    const [rule, negative] = check(
      '1、如果本人对处分决定不服，可以提出申诉，有关党组织必须负责处理或者迅速转递，不得（ ）\nA.扣压\nB.拖延\n答案：B\n2、党的地方各级代表大会的职权不包括（ ）\nA.听取和审查同级委员会的报告\nB.选举党的中央委员会\n答案：B',
    )
    expect(rule!.flags).toContain('key-contradicts-text')
    expect(negative!.flags).not.toContain('key-contradicts-text')
  })

  it('a 判断 keyed 错误 whose statement the text makes word for word', () => {
    const [q] = check('1、预备党员的预备期为一年。党组织对预备党员应当认真教育和考察。（×）')
    expect(q!.flags).toContain('key-contradicts-text')
  })

  it('not in the texts; older revision; duplicate of a card', () => {
    const [local, old, dup] = check(
      '1、领导干部已办理离退休手续的，原单位的办公用房应在2个月内腾退。（√）\n2、十八大党章共11章____条。A\nA.53B.50C.58\n3、预备党员的预备期为（ ）\nA.半年\nB.一年\n答案：B',
    )
    expect(local!.link).toBeNull()
    expect(local!.flags).toEqual(['not-in-texts'])
    expect(old!.flags).toContain('older-revision')
    expect(dup!.flags).toContain('duplicate')
  })

  it('a question on wording the bundled text lacks (a gap of the passage) is not linked to that passage', () => {
    // max.book118.com 2026/0211/7201021153011052, question 3: 第四十六条第一款 is a gap in the bundled text.
    const [q] = check('3、党章规定,党的各级纪律检查委员会是党内监督()机关\nA.专责\nB.专门\nC.主要\nD.重要\n【答案】:A')
    expect(q!.link).toBeNull()
    expect(q!.flags).toEqual(['not-in-texts'])
    expect(q!.notes.join('')).toMatch(/第四十六条.*尚未收录原文/)
  })

  it('letter bias: most single-choice keys on one letter flags those questions; shuffling spreads the keys, each key following its option', () => {
    const text = Array.from({ length: 10 }, (_, i) => `${i + 1}、题${i}（ ）\nA.甲${i}\nB.乙\nC.丙\nD.丁\n答案：${i < 8 ? 'A' : 'C'}`).join('\n')
    const questions = parseBankText(text).questions
    expect(biasedLetter(questions)).toEqual({ letter: 'A', share: 0.8 })
    const checked = checkBank(questions, ctx)
    expect(checked.filter((q) => q.flags.includes('letter-bias')).map((q) => q.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    const shuffled = shuffleBank(questions, 7)
    for (const [i, q] of shuffled.entries()) expect(q.options['ABCD'.indexOf(q.answer)]).toBe(questions[i]!.options['ABCD'.indexOf(questions[i]!.answer)])
    expect(biasedLetter(shuffled)).toBeNull()
  })
})

describe('checkBankInSteps', () => {
  it('gives what checkBank gives, in slices bounded by time, yielding between them', async () => {
    const { checkBankInSteps } = await import('../../../src/lib/bank/check')
    const text = Array.from({ length: 30 }, (_, i) => `${i + 1}、党的中央委员会每届任期（ ）年\nA.三\nB.四\nC.五\nD.六\n答案：${'ABCD'[i % 4]}`).join('\n')
    const questions = parseBankText(text).questions
    let pauses = 0
    const progress: number[] = []
    const stepped = await checkBankInSteps(questions, ctx, { budgetMs: 0, pause: async () => void pauses++, onProgress: (share) => progress.push(share) })
    expect(stepped).toEqual(checkBank(questions, ctx))
    expect(pauses).toBe(29)
    expect(progress.at(-1)).toBe(1)
  })
})
