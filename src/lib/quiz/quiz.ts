import { seededRandom, shuffleWith } from '../common/random'
import { factOf, type Card } from '../cards/types'
import { studyOrder } from '../schedule/order'
import { checkAnswer } from './check'
import type { QuestionResult, Quiz, QuizMistake, QuizOptions, QuizResponse, QuizResult } from './types'

export const DEFAULT_QUIZ_OPTIONS: Readonly<QuizOptions> = Object.freeze({ docIds: [], types: [], count: 5 })
export const QUIZ_COUNT_CHOICES = [5, 10, 20, 30] as const

export function shuffle<T>(items: readonly T[], seed: number): T[] {
  return shuffleWith(items, seededRandom(seed))
}

/** The cards a quiz may draw from. */
export function quizPool(cards: readonly Card[], { docIds, types }: Pick<QuizOptions, 'docIds' | 'types'>): Card[] {
  const docs = new Set(docIds)
  const kinds = new Set(types)
  return cards.filter((card) => (!docs.size || docs.has(card.docId)) && (!kinds.size || kinds.has(card.type)))
}

/**
 * Draws `count` questions at random, in the study order (hand-written and headline questions
 * first, documents and chapters in turn): never two cards of one fact (siblings give each other
 * away), and at most one per passage while there are passages enough.
 */
export function createQuiz(cards: readonly Card[], options: QuizOptions, seed: number, now: number): Quiz {
  const count = Math.max(1, Math.floor(options.count))
  const shuffled = studyOrder(shuffle(quizPool(cards, options), seed))
  const passages = new Set<string>()
  const facts = new Set<string>()
  const first: Card[] = []
  const rest: Card[] = []
  for (const card of shuffled) {
    const fact = factOf(card)
    if (facts.has(fact)) continue
    facts.add(fact)
    const passage = `${card.docId}#${card.anchor}`
    if (passages.has(passage)) rest.push(card)
    else (passages.add(passage), first.push(card))
  }
  return { seed, questions: [...first, ...rest].slice(0, count), startedAt: now }
}

/**
 * Scores a finished quiz; unanswered questions count as wrong. `ownGrades`: questions the member
 * graded themself (a long list recited rather than typed, on a phone).
 */
export function gradeQuiz(
  quiz: Quiz,
  responses: ReadonlyMap<string, QuizResponse>,
  finishedAt: number,
  ownGrades: ReadonlyMap<string, boolean> = new Map(),
): QuizResult {
  const results: QuestionResult[] = quiz.questions.map((card) => {
    const response = responses.get(card.id) ?? ''
    return { card, response, correct: ownGrades.get(card.id) ?? checkAnswer(card, response) }
  })
  const correct = results.filter((r) => r.correct).length
  const total = results.length
  return { results, correct, total, score: total ? Math.round((correct / total) * 100) : 0, durationMs: Math.max(0, finishedAt - quiz.startedAt) }
}

export interface MistakeChanges {
  put: QuizMistake[]
  remove: string[]
}

/**
 * What a finished quiz changes in the 错题本: every wrong answer is added (or counted again);
 * when practising mistakes, a right answer takes the card out.
 */
export function updateMistakes(
  existing: ReadonlyMap<string, QuizMistake>,
  results: readonly QuestionResult[],
  now: number,
  { removeCorrect = false }: { removeCorrect?: boolean } = {},
): MistakeChanges {
  const put: QuizMistake[] = []
  const remove: string[] = []
  for (const { card, response, correct } of results) {
    const before = existing.get(card.id)
    if (!correct) {
      put.push({
        id: card.id,
        docId: card.docId,
        card,
        lastResponse: response,
        wrongCount: (before?.wrongCount ?? 0) + 1,
        firstWrongAt: before?.firstWrongAt ?? now,
        lastWrongAt: now,
      })
    } else if (removeCorrect && before) {
      remove.push(card.id)
    }
  }
  return { put, remove }
}

/** 2分05秒 / 45秒 */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000))
  const minutes = Math.floor(seconds / 60)
  return minutes ? `${minutes}分${String(seconds % 60).padStart(2, '0')}秒` : `${seconds}秒`
}
