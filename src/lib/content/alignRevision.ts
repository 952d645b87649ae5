import type { AlignedPassage } from './align'
import { foldText } from './alignText'
import type { StudyDocument } from './types'

/**
 * How a copy of an earlier revision is told by its text, when its heading gives no date: words the
 * latest revision put into passages the bundled text reproduces. Each is quoted from the bundled
 * text and its source is on record in the document's editor note (content/constitution.md lists the
 * six 2022 substitutions); no earlier wording is reproduced here. A copy that has those passages
 * without the words — or lacks a paragraph the revision added — is the earlier text.
 */
export const REVISION_MARKS: Readonly<Record<string, { earlier: string; marks: readonly { anchor: string; words: string }[] }>> = {
  constitution: {
    earlier: '2017年（党的十九大修改）',
    marks: [
      { anchor: 'general-10', words: '历经百年奋斗' },
      { anchor: 'general-28', words: '坚持新时代党的组织路线' },
      { anchor: 'art-30', words: '医院' },
      { anchor: 'art-33', words: '加强基层社会治理' },
      { anchor: 'art-40', words: '诫勉直至纪律处分' },
      { anchor: 'art-48', words: '党组发挥领导作用' },
    ],
  },
}

/** Evidence needed before a whole copy is called the earlier revision: one odd passage may be a typo. */
const ENOUGH = 2

/** A refusal when the aligned copy reads as the earlier revision in at least two marked passages. */
export function earlierRevision(doc: StudyDocument, passages: readonly AlignedPassage[]): string | null {
  const known = REVISION_MARKS[doc.id]
  if (!known) return null
  const byAnchor = new Map(passages.map((p) => [p.anchor, p]))
  const places = known.marks.flatMap(({ anchor, words }) => {
    const p = byAnchor.get(anchor)
    const old = p && (p.status === 'missing-in-official' || (p.official !== undefined && !foldText(p.official).includes(foldText(words))))
    return old ? [`${p.where}${p.status === 'missing-in-official' ? '（这一段是新增的，文中没有）' : `（没有“${words}”）`}`] : []
  })
  if (places.length < ENOUGH) return null
  return `这是${known.earlier}的版本：${places.join('、')}，都还是修改前的文字。本应用收录的是“${doc.version}”的版本，版本不同，不能据此补全或核对，本次不作任何改动。`
}

/** The same test for one passage (a filled or replaced passage arriving in a backup): null when it may be the current wording. */
export function earlierRevisionOfPassage(doc: StudyDocument, anchor: string, text: string): string | null {
  const mark = REVISION_MARKS[doc.id]?.marks.find((m) => m.anchor === anchor)
  if (!mark || foldText(text).includes(foldText(mark.words))) return null
  return `这一段是${REVISION_MARKS[doc.id]!.earlier}版本的文字（没有“${mark.words}”），未采用`
}
