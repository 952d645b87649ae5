import type { CardType } from '../cards/types'
import { optionLetter } from './screenView'
import type { MeetingQuestion } from './types'

/** A blank to write in; ideographic spaces do not collapse in HTML or print. */
export const PAPER_BLANK = '（\u3000\u3000\u3000）'

export type PaperSectionKind = 'choice' | 'multi' | 'truefalse' | 'fill'

const SECTIONS: { kind: PaperSectionKind; name: string; instruction: string }[] = [
  { kind: 'choice', name: '单选题', instruction: '每题只有一个正确答案，将其字母填入括号内。' },
  { kind: 'multi', name: '多选题', instruction: '每题有两个或两个以上正确答案，多选、少选、错选均不得分。' },
  { kind: 'truefalse', name: '判断题', instruction: '正确的打“√”，错误的打“×”。' },
  { kind: 'fill', name: '填空题', instruction: '在括号内填写正确内容。' },
]
const NUMERALS = ['一', '二', '三', '四', '五', '六']

export interface PaperItem {
  /** 1-based within its section. */
  number: number
  prompt: string
  options: { letter: string; text: string }[]
}

export interface PaperSection {
  kind: PaperSectionKind
  /** 一、单选题（共 5 题） */
  title: string
  instruction: string
  items: PaperItem[]
}

export interface AnswerKeyEntry {
  number: number
  answer: string
  /** Where to read it up: the heading path of the passage. */
  source: string
}

export interface PaperLayout {
  title: string
  sections: PaperSection[]
  /** 【答案】, section by section, printed on a separate page. */
  answerKey: { title: string; entries: AnswerKeyEntry[] }[]
}

export function sectionOf(type: CardType): PaperSectionKind {
  if (type === 'choice' || type === 'multi' || type === 'truefalse') return type
  return 'fill'
}

const BLANK_PATTERN = /（[\s\u3000_＿]*）|\([\s_]*\)|[_＿]{2,}/g

/** Every blank as （  ）; a question without a blank gets one at the end. */
export function withBlanks(prompt: string): string {
  const text = prompt.trim().replace(BLANK_PATTERN, PAPER_BLANK)
  return text.includes(PAPER_BLANK) ? text : `${text}${PAPER_BLANK}`
}

function keyAnswer(question: MeetingQuestion): string {
  const answers = Array.isArray(question.answer) ? question.answer : [question.answer]
  if (question.type === 'truefalse') return answers[0] === '正确' ? '√' : '×'
  if ((question.type === 'choice' || question.type === 'multi') && question.options) {
    const letters = answers.map((a) => question.options?.indexOf(a) ?? -1)
    if (letters.every((i) => i >= 0)) return letters.sort((a, b) => a - b).map(optionLetter).join('')
  }
  return answers.join('；')
}

/** The chosen questions as a test sheet for members without phones, plus its answer key. */
export function layoutPaper(title: string, questions: readonly MeetingQuestion[]): PaperLayout {
  const sections: PaperSection[] = []
  const answerKey: PaperLayout['answerKey'] = []
  for (const section of SECTIONS) {
    const inSection = questions.filter((q) => sectionOf(q.type) === section.kind)
    if (!inSection.length) continue
    const heading = `${NUMERALS[sections.length] ?? sections.length + 1}、${section.name}`
    sections.push({
      kind: section.kind,
      title: `${heading}（共 ${inSection.length} 题）`,
      instruction: section.instruction,
      items: inSection.map((q, i) => ({
        number: i + 1,
        prompt: withBlanks(q.prompt),
        options: q.type === 'truefalse' ? [] : (q.options ?? []).map((text, j) => ({ letter: optionLetter(j), text })),
      })),
    })
    answerKey.push({ title: heading, entries: inSection.map((q, i) => ({ number: i + 1, answer: keyAnswer(q), source: q.heading })) })
  }
  return { title, sections, answerKey }
}
