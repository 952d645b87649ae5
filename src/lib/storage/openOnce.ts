/**
 * A store's database, opened on first use and then shared. Where IndexedDB cannot open (private mode, a
 * blocked profile) the store keeps working in memory: the failure is reported once, with the store's own
 * words for what will not be kept, and every later call gets `null` at once.
 */
export function openOnce<T>(open: () => Promise<T>, onUnavailable: (error: unknown) => void): () => Promise<T | null> {
  let opened: Promise<T | null> | null = null
  return () =>
    (opened ??= open().catch((error: unknown) => {
      console.warn('IndexedDB unavailable', error)
      onUnavailable(error)
      return null
    }))
}
