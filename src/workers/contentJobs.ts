import { readBankFile, readBankText } from '@/lib/bank/readBankFile'
import type { ParsedBank } from '@/lib/bank/types'
import { alignOfficialText, type AlignResult } from '@/lib/content/align'
import { readImportFile, type ImportedText } from '@/lib/content/importFile'
import type { StudyDocument } from '@/lib/content/types'
import { ImportError, type LocalDocumentRecord } from '@/lib/content/localDocument'
import { parseOutcome, UNEXPECTED_FAILURE, type ParseOutcome } from './parseJob'

export type { ParseOutcome }

/** Work that can freeze a tab on a hostile input, so it runs in content.worker.ts. */
export type ContentJob =
  | { kind: 'parse'; records: LocalDocumentRecord[] }
  | { kind: 'import'; name: string; size: number; bytes: ArrayBuffer }
  | { kind: 'bank'; name: string; size: number; bytes: ArrayBuffer }
  | { kind: 'bank-text'; text: string }
  | { kind: 'align'; doc: StudyDocument; text: string }

export type ContentResult =
  | { kind: 'parse'; outcomes: ParseOutcome[] }
  | { kind: 'import'; imported: ImportedText }
  | { kind: 'bank'; bank: ParsedBank }
  | { kind: 'align'; result: AlignResult }
  | { kind: 'failed'; error: string }

/** Plain in, plain out (structured-clonable), and never throws: every failure is a Chinese message. */
export async function runContentJob(job: ContentJob): Promise<ContentResult> {
  try {
    if (job.kind === 'parse') return { kind: 'parse', outcomes: job.records.map(parseOutcome) }
    if (job.kind === 'bank-text') return { kind: 'bank', bank: readBankText(job.text) }
    if (job.kind === 'bank') return { kind: 'bank', bank: await readBankFile({ name: job.name, size: job.size, arrayBuffer: async () => job.bytes }) }
    if (job.kind === 'align') return { kind: 'align', result: alignOfficialText(job.doc, job.text) }
    const imported = await readImportFile({ name: job.name, size: job.size, arrayBuffer: async () => job.bytes })
    return { kind: 'import', imported }
  } catch (error) {
    return { kind: 'failed', error: error instanceof ImportError ? error.message : UNEXPECTED_FAILURE }
  }
}
