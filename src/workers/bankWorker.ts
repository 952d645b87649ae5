import { bankFileExtension } from '@/lib/bank/readBankFile'
import type { ParsedBank } from '@/lib/bank/types'
import type { ImportFile } from '@/lib/content/importFile'
import { ImportError } from '@/lib/content/localDocument'
import type { ContentJob, ContentResult } from './contentJobs'
import { canUseWorker, IMPORT_TIMEOUT_MS, inWorker } from './contentWorker'

/**
 * Reads a question bank (a file, or pasted text) in a worker: a 5,000-question sheet, a zip bomb or a
 * runaway .docx never holds the page. Type and size are refused before the file is read.
 */
export async function readBankOffThread(source: ImportFile | string): Promise<ParsedBank> {
  if (typeof source !== 'string') bankFileExtension(source)
  if (!canUseWorker()) throw new ImportError('此浏览器无法在后台读取文件。请升级浏览器后再导入题库。')
  const job: ContentJob =
    typeof source === 'string' ? { kind: 'bank-text', text: source } : { kind: 'bank', name: source.name, size: source.size, bytes: await source.arrayBuffer() }
  const name = typeof source === 'string' ? '粘贴的内容' : `“${source.name}”`
  const result = await inWorker(job, IMPORT_TIMEOUT_MS).catch(
    (): ContentResult => ({ kind: 'failed', error: `无法读取${name}：文件可能过大或已损坏。请另存一份再试。` }),
  )
  if (result.kind === 'bank') return result.bank
  throw new ImportError(result.kind === 'failed' ? result.error : '题库读取失败，请重试或换一个文件。')
}
