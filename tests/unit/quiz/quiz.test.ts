import { describe, expect, it } from 'vitest'
import {
  checkAnswer,
  checkItems,
  createQuiz,
  formatDuration,
  formatResponse,
  gradeQuiz,
  normalizeAnswer,
  splitItems,
  updateMistakes,
  type QuizMistake,
  type QuizResponse,
} from '@/lib/quiz'
import { makeCard, T0 } from '../schedule/fixtures'

const cloze = makeCard(1, { type: 'cloze', answer: '十八周岁' })
const choice = makeCard(2, { type: 'choice', answer: '五年', options: ['三年', '五年', '一年', '两年'] })
const multi = makeCard(3, { type: 'multi', answer: ['民主集中制', '集体领导'], options: ['民主集中制', '个人说了算', '集体领导'] })
const truefalse = makeCard(4, { type: 'truefalse', answer: '正确', options: ['正确', '错误'] })
const enumeration = makeCard(5, { type: 'enumeration', answer: ['支部党员大会', '支部委员会', '党小组会', '党课'] })
const ordered = makeCard(6, { type: 'enumeration', ordered: true, answer: ['一', '二', '三'] })
const source = makeCard(7, { type: 'source', answer: '第七条' })

describe('normalizeAnswer', () => {
  it('trims, folds full width, drops punctuation and spaces, reads Arabic numbers as Chinese', () => {
    expect(normalizeAnswer('  十八周岁。 ')).toBe('十八周岁')
    expect(normalizeAnswer('１８周岁')).toBe('十八周岁')
    expect(normalizeAnswer('「三会一课」')).toBe('三会一课')
    expect(normalizeAnswer('ＡＢＣ，d')).toBe('abcd')
    expect(normalizeAnswer('第7条')).toBe('第七条')
  })

  it('splits typed lists on Chinese and Latin separators', () => {
    expect(splitItems('甲、乙，丙,丁；戊;己 庚\n辛')).toEqual(['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛'])
  })
})

describe('checkAnswer', () => {
  it.each<[string, typeof cloze, QuizResponse, boolean]>([
    ['cloze exact', cloze, '十八周岁', true],
    ['cloze with digits and a full stop', cloze, ' 18周岁。', true],
    ['cloze wrong', cloze, '十六周岁', false],
    ['cloze empty', cloze, '  ', false],
    ['choice right', choice, '五年', true],
    ['choice wrong', choice, '三年', false],
    ['choice is exact, not normalised', choice, '五年。', false],
    ['multi in any order', multi, ['集体领导', '民主集中制'], true],
    ['multi missing one', multi, ['集体领导'], false],
    ['multi with an extra', multi, ['集体领导', '民主集中制', '个人说了算'], false],
    ['multi with a duplicate', multi, ['集体领导', '集体领导'], false],
    ['truefalse', truefalse, '正确', true],
    ['truefalse wrong', truefalse, '错误', false],
    ['enumeration any order, one line', enumeration, '党课、党小组会，支部委员会 支部党员大会', true],
    ['enumeration as separate items', enumeration, ['党课', '党小组会', '支部委员会', '支部党员大会。'], true],
    ['enumeration missing one', enumeration, '党课、党小组会、支部委员会', false],
    ['enumeration with a repeat instead of one', enumeration, '党课、党课、党小组会、支部委员会', false],
    ['ordered enumeration in order', ordered, '一、二、三', true],
    ['ordered enumeration out of order', ordered, '二、一、三', false],
    ['source typed', source, '第7条', true],
  ])('%s', (_, card, response, expected) => {
    expect(checkAnswer(card, response)).toBe(expected)
  })

  it('formats responses for display', () => {
    expect(formatResponse(['甲', '乙'])).toBe('甲、乙')
    expect(formatResponse('')).toBe('（未作答）')
  })
})

describe('quiz', () => {
  const bank = [cloze, choice, multi, truefalse, enumeration, ordered, source, makeCard(8, { docId: 'tibet-museum-branch' })]

  it('draws the requested number of questions from the chosen documents and types, reproducibly', () => {
    const quiz = createQuiz(bank, { docIds: ['constitution'], types: [], count: 5 }, 42, T0)
    expect(quiz.questions).toHaveLength(5)
    expect(new Set(quiz.questions.map((c) => c.id)).size).toBe(5)
    expect(quiz.questions.every((c) => c.docId === 'constitution')).toBe(true)
    expect(createQuiz(bank, { docIds: ['constitution'], types: [], count: 5 }, 42, T0).questions).toEqual(quiz.questions)
    expect(createQuiz(bank, { docIds: [], types: ['choice', 'truefalse'], count: 5 }, 1, T0).questions.map((c) => c.type).sort()).toEqual(['choice', 'truefalse'])
  })

  it('prefers one question per passage', () => {
    const twins = [makeCard(1, { id: 'a1' }), makeCard(1, { id: 'a2' }), makeCard(2, { id: 'b' }), makeCard(3, { id: 'c' })]
    for (let seed = 0; seed < 20; seed++) {
      const anchors = createQuiz(twins, { docIds: [], types: [], count: 3 }, seed, T0).questions.map((c) => c.anchor)
      expect(new Set(anchors).size).toBe(3)
    }
  })

  it('scores and times a quiz; unanswered counts as wrong', () => {
    const quiz = createQuiz([cloze, choice, truefalse, multi], { docIds: [], types: [], count: 4 }, 7, T0)
    const responses = new Map<string, QuizResponse>([
      [cloze.id, '18周岁'],
      [choice.id, '三年'],
      [truefalse.id, '正确'],
    ])
    const result = gradeQuiz(quiz, responses, T0 + 95_000)
    expect(result).toMatchObject({ correct: 2, total: 4, score: 50, durationMs: 95_000 })
    expect(result.results.filter((r) => !r.correct).map((r) => r.card.id).sort()).toEqual([choice.id, multi.id].sort())
    expect(formatDuration(result.durationMs)).toBe('1分35秒')
  })

  it('adds wrong answers to the 错题本, counts repeats, and clears them when practised right', () => {
    const quiz = createQuiz([cloze, choice], { docIds: [], types: [], count: 2 }, 3, T0)
    const wrong = gradeQuiz(quiz, new Map([[cloze.id, '十六周岁'], [choice.id, '五年']]), T0 + 1000)
    const first = updateMistakes(new Map(), wrong.results, T0)
    expect(first.put).toHaveLength(1)
    expect(first.put[0]).toMatchObject({ id: cloze.id, lastResponse: '十六周岁', wrongCount: 1, firstWrongAt: T0, lastWrongAt: T0 })
    const book = new Map<string, QuizMistake>(first.put.map((m) => [m.id, m]))
    const again = updateMistakes(book, wrong.results, T0 + 5000)
    expect(again.put[0]).toMatchObject({ wrongCount: 2, firstWrongAt: T0, lastWrongAt: T0 + 5000 })
    const right = gradeQuiz(quiz, new Map([[cloze.id, '十八周岁'], [choice.id, '五年']]), T0 + 9000)
    expect(updateMistakes(book, right.results, T0, { removeCorrect: false }).remove).toEqual([])
    expect(updateMistakes(book, right.results, T0, { removeCorrect: true })).toEqual({ put: [], remove: [cloze.id] })
  })
})

describe('列举 judged item by item', () => {
  const rights = makeCard(20, {
    type: 'enumeration',
    answer: [
      '参加党的有关会议，阅读党的有关文件，接受党的教育和培训',
      '行使表决权、选举权，有被选举权',
      '在党组织讨论决定对党员的党纪处分或作出鉴定时，本人有权参加和进行申辩，其他党员可以为他作证和辩护',
    ],
  })
  const sanctions = makeCard(21, { type: 'enumeration', answer: ['警告', '严重警告', '撤销党内职务', '留党察看', '开除党籍'] })

  it('marks the displayed answer typed exactly as right, though items hold 、 and ，', () => {
    expect(checkAnswer(rights, (rights.answer as string[]).join('、'))).toBe(true)
    expect(checkAnswer(rights, (rights.answer as string[]).map((a, i) => `${i + 1}. ${a}`).join('\n'))).toBe(true)
  })

  it('says which items are missing', () => {
    expect(checkItems(rights, '行使表决权、选举权，有被选举权')).toEqual([false, true, false])
  })

  it('does not count one typed item twice (严重警告 is not also 警告)', () => {
    expect(checkItems(sanctions, '严重警告、撤销党内职务、留党察看、开除党籍')).toEqual([false, true, true, true, true])
    expect(checkAnswer(sanctions, '开除党籍 留党察看 撤销党内职务 严重警告 警告')).toBe(true)
  })
})

describe('列举 graded as a branch secretary marks a paper', () => {
  const eight = makeCard(30, { type: 'enumeration', answer: ['要改进调查研究', '要精简会议活动', '要精简文件简报', '要规范出访活动', '要改进警卫工作', '要改进新闻报道', '要严格文稿发表', '要厉行勤俭节约'] })
  const leaders = makeCard(31, { type: 'enumeration', answer: ['廉洁从政，自觉保持人民公仆本色', '廉洁用权，自觉维护人民根本利益', '廉洁修身，自觉提升思想道德境界', '廉洁齐家，自觉带头树立良好家风'] })
  const members = makeCard(32, { type: 'enumeration', answer: ['坚持公私分明，先公后私，克己奉公', '坚持崇廉拒腐，清白做人，干净做事', '坚持尚俭戒奢，艰苦朴素，勤俭节约', '坚持吃苦在前，享受在后，甘于奉献'] })
  const represents = makeCard(33, { type: 'enumeration', answer: ['代表中国先进生产力的发展要求', '代表中国先进文化的前进方向', '代表中国最广大人民的根本利益'] })
  const congress = makeCard(34, { type: 'enumeration', answer: ['听取和审查中央委员会的报告', '审查中央纪律检查委员会的报告', '讨论并决定党的重大问题', '修改党的章程', '选举中央委员会', '选举中央纪律检查委员会'] })
  const duties = makeCard(35, { type: 'enumeration', answer: ['遵守中国共产党章程', '执行党的决定'] })

  it('does not require 八项规定’s 要', () => {
    expect(checkAnswer(eight, '改进调查研究、精简会议活动、精简文件简报、规范出访活动、改进警卫工作、改进新闻报道、严格文稿发表、厉行勤俭节约')).toBe(true)
  })

  it('accepts each point by its heading', () => {
    expect(checkAnswer(leaders, '廉洁从政、廉洁用权、廉洁修身、廉洁齐家')).toBe(true)
    expect(checkAnswer(members, '公私分明 崇廉拒腐 尚俭戒奢 吃苦在前')).toBe(true)
  })

  it('accepts the key words without the repeated lead', () => {
    expect(checkAnswer(represents, '先进生产力的发展要求；先进文化的前进方向；最广大人民的根本利益')).toBe(true)
  })

  it('reads 党章 as 中国共产党章程', () => {
    expect(checkItems(duties, '遵守党章，执行党的决定')).toEqual([true, true])
  })

  it('still tells neighbouring items apart and shows partial credit', () => {
    expect(checkItems(congress, '选举中央纪律检查委员会')).toEqual([false, false, false, false, false, true])
    expect(checkItems(leaders, '廉洁从政、廉洁修身')).toEqual([true, false, true, false])
    expect(checkItems(eight, '改进调查研究')).toEqual([true, false, false, false, false, false, false, false])
    expect(checkItems(represents, '先进文化')).toEqual([false, false, false])
  })
})
