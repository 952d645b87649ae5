/**
 * Reads a zip archive's central directory (the table at its end) without inflating anything, so a
 * .docx can be refused for what it would unpack to before any of it is unpacked.
 */
export interface ZipEntry {
  name: string
  /** 0 stored, 8 deflated (the only two a .docx uses). */
  method: number
  compressedSize: number
  uncompressedSize: number
  /** Where the entry's local header starts. */
  offset: number
}

const EOCD = 0x06054b50
const CENTRAL_HEADER = 0x02014b50
const ZIP64_MARK = 0xffffffff

/** Entries of the archive, or null when the bytes are not a readable zip (or use zip64, which no .docx needs). */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // The end record sits in the last 22 bytes plus a comment of at most 65 535 bytes.
  let end = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i
      break
    }
  }
  if (end < 0) return null
  const count = view.getUint16(end + 10, true)
  const size = view.getUint32(end + 12, true)
  let offset = view.getUint32(end + 16, true)
  if (offset === ZIP64_MARK || size === ZIP64_MARK || offset + size > end) return null
  const decoder = new TextDecoder()
  const entries: ZipEntry[] = []
  for (let n = 0; n < count; n++) {
    if (offset + 46 > end || view.getUint32(offset, true) !== CENTRAL_HEADER) return null
    const method = view.getUint16(offset + 10, true)
    const compressedSize = view.getUint32(offset + 20, true)
    const uncompressedSize = view.getUint32(offset + 24, true)
    const nameLength = view.getUint16(offset + 28, true)
    const extraLength = view.getUint16(offset + 30, true)
    const commentLength = view.getUint16(offset + 32, true)
    if (compressedSize === ZIP64_MARK || uncompressedSize === ZIP64_MARK) return null
    const name = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength))
    entries.push({ name, method, compressedSize, uncompressedSize, offset: view.getUint32(offset + 42, true) })
    offset += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/**
 * What the entries really unpack to, counted while inflating and stopped as soon as the total passes
 * `limit`: the directory's sizes are written by whoever made the file and may lie. Returns the bytes
 * counted (more than `limit` means "too big"), or null when an entry is damaged, uses another method,
 * or unpacks to more than its directory entry says.
 */
export async function measureUnpacked(bytes: Uint8Array, entries: readonly ZipEntry[], limit: number): Promise<number | null> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let total = 0
  for (const entry of entries) {
    const at = entry.offset
    if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) return null
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true)
    const data = bytes.subarray(start, start + entry.compressedSize)
    if (data.length !== entry.compressedSize) return null
    if (entry.method === 0) {
      total += data.length
      if (total > limit) return total
      continue
    }
    if (entry.method !== 8) return null
    const reader = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader()
    let size = 0
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        size += value.byteLength
        if (size > entry.uncompressedSize) {
          void reader.cancel().catch(() => {})
          return null
        }
        if (total + size > limit) {
          void reader.cancel().catch(() => {})
          return total + size
        }
      }
    } catch {
      return null
    }
    total += size
  }
  return total
}
