/**
 * A typed value in localStorage that survives bad data: anything unreadable or out of range
 * falls back to the default instead of breaking the page.
 */
export interface LocalSetting<T> {
  read(): T
  write(value: T): void
}

export interface KeyValueStore {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

export function localSetting<T>(
  key: string,
  fallback: T,
  accept: (value: unknown) => value is T,
  storage: () => KeyValueStore | undefined = () => (globalThis as { localStorage?: KeyValueStore }).localStorage,
): LocalSetting<T> {
  return {
    read() {
      try {
        const raw = storage()?.getItem(key)
        if (raw == null) return fallback
        const value: unknown = JSON.parse(raw)
        return accept(value) ? value : fallback
      } catch {
        return fallback
      }
    },
    write(value) {
      try {
        storage()?.setItem(key, JSON.stringify(value))
      } catch {
        // Storage full or refused (private mode): the setting lasts for this visit only.
      }
    },
  }
}
