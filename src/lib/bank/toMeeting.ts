/**
 * An imported question as a meeting question: a snapshot like the ones drawn from cards, so a round,
 * the projector, the live quiz and the paper quiz play it as they play any other.
 */
import { hash } from '../cards/text'
import type { CardType } from '../cards/types'
import type { MeetingQuestion } from '../meeting/types'
import type { BankQuestionType, CheckedQuestion } from './types'

const LETTERS = 'ABCDEFGH'

/** 问答 answers are judged by the host (as a 填空 with a long answer); the others keep their kind. */
const CARD_TYPE: Record<BankQuestionType, CardType> = { 单选: 'choice', 多选: 'multi', 判断: 'truefalse', 填空: 'cloze', 问答: 'cloze' }

/**
 * `source` is the stating passage's text when the question was linked, so the host sees the clause
 * after the reveal; `fileName` names where the question came from.
 */
export function bankToMeetingQuestion(q: CheckedQuestion, fileName: string, source: string | null): MeetingQuestion {
  const type = CARD_TYPE[q.type]
  const optionOf = (letter: string) => q.options[LETTERS.indexOf(letter)] ?? letter
  const answer = type === 'choice' ? optionOf(q.answer) : type === 'multi' ? [...q.answer].map(optionOf) : q.answer
  return {
    // Content-based: the same question imported twice is the same question.
    id: `imported:${hash(`${q.type}\u0000${q.stem}\u0000${q.options.join('\u0000')}\u0000${q.answer}`)}`,
    docId: q.link?.doc ?? 'imported',
    anchor: q.link?.anchor ?? '',
    type,
    prompt: q.stem,
    answer,
    ...(type === 'truefalse' ? { options: ['正确', '错误'] } : q.options.length ? { options: [...q.options] } : {}),
    source: source ?? '',
    heading: `导入：${fileName}`,
  }
}
