/** Whether a bank question uses the wording of an earlier revision of a text: the stem names an old revision. */
import { foldTraditional } from '../search/vocabulary'
import type { Fold } from './statement'

const NAMES_OLDER_REVISION = /十[五六七八九]大(?:通过的|修改的)?(?:党章|黨章)|(?:2007|2012|2017)\s*年(?:版)?(?:党章|黨章)|旧党章|原党章/

export interface LinkedPassage {
  docId: string
  anchor: string
  /** The passage as the reader shows it. */
  text: string
}

/** A Chinese note when the question reads as an earlier revision's wording, else null. */
export function olderRevisionNote(stem: string, _statement: string, _passage: LinkedPassage | null, fold: Fold): string | null {
  if (NAMES_OLDER_REVISION.test(foldTraditional(stem, fold))) return '题目提到旧版党章，表述可能与现行文本不同。'
  return null
}
