import type { Card, CardType } from '../cards/types'

/** What the user answered: one string (choice, truefalse, cloze, source) or several (multi, enumeration). */
export type QuizResponse = string | string[]

export interface QuizOptions {
  /** Documents to draw from; empty means all. */
  docIds: string[]
  /** Card types to draw from; empty means all. */
  types: CardType[]
  /** Number of questions (default 5). */
  count: number
}

export interface Quiz {
  /** Seed of the draw, so the same quiz can be rebuilt (再来一组 uses a new seed). */
  seed: number
  questions: Card[]
  startedAt: number
}

export interface QuestionResult {
  card: Card
  response: QuizResponse
  correct: boolean
}

export interface QuizResult {
  results: QuestionResult[]
  correct: number
  total: number
  /** Whole percent, 0–100. */
  score: number
  durationMs: number
}

/** An entry of the 错题本: the card as it was asked (so it stays readable if the text changes). */
export interface QuizMistake {
  /** The card id: one entry per card. */
  id: string
  docId: string
  card: Card
  lastResponse: QuizResponse
  wrongCount: number
  firstWrongAt: number
  lastWrongAt: number
}
