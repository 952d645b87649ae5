import { looksLikeHtml } from './alignText'
import { decodeText, readImportFile, type ImportFile } from './importFile'
import { ImportError, IMPORT_LIMITS } from './localDocument'

/** File types a branch's official copy may come in: the import formats, plus a web page saved from a browser. */
export const OFFICIAL_FILE_ACCEPT = '.txt,.md,.markdown,.docx,.html,.htm'

/**
 * Reads an official copy for alignment. A saved web page is kept as HTML (alignOfficialText reads its text);
 * everything else goes through the same reader as the branch's own documents.
 */
export async function readOfficialFile(file: ImportFile): Promise<string> {
  if (!/\.html?$/i.test(file.name)) return (await readImportFile(file)).text
  if (file.size === 0) throw new ImportError(`“${file.name}”是空文件。`)
  if (file.size > IMPORT_LIMITS.fileBytes) throw new ImportError(`“${file.name}”超过 ${IMPORT_LIMITS.fileBytes / 1024 / 1024} MB 的上限。`)
  const text = decodeText(new Uint8Array(await file.arrayBuffer()))
  if (!looksLikeHtml(text)) throw new ImportError(`“${file.name}”不像是从浏览器保存的网页。`)
  return text
}
