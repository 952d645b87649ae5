import { describe, expect, it } from 'vitest'
import { clip } from '@/lib/cards/text'

describe('clip', () => {
  const art1 = '年满十八岁的中国工人、农民、军人、知识分子和其他社会阶层的先进分子，承认党的纲领和章程，愿意参加党的一个组织并在其中积极工作、执行党的决议和按期交纳党费的，可以申请加入中国共产党'

  it('keeps the subject and the clause of the blank, and a short closing predicate', () => {
    const at = art1.indexOf('十八岁')
    // The blind review of 2026-11-27: without 可以申请加入中国共产党 the age says nothing.
    expect(clip(art1, at, at + 3)).toBe('年满十八岁的中国工人、农民、军人、知识分子和其他社会阶层的先进分子，承认党的纲领和章程……可以申请加入中国共产党')
  })

  it('leaves a short sentence whole, and drops closing clauses that carry no main verb', () => {
    expect(clip('预备党员的预备期为一年', 9, 11)).toBe('预备党员的预备期为一年')
    const long = '党的基层组织是党在社会基层组织中的战斗堡垒，是党的全部工作和战斗力的基础，它应当团结带领群众贯彻党的理论和路线方针政策，落实党中央和上级组织决策部署，努力推进改革发展稳定'
    expect(clip(long, 17, 21, 40)).toBe('党的基层组织是党在社会基层组织中的战斗堡垒')
  })
})
