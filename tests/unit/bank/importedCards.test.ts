import { describe, expect, it } from 'vitest'
import { addToSets, importedCards, importedSetId, mergeSets, screenImportedSet, screenQuestion } from '@/lib/bank/importedSet'
import { parseBankText } from '@/lib/bank/parseText'
import { importedQuestionCard, importedQuestionId, isImportedCardId, type ImportedQuestion } from '@/lib/bank/toCard'
import { bankToMeetingQuestion } from '@/lib/bank/toMeeting'
import { cardMoves } from '@/lib/cards/legacy'
import { makeCard } from '../schedule/fixtures'

const PAPER = `一、单选题
1、党员的预备期为（ ）。
A．半年
B．一年
C．两年
【答案】：B
二、多选题
1、甲（ ）
A．一
B．二
C．三
【答案】：AC
三、判断题
1、丙。（×）
四、填空题
1、丁____。
【答案】：一年
`
const linked = { doc: 'constitution', anchor: 'art-7', clause: '第七条 预备党员的预备期为一年。' }
const questions = (): ImportedQuestion[] =>
  parseBankText(PAPER).questions.map((q, i) => ({ ...q, link: i === 0 ? { doc: linked.doc, anchor: linked.anchor } : null, clause: i === 0 ? linked.clause : null }))

describe('an imported question becomes a card', () => {
  it('keys become option texts; origin imported, the file named; a linked question sits at its clause', () => {
    const [single, multi, judged, cloze] = questions().map((q) => importedQuestionCard(q, '预备党员题库.docx'))
    expect(single).toMatchObject({
      type: 'choice', answer: '一年', options: ['半年', '一年', '两年'], docId: 'constitution', anchor: 'art-7',
      source: linked.clause, origin: 'imported', sourceFile: '预备党员题库.docx', heading: '导入：预备党员题库.docx',
    })
    expect(single!.fact).toBe(single!.id)
    expect(multi).toMatchObject({ type: 'multi', answer: ['一', '三'], docId: 'imported', anchor: '', source: '' })
    expect(judged).toMatchObject({ type: 'truefalse', answer: '错误', options: ['正确', '错误'] })
    expect(cloze).toMatchObject({ type: 'cloze', answer: '一年' })
    expect(cloze!.options).toBeUndefined()
  })

  it('one id rule, from the content only: file, link and number do not change it; meeting rounds use the same id', () => {
    const [q] = questions()
    const id = importedQuestionCard(q!, 'a.docx').id
    expect(isImportedCardId(id)).toBe(true)
    expect(importedQuestionCard({ ...q!, link: null, clause: null }, 'b.xlsx').id).toBe(id)
    expect(importedQuestionId(q!)).toBe(id)
    expect(bankToMeetingQuestion({ ...q!, n: 99, line: 40, flags: [], notes: [] }, 'c.txt', null).id).toBe(id)
    expect(importedQuestionId({ ...q!, answer: 'C' })).not.toBe(id)
  })

  it('progress on an imported card is never moved to a generated card of the passage it was linked to', () => {
    const [q] = questions()
    const id = importedQuestionId(q!)
    const generated = makeCard(1, { docId: 'constitution', anchor: 'art-7' })
    expect(cardMoves([id], [generated], [{ id: 'constitution', passages: [{ anchor: 'art-7' }] }]).size).toBe(0)
  })
})

describe('imported sets', () => {
  const now = new Date('2026-12-01T00:00:00.000Z')

  it('importing the same file again adds nothing twice; another file with a kept question adds only the new ones', () => {
    const first = addToSets([], '题库.docx', questions(), now)
    expect(first).toMatchObject({ added: 4, already: 0 })
    expect(first.set.id).toBe(importedSetId('题库.docx'))
    const again = addToSets([first.set], '题库.docx', questions(), now)
    expect(again).toMatchObject({ added: 0, already: 4 })
    const other = addToSets([first.set], '题库.xlsx', [...questions().slice(0, 1), { type: '判断', stem: '戊。', options: [], answer: '正确', link: null, clause: null }], now)
    expect(other).toMatchObject({ added: 1, already: 1 })
    const cards = importedCards([first.set, other.set])
    expect(cards).toHaveLength(5)
    expect(new Set(cards.map((c) => c.id)).size).toBe(5)
  })

  it('merging a backup’s version of a set keeps every question of both', () => {
    const a = addToSets([], 'x.txt', questions().slice(0, 2), now).set
    const b = addToSets([], 'x.txt', questions().slice(1), now).set
    expect(mergeSets(a, b).questions).toHaveLength(4)
    expect(mergeSets(a, a)).toBe(a)
  })

  it('a stored or backed-up set is screened: implausible questions are left out, a forged id refused', () => {
    const set = addToSets([], 'x.txt', questions(), now).set
    const bad = [
      { ...questions()[0], answer: 'E' },
      { type: '判断', stem: '己。', options: [], answer: '也许', link: null, clause: null },
      { type: '单选', stem: '<img src=x onerror=alert(1)>', options: ['一', '二'], answer: 'A', link: { doc: 1, anchor: 'x' }, clause: null },
      { type: '问答', stem: 'x'.repeat(6000), options: [], answer: '答', link: null, clause: null },
      'not a question',
    ]
    const screened = screenImportedSet({ ...set, questions: [...set.questions, ...bad], extra: 'dropped' })
    expect(screened?.dropped).toBe(5)
    expect(screened?.set).toEqual(set)
    expect(screenImportedSet({ ...set, id: 'bank-other' })).toBeNull()
    expect(screenImportedSet({ ...set, questions: 'x' })).toBeNull()
    expect(screenQuestion({ ...questions()[1], answer: 'AA' })).toBeNull()
  })
})
