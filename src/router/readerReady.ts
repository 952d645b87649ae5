/**
 * The reader renders its text after the route has changed (the text loads lazily), so a scroll position
 * saved for back/forward can only be restored once the reader says its text is on the page.
 */
let readyPath: string | null = null
const waiting = new Map<string, (() => void)[]>()

export function announceReaderReady(path: string | null): void {
  readyPath = path
  if (!path) return
  for (const resolve of waiting.get(path) ?? []) resolve()
  waiting.delete(path)
}

export function whenReaderReady(path: string, timeoutMs = 4000): Promise<void> {
  if (readyPath === path) return Promise.resolve()
  return new Promise((resolve) => {
    waiting.set(path, [...(waiting.get(path) ?? []), resolve])
    setTimeout(resolve, timeoutMs)
  })
}

/** Back/forward is waiting to restore a scroll position on this reader page: the whole text is needed now. */
export function readerAwaited(path: string): boolean {
  return waiting.has(path)
}
