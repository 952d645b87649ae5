import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { Card } from '@/lib/cards/types'
import {
  checkAnswer,
  createQuiz,
  DEFAULT_QUIZ_OPTIONS,
  gradeQuiz,
  quizPool,
  updateMistakes,
  type Quiz,
  type QuizOptions,
  type QuizResponse,
  type QuizResult,
} from '@/lib/quiz'
import { DAILY_COUNT, dailyGrade, dailyPractice, ratedToday, type Grade } from '@/lib/schedule'
import { useProgressStore } from './useProgressStore'
import { useStudyStore } from './useStudyStore'

export type QuizMode = 'normal' | 'mistakes' | 'daily'

/**
 * The practice quiz (练习), 错题重练 and the 每日一练: one question at a time, wrong answers
 * straight into the 错题本; a 每日一练 answer also rates its card (src/lib/schedule/daily.ts).
 */
export const useQuizStore = defineStore('quiz', () => {
  const study = useStudyStore()
  const progress = useProgressStore()
  const options = ref<QuizOptions>({ ...DEFAULT_QUIZ_OPTIONS })
  const mode = ref<QuizMode>('normal')
  const quiz = shallowRef<Quiz | null>(null)
  const index = ref(0)
  const responses = shallowRef<ReadonlyMap<string, QuizResponse>>(new Map())
  /** Ids of questions already submitted (their feedback is showing or has been seen). */
  const submitted = shallowRef<ReadonlySet<string>>(new Set())
  const result = shallowRef<QuizResult | null>(null)
  /** Questions the member graded themself (long lists on a phone): id → right or not. */
  const selfGraded = shallowRef<ReadonlyMap<string, boolean>>(new Map())
  /** Questions answered after looking at 查看提示. */
  const hinted = shallowRef<ReadonlySet<string>>(new Set())
  /** The address that started the current quiz, so coming back to it (after 查看原文) resumes instead of restarting. */
  const origin = ref<string | null>(null)
  /** 每日一练: the right typed answer waiting for the member's own rating (困难/良好/简单). */
  const awaitingRating = ref<string | null>(null)

  const question = computed<Card | null>(() => quiz.value?.questions[index.value] ?? null)
  const isSubmitted = computed(() => Boolean(question.value && submitted.value.has(question.value.id)))
  const correctOf = (card: Card) => selfGraded.value.get(card.id) ?? checkAnswer(card, responses.value.get(card.id) ?? '')
  const isCorrect = computed(() => (question.value && isSubmitted.value ? correctOf(question.value) : null))
  const isLast = computed(() => Boolean(quiz.value && index.value >= quiz.value.questions.length - 1))
  const poolSize = computed(() => (study.cards ? quizPool(study.cards, options.value).length : 0))

  function begin(questions: Card[] | null, seed: number) {
    if (!questions?.length) return false
    quiz.value = { seed, questions, startedAt: Date.now() }
    index.value = 0
    responses.value = new Map()
    submitted.value = new Set()
    selfGraded.value = new Map()
    hinted.value = new Set()
    result.value = null
    return true
  }

  /** A new quiz from the chosen documents and types; false when nothing matches. */
  function start(seed = Date.now()): boolean {
    mode.value = 'normal'
    const drawn = study.cards ? createQuiz(study.cards, options.value, seed, Date.now()).questions : null
    return begin(drawn, seed)
  }

  /** 错题重练: the mistakes (all, or the given ones) as a quiz; right answers leave the 错题本. */
  function startMistakes(ids?: string[], seed = Date.now()): boolean {
    mode.value = 'mistakes'
    const chosen = [...progress.mistakes.values()].filter((m) => !ids || ids.includes(m.id))
    // The current version of the card when it still exists, else the one that was asked.
    const cards = chosen.map((m) => study.cardById.get(m.id) ?? m.card)
    return begin(createQuiz(cards, { docIds: [], types: [], count: cards.length }, seed, Date.now()).questions, seed)
  }

  /** 每日一练: today's remaining questions (due cards first, then new ones in study order); false when none. */
  function startDaily(seed = Date.now()): boolean {
    mode.value = 'daily'
    awaitingRating.value = null
    const left = DAILY_COUNT - Math.min(DAILY_COUNT, ratedToday(progress.logs, Date.now()))
    study.tick()
    return begin(study.queue && left ? dailyPractice(study.queue, left) : null, seed)
  }

  /** 每日一练: the member's own rating of a right typed answer. */
  async function rateDaily(grade: Grade) {
    const card = question.value
    if (!card || awaitingRating.value !== card.id) return
    awaitingRating.value = null
    await study.rateCard(card, grade, hinted.value.has(card.id))
  }

  function answer(response: QuizResponse) {
    const card = question.value
    if (!card || isSubmitted.value) return
    responses.value = new Map(responses.value).set(card.id, response)
  }

  /** Checks the current answer (or takes the member's own grade); a wrong one goes into the 错题本 at once. */
  async function submit(ownGrade?: boolean) {
    const card = question.value
    if (!card || isSubmitted.value) return
    if (ownGrade !== undefined) selfGraded.value = new Map(selfGraded.value).set(card.id, ownGrade)
    submitted.value = new Set(submitted.value).add(card.id)
    const response = responses.value.get(card.id) ?? ''
    const changes = updateMistakes(progress.mistakes, [{ card, response, correct: correctOf(card) }], Date.now(), {
      removeCorrect: mode.value === 'mistakes',
    })
    await progress.changeMistakes(changes)
    if (mode.value !== 'daily') return
    const used = hinted.value.has(card.id)
    const grade = dailyGrade(card, correctOf(card), used)
    if (grade === null) awaitingRating.value = card.id
    else await study.rateCard(card, grade, used)
  }

  async function next() {
    if (!quiz.value) return
    // Going on without rating a right typed answer rates it 良好, as Space does in 学习.
    if (awaitingRating.value) await rateDaily(3)
    if (isLast.value) result.value = gradeQuiz(quiz.value, responses.value, Date.now(), selfGraded.value)
    else index.value++
  }

  function useHint() {
    if (question.value) hinted.value = new Set(hinted.value).add(question.value.id)
  }

  function reset() {
    quiz.value = null
    result.value = null
    origin.value = null
  }

  return {
    options, mode, origin, quiz, index, responses, result, question, isSubmitted, isCorrect, isLast, poolSize,
    selfGraded, hinted, awaitingRating,
    start, startMistakes, startDaily, rateDaily, answer, submit, next, reset, useHint,
  }
})
