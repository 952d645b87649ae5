import { describe, expect, it } from 'vitest'
import { generateCards, type Card } from '@/lib/cards'
import { buildRounds, defaultRoundSpecs } from '@/lib/meeting/selection'
import { createQuiz, DEFAULT_QUIZ_OPTIONS } from '@/lib/quiz'
import { addToSets, importedCards } from '@/lib/bank/importedSet'
import type { ImportedQuestion } from '@/lib/bank/toCard'
import { buildQueue, createScheduler, dailyPractice, DEFAULT_STUDY_SETTINGS, firstNewCards, nextCard, type CardState, type ReviewLogEntry } from '@/lib/schedule'
import { localDocument } from '@/lib/content/localDocument'
import { loadManualCards } from '../../../scripts/build/cardFiles'
import { corpus } from '../cards/corpus'
import { MINUTE, T0 } from './fixtures'

const bank = generateCards(corpus, loadManualCards(corpus))

describe('a fresh learner’s first 20 ratings (default settings: 各文件、各章交替)', () => {
  // Rates every offered card 良好, one a minute, rebuilding the queue after each rating as the app does.
  const states = new Map<string, CardState>()
  const logs: ReviewLogEntry[] = []
  const scheduler = createScheduler()
  const met: Card[] = []
  let now = T0
  for (let i = 0; i < 20; i++) {
    const card = nextCard(buildQueue({ cards: bank, states, settings: DEFAULT_STUDY_SETTINGS, logs, now }))!
    if (!states.has(card.id)) met.push(card)
    const outcome = scheduler.rate(states.get(card.id) ?? null, card, 3, now)
    states.set(card.id, outcome.after)
    logs.push(outcome.log)
    now += MINUTE
  }

  it('meets at least three documents, not 总纲 in text order', () => {
    expect(met.length).toBeGreaterThanOrEqual(10)
    expect(new Set(met.map((c) => c.docId)).size).toBeGreaterThanOrEqual(3)
    expect(met.filter((c) => c.heading.startsWith('总纲')).length).toBeLessThanOrEqual(met.length / 2)
  })

  it('meets mostly hand-written questions', () => {
    expect(met.filter((c) => c.origin === 'manual').length / met.length).toBeGreaterThanOrEqual(0.7)
  })

  it('never starts the rotation over: no chapter comes twice before three others have come', () => {
    const chapters = met.map((c) => `${c.docId}›${c.heading.split(' › ')[0]}`)
    const repeats = chapters.filter((ch, i) => chapters.slice(Math.max(0, i - 3), i).includes(ch))
    expect(repeats).toEqual([])
  })
})

describe('the same order elsewhere', () => {
  it('--new-queue 20: at least three documents and 70% hand-written among the first 20 new cards', () => {
    const first = firstNewCards(bank, 20, { start: T0 })
    expect(first.length).toBe(20)
    expect(new Set(first.map((c) => c.docId)).size).toBeGreaterThanOrEqual(3)
    expect(first.filter((c) => c.origin === 'manual').length).toBeGreaterThanOrEqual(14)
  })

  it('a quiz and a meeting draw mix documents and ask hand-written questions first', () => {
    for (const seed of [1, 2, 3]) {
      const quiz = createQuiz(bank, { ...DEFAULT_QUIZ_OPTIONS, count: 10 }, seed, T0).questions
      expect(new Set(quiz.map((c) => c.docId)).size).toBeGreaterThanOrEqual(3)
      expect(quiz.filter((c) => c.origin === 'manual').length).toBeGreaterThanOrEqual(7)
      const docs = ['constitution', 'eight-point-regulation', 'integrity-code']
      const drawn = buildRounds(bank, defaultRoundSpecs(4), docs, seed).flatMap((r) => r.questions)
      expect(new Set(drawn.map((q) => q.docId)).size).toBe(3)
    }
  })
})

describe('a bank the branch imported', () => {
  it('is met among the first cards and in the 每日一练, not after the hand-written bank', () => {
    const questions: ImportedQuestion[] = ['甲', '乙', '丙', '丁', '戊', '己'].map((w) => ({ type: '判断', stem: `【测试】${w}。`, options: [], answer: '正确', link: null, clause: null }))
    const withImported = [...bank, ...importedCards([addToSets([], '支部题库.docx', questions, new Date(T0)).set])]
    const first = firstNewCards(withImported, 20, { start: T0 })
    expect(first.filter((c) => c.origin === 'imported').length).toBeGreaterThanOrEqual(2)
    const daily = dailyPractice(buildQueue({ cards: withImported, states: new Map(), settings: DEFAULT_STUDY_SETTINGS, logs: [], now: T0 }), 20)
    expect(daily.some((c) => c.origin === 'imported')).toBe(true)
  })
})

describe('a branch’s own document', () => {
  it('is met among the first cards, not after the hand-written bank', () => {
    const text = ['一、不准在工作日中午饮酒，不准酒后驾驶机动车辆。', '二、不准接受管理服务对象的宴请、礼金和购物卡。', '三、不准违规使用公车，公车私用或者长期借用下属单位车辆。', '四、不准参与赌博，出入私人会所。'].join('\n')
    const at = '2026-01-01T00:00:00.000Z'
    const doc = localDocument({ id: 'local-rules', title: '干部作风“四不准”', text, origin: 'x', addedAt: at, updatedAt: at })
    const withLocal = generateCards([...corpus, doc], loadManualCards(corpus))
    const first = firstNewCards(withLocal, 20, { start: T0 })
    expect(first.filter((c) => c.docId === 'local-rules').length).toBeGreaterThanOrEqual(2)
  })
})
