import { formatNumeral } from '../content/numerals'
import type { SearchNotice } from './engine'

/** Where a gap stands, as a member cites it: 总纲第十一自然段, 第一章 党员 › 第三条. */
export function gapPlace(notice: Extract<SearchNotice, { kind: 'gap' }>): string {
  const paragraph = /^general-(\d+)$/.exec(notice.anchor)
  return paragraph ? `${notice.heading}第${formatNumeral(Number(paragraph[1]))}自然段` : notice.heading
}

/** What the member is told, in the app and by the command line alike. */
export function noticeMessage(notice: SearchNotice): string {
  switch (notice.kind) {
    case 'no-article':
      return `《${notice.docTitle}》共${formatNumeral(notice.last)}${notice.unit}，没有第${formatNumeral(notice.number)}${notice.unit}。`
    case 'gap':
      return `答案可能在《${notice.docTitle}》${gapPlace(notice)}：这部分经党的二十大修改，修改后的原文本应用暂缺${notice.note ? `（${notice.note.replace(/。$/u, '')}）` : ''}，可用正式文本补全。`
    case 'no-answer':
      return '书库中没有直接回答这个问题的内容。可换个说法，或用空格分开几个关键词。'
  }
}
