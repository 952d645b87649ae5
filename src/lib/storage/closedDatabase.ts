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
  return typeof name === 'string' && ['UnknownError', 'InvalidStateError', 'AbortError'].includes(name) && typeof message === 'string' && CLOSED.test(message)
}
