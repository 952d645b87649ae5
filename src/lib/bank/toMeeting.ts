/**
 * An imported question as a meeting question: a snapshot like the ones drawn from cards, so a round,
 * the projector, the live quiz and the paper quiz play it as they play any other.
 */
import type { MeetingQuestion } from '../meeting/types'
import { toMeetingQuestion } from '../meeting/selection'
import { importedQuestionCard } from './toCard'
import type { CheckedQuestion } from './types'

/**
 * `source` is the stating passage's text when the question was linked, so the host sees the clause
 * after the reveal; `fileName` names where the question came from. The same card as in study, so
 * the id (importedQuestionId) is one rule.
 */
export function bankToMeetingQuestion(q: CheckedQuestion, fileName: string, source: string | null): MeetingQuestion {
  return toMeetingQuestion(importedQuestionCard({ ...q, clause: source }, fileName))
}
