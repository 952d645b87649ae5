import { readImportFile, type ImportedText } from '@/lib/content/importFile'
import { ImportError, localDocument, type LocalDocumentRecord } from '@/lib/content/localDocument'
import type { StudyDocument } from '@/lib/content/types'

/** Work that can freeze a tab on a hostile input, so it runs in content.worker.ts (or here, where no worker exists). */
export type ContentJob =
  | { kind: 'parse'; records: LocalDocumentRecord[] }
  | { kind: 'import'; name: string; size: number; bytes: ArrayBuffer }

/** A document, or why it cannot become one, in words for the member. */
export type ParseOutcome = { document: StudyDocument } | { error: string }

export type ContentResult =
  | { kind: 'parse'; outcomes: ParseOutcome[] }
  | { kind: 'import'; imported: ImportedText }
  | { kind: 'failed'; error: string }

const UNEXPECTED = '内容处理失败，请重试；如仍失败，请换一个文件或把正文复制粘贴进来。'

/** Plain in, plain out (structured-clonable), and never throws: every failure is a Chinese message. */
export async function runContentJob(job: ContentJob): Promise<ContentResult> {
  try {
    if (job.kind === 'parse') return { kind: 'parse', outcomes: job.records.map(parseOutcome) }
    const imported = await readImportFile({ name: job.name, size: job.size, arrayBuffer: async () => job.bytes })
    return { kind: 'import', imported }
  } catch (error) {
    return { kind: 'failed', error: error instanceof ImportError ? error.message : UNEXPECTED }
  }
}

function parseOutcome(record: LocalDocumentRecord): ParseOutcome {
  try {
    return { document: localDocument(record) }
  } catch (error) {
    return { error: error instanceof ImportError ? error.message : UNEXPECTED }
  }
}
