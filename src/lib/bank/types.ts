/** The five kinds of question a branch's 题库 holds, named as the papers name them. */
export type BankQuestionType = '单选' | '多选' | '判断' | '填空' | '问答'

export const BANK_QUESTION_TYPES: readonly BankQuestionType[] = ['单选', '多选', '判断', '填空', '问答']

/** A question read from an imported bank, before it is checked against the texts. */
export interface ParsedQuestion {
  /** The number the paper gives it (1、 1. （1）), or its position when the paper gives none. */
  n: number
  /** The line (text) or row (sheet) where it starts, 1-based: what the preview shows beside it. */
  line: number
  type: BankQuestionType
  stem: string
  /** Option texts without their letters, in the paper's order (A first). Empty for 判断/填空/问答. */
  options: string[]
  /**
   * 单选: one letter ('A'); 多选: the letters in order ('ABD'); 判断: '正确' or '错误';
   * 填空: the word(s) for the blanks, several joined with '；'; 问答: the answer text.
   */
  answer: string
  /** 【解析】 text when the paper gives one. */
  explanation?: string
}

/** A line (or row) that could not be read as part of a question, with the reason in Chinese. */
export interface BankLineError {
  line: number
  reason: string
}

export interface ParsedBank {
  questions: ParsedQuestion[]
  errors: BankLineError[]
}

export type BankFlag = 'key-contradicts-text' | 'not-in-texts' | 'older-revision' | 'duplicate' | 'letter-bias'

/** Chinese labels of the flags, for the preview. */
export const BANK_FLAG_LABELS: Record<BankFlag, string> = {
  'key-contradicts-text': '答案与原文不符',
  'not-in-texts': '原文中未找到依据',
  'older-revision': '可能是旧版表述',
  duplicate: '与题库已有题目重复',
  'letter-bias': '答案字母分布不均',
}

export interface CheckedQuestion extends ParsedQuestion {
  /** The passage that states the question's fact, or null when none was found. */
  link: { doc: string; anchor: string } | null
  flags: BankFlag[]
  /** Why each flag was raised, in Chinese (e.g. 原文为“行为规则”). */
  notes: string[]
}
