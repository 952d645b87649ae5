import type { AlignResult } from '@/lib/content/align'
import type { ImportFile, ImportedText } from '@/lib/content/importFile'
import { ImportError, type LocalDocumentRecord } from '@/lib/content/localDocument'
import type { StudyDocument } from '@/lib/content/types'
import type { ContentJob, ContentResult } from './contentJobs'
import type { ParseOutcome } from './parseJob'

// The parser, the aligner and the file checks are fetched when first used (this module is in the app shell).

/** Texts shorter than this parse on the page in a few milliseconds; starting a worker would cost more. */
export const WORKER_THRESHOLD_CHARS = 20_000
export const ALIGN_WORKER_THRESHOLD_CHARS = 5_000
/** A conversion still running after this long is stopped (a hostile file the zip directory did not expose). */
export const IMPORT_TIMEOUT_MS = 60_000

export const canUseWorker = () => typeof Worker !== 'undefined'

/** Runs one job in a fresh worker, stopped after `timeoutMs`. */
export function inWorker(job: ContentJob, timeoutMs: number): Promise<ContentResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./content.worker.ts', import.meta.url), { type: 'module' })
    const timer = setTimeout(() => finish(() => resolve({ kind: 'failed', error: `处理超过 ${timeoutMs / 1000} 秒仍未完成，已停止。文件可能异常，请换一个文件或把正文复制粘贴进来。` })), timeoutMs)
    const finish = (settle: () => void) => {
      clearTimeout(timer)
      worker.terminate()
      settle()
    }
    worker.addEventListener('message', (event: MessageEvent<ContentResult>) => finish(() => resolve(event.data)))
    // A worker that cannot start, or dies (out of memory), ends here.
    worker.addEventListener('error', (event) => {
      event.preventDefault()
      finish(() => reject(new Error(event.message || 'content worker failed')))
    })
    worker.postMessage(job, job.kind === 'import' || job.kind === 'bank' ? [job.bytes] : [])
  })
}

/** Parses the branch's documents; long ones off the main thread, so a huge paste never freezes the page. */
export async function parseLocalDocuments(records: LocalDocumentRecord[]): Promise<ParseOutcome[]> {
  if (!records.length) return []
  const chars = records.reduce((sum, record) => sum + record.text.length, 0)
  const job: ContentJob = { kind: 'parse', records: records.map((record) => ({ ...record })) }
  let result: ContentResult | undefined
  if (records.length && chars >= WORKER_THRESHOLD_CHARS && canUseWorker()) {
    // Parsing is linear and cannot hang, so a worker that fails to start falls back to the page.
    result = await inWorker(job, 5 * IMPORT_TIMEOUT_MS).catch(() => undefined)
  }
  if (!result) {
    const { parseOutcome } = await import('./parseJob')
    return records.map(parseOutcome)
  }
  if (result.kind === 'parse') return result.outcomes
  return records.map(() => ({ error: result.kind === 'failed' ? result.error : '内容处理失败，请重试。' }))
}

export async function parseLocalDocumentOffThread(record: LocalDocumentRecord): Promise<StudyDocument> {
  const [outcome] = await parseLocalDocuments([record])
  if (!outcome || 'error' in outcome) throw new ImportError(outcome?.error ?? '内容处理失败，请重试。')
  return outcome.document
}

/**
 * Aligns a branch's official copy with a bundled text; a long copy off the main thread (a 5 MB
 * paste took 5–7 s on the page). A worker that cannot start or fails leaves the work to the page.
 */
export async function alignOffThread(doc: StudyDocument, text: string): Promise<AlignResult> {
  // Alignment compares every passage with every other, so it earns a worker sooner than parsing: a whole 党章 copy (16 000 characters) goes there.
  if (text.length >= ALIGN_WORKER_THRESHOLD_CHARS && canUseWorker()) {
    const result = await inWorker({ kind: 'align', doc, text }, IMPORT_TIMEOUT_MS).catch(() => undefined)
    if (result?.kind === 'align') return result.result
    if (result?.kind === 'failed') return { doc: doc.id, verdict: 'refused', reason: result.error, passages: [] }
  }
  const { alignOfficialText } = await import('@/lib/content/align')
  return alignOfficialText(doc, text)
}

/** Reads a chosen file (.txt, .md, .docx) in a worker; errors are ImportErrors in Chinese. */
export async function importFileOffThread(file: ImportFile): Promise<ImportedText> {
  // Type and size are refused before the file is read.
  const { checkImportFile } = await import('@/lib/content/importFile')
  checkImportFile(file)
  const job: ContentJob = { kind: 'import', name: file.name, size: file.size, bytes: await file.arrayBuffer() }
  // Files are only ever converted in a worker (every browser since 2023 has module workers), so a hostile
  // file cannot freeze the page and the converter is not bundled twice.
  if (!canUseWorker()) throw new ImportError('此浏览器无法在后台读取文件。请升级浏览器，或把正文复制粘贴进来。')
  const result = await inWorker(job, IMPORT_TIMEOUT_MS).catch(
    (): ContentResult => ({ kind: 'failed', error: `无法读取“${file.name}”：文件可能过大或已损坏。请在 Word 中另存一份，或把正文复制粘贴进来。` }),
  )
  if (result.kind === 'import') return result.imported
  throw new ImportError(result.kind === 'failed' ? result.error : '文件读取失败，请重试或换一个文件。')
}

