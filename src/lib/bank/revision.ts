/**
 * Whether a bank question uses the wording of an earlier revision of a text. Two signs: the stem names an
 * old revision (十八大党章, 2017年版党章), or its text quotes a passage the latest revision amended on both
 * sides of the amended words and says something else in their place (党组发挥领导核心作用 where the text
 * now reads 党组发挥领导作用; the basic units listed without 医院). The amended places are the ones the
 * official-copy check knows (REVISION_MARKS): one list for both.
 */
import { REVISION_MARKS } from '../content/alignRevision'
import { foldTraditional } from '../search/vocabulary'
import { compact, type Fold } from './statement'

const NAMES_OLDER_REVISION = /十[五六七八九]大(?:通过的|修改的)?(?:党章|黨章)|(?:2007|2012|2017)\s*年(?:版)?(?:党章|黨章)|旧党章|原党章/

/** Shortest run of the passage's wording that counts as quoted, on either side of the amended words. */
const MIN_RUN = 2
/** Both runs together: enough wording that the question is quoting this place, not sharing a word by chance. */
const MIN_QUOTED = 6
/** How much the question may say between its two runs (the earlier wording, or the key in a blank). */
const MAX_QUESTION_GAP = 10
/** How much of the passage may lie between the runs beyond the amended words themselves. */
const MAX_PASSAGE_SLACK = 8
/** Characters of the current wording shown on each side of the amended words in the note. */
const CONTEXT_CHARS = 6

export interface LinkedPassage {
  docId: string
  anchor: string
  /** The passage as the reader shows it. */
  text: string
}

/** A Chinese note when the question reads as an earlier revision's wording, else null. */
export function olderRevisionNote(stem: string, statement: string, passage: LinkedPassage | null, fold: Fold): string | null {
  if (NAMES_OLDER_REVISION.test(foldTraditional(stem, fold))) return '题目提到旧版党章，表述可能与现行文本不同。'
  if (!passage) return null
  const known = REVISION_MARKS[passage.docId]
  const mark = known?.marks.find((m) => m.anchor === passage.anchor)
  if (!known || !mark) return null
  const said = compact(statement, fold)
  const text = compact(passage.text, fold)
  const words = compact(mark.words, fold)
  const start = text.indexOf(words)
  if (start < 0 || said.includes(words) || !quotesAround(said, text, start, start + words.length)) return null
  return `题目与现行文本在经修改处的表述不同，可能沿用了${known.earlier}或更早版本的文字：现行文本为“${around(passage.text, mark.words)}”。`
}

/**
 * Whether `said` holds a run of `text` reaching the amended words' start or earlier (the left run) and, a
 * little further on, a run reaching their end or later (the right run). A question that lacks the amended
 * words but quotes both sides of them says something else in their place.
 */
function quotesAround(said: string, text: string, start: number, end: number): boolean {
  for (let a = Math.max(0, start - MAX_QUESTION_GAP - MAX_PASSAGE_SLACK); a <= start; a++) {
    for (let b = a + MIN_RUN; b <= end; b++) {
      const left = text.slice(a, b)
      if (!said.includes(left)) break
      for (let at = said.indexOf(left); at >= 0; at = said.indexOf(left, at + 1)) {
        const after = at + left.length
        for (let c = b; c <= Math.min(text.length - MIN_RUN, b + end - start + MAX_PASSAGE_SLACK); c++) {
          const right = text.slice(c, Math.max(end, c + MIN_RUN))
          const found = said.indexOf(right, after)
          if (found >= 0 && found - after <= MAX_QUESTION_GAP && left.length + right.length >= MIN_QUOTED) return true
        }
      }
    }
  }
  return false
}

/** The amended words with a little of the current wording on each side, within their sentence, as the reader shows it. */
function around(text: string, words: string): string {
  const at = text.indexOf(words)
  if (at < 0) return words
  const before = text.slice(Math.max(0, at - CONTEXT_CHARS), at).split(/[。；！？\n]/).pop()!
  const after = text.slice(at + words.length, at + words.length + CONTEXT_CHARS).split(/[。；！？\n]/)[0]!
  return `${before}${words}${after}`.replace(/\s+/g, '').replace(/^[，、：]+|[，、：]+$/g, '')
}
