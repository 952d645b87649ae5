import { describe, expect, it } from 'vitest'
import type { Card } from '@/lib/cards/types'
import { readLabel } from '@/lib/content/numerals'
import { covers, type ClassicQuestion } from '../../../scripts/bench/classic'

function card(fields: Partial<Card> & Pick<Card, 'type' | 'prompt' | 'answer'>): Card {
  return { id: 'c', docId: 'constitution', anchor: 'art-5', source: '', heading: '', fact: 'f', origin: 'manual', generator: 'manual', ...fields }
}
const question = (answer: string, anchor = 'art-5', kind: ClassicQuestion['kind'] = 'choice'): ClassicQuestion => ({ doc: 'constitution', q: '?', answer, anchor, kind })

describe('classic-question coverage', () => {
  it('counts a card whose answer, put back, reads the key', () => {
    const sponsors = card({ type: 'cloze', prompt: '党章规定，申请入党的人，要有（    ）正式党员作介绍人。', answer: '两名' })
    expect(covers(sponsors, question('两名正式党员作介绍人'))).toBe(true)
    expect(covers(sponsors, question('两名正式党员作介绍人', 'art-6'))).toBe(false)
    expect(covers(sponsors, question('个别吸收的原则'))).toBe(false)
  })

  it('puts the answer of a worded question in place of its question word', () => {
    const relapse = card({ type: 'choice', anchor: 'art-41', prompt: '党章规定，党员经过留党察看，坚持错误不改的，应当如何处理？', answer: '开除党籍' })
    expect(covers(relapse, question('坚持错误不改的，应当开除党籍', 'art-41'))).toBe(true)
    const who = card({ type: 'choice', anchor: 'art-13', prompt: '党章规定，凡是成立党的新组织，或是撤销党的原有组织，必须由谁决定？', answer: '上级党组织' })
    expect(covers(who, question('必须由上级党组织决定', 'art-13'))).toBe(true)
    expect(covers(who, question('调动或者指派下级党组织的负责人', 'art-13'))).toBe(false)
  })

  it('reads 几名 / 每几年 / 多长时间 with the answer in place, measure word once', () => {
    const sponsors = card({ type: 'choice', prompt: '党章规定，申请入党的人，要有几名正式党员作介绍人？', answer: '两名' })
    expect(covers(sponsors, question('两名正式党员作介绍人'))).toBe(true)
    const congress = card({ type: 'choice', anchor: 'art-19', prompt: '党章规定，党的全国代表大会每几年举行一次？', answer: '五年' })
    expect(covers(congress, question('每五年举行一次', 'art-19'))).toBe(true)
    const probation = card({ type: 'choice', anchor: 'art-7', prompt: '党章规定，预备党员的预备期为多长时间？', answer: '一年' })
    expect(covers(probation, question('预备期为一年', 'art-7'))).toBe(true)
    expect(covers(probation, question('预备期为两年', 'art-7'))).toBe(false)
  })

  it('counts the same fact asked the other way round, but not a blank far from the key', () => {
    const principle = card({ type: 'cloze', anchor: 'general-30', prompt: '党章规定，民主集中制是党的（    ）。', answer: '根本组织原则' })
    expect(covers(principle, question('民主集中制', 'general-30'))).toBe(true)
    const far = card({ type: 'cloze', anchor: 'general-29', prompt: '党章规定，党在自己的工作中实行（    ），一切为了群众，一切依靠群众，从群众中来，到群众中去。', answer: '群众路线' })
    expect(covers(far, question('从群众中来，到群众中去', 'general-29'))).toBe(false)
  })

  it('counts a true statement that says the key, and a false one only through its original wording', () => {
    const right = card({ type: 'truefalse', anchor: 'art-7', prompt: '党章规定，预备党员的预备期为一年。', answer: '正确' })
    const wrong = card({ type: 'truefalse', anchor: 'art-7', prompt: '党章规定，预备党员的预备期为两年。', answer: '错误', original: '一年' })
    expect(covers(right, question('预备期为一年', 'art-7'))).toBe(true)
    expect(covers(wrong, question('预备期为一年', 'art-7'))).toBe(true)
    expect(covers(wrong, question('不能超过一年', 'art-7'))).toBe(false)
  })
})

describe('readLabel', () => {
  it('reads articles and numbered points, nothing else', () => {
    expect(readLabel('第三十四条')).toEqual({ numeral: '三十四', number: 34, unit: '条' })
    expect(readLabel('八、')).toEqual({ numeral: '八', number: 8, unit: '项' })
    expect(readLabel('（一）')).toBeNull()
    expect(readLabel('')).toBeNull()
  })
})
