/**
 * Errors of an IndexedDB request cut off because its database was closed under it: the member cleared the
 * site's data in the browser's settings while the app was open, or the browser closed the connection.
 * Nothing the app can retry; the page says to reload instead of reporting an internal error.
 */
export const DATA_CLEARED_NOTICE = '本机数据已被浏览器清除或关闭，本页已停止保存。请刷新页面后继续。'

const CLOSED = /connection (is closing|was closed)|database connection is closing|force close/i

export function isClosedDatabaseError(reason: unknown): boolean {
  if (typeof reason !== 'object' || reason === null) return false
  const { name, message } = reason as { name?: unknown; message?: unknown }
  if (typeof name !== 'string' || typeof message !== 'string') return false
  // A transaction aborted with no error of its own: idb's words (new DOMException('AbortError', 'AbortError'))
  // for a transaction cut off when its connection closed; the app's own aborts are caught where it makes them.
  if (name === 'AbortError' && message === 'AbortError') return true
  return ['UnknownError', 'InvalidStateError', 'AbortError'].includes(name) && CLOSED.test(message)
}
