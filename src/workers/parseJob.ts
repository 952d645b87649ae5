import { ImportError, localDocument, type LocalDocumentRecord } from '@/lib/content/localDocument'
import type { StudyDocument } from '@/lib/content/types'

/** A document, or why it cannot become one, in words for the member. */
export type ParseOutcome = { document: StudyDocument } | { error: string }

export const UNEXPECTED_FAILURE = '内容处理失败，请重试；如仍失败，请换一个文件或把正文复制粘贴进来。'

/** Parses one added document without throwing (kept apart from file imports, so the page never bundles mammoth twice). */
export function parseOutcome(record: LocalDocumentRecord): ParseOutcome {
  try {
    return { document: localDocument(record) }
  } catch (error) {
    return { error: error instanceof ImportError ? error.message : UNEXPECTED_FAILURE }
  }
}
