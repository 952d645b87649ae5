import { onScopeDispose, ref, watch, type Ref, type WatchSource } from 'vue'

export interface UseDebouncedOptions {
  /** Milliseconds of quiet before the value follows its source. */
  delay?: number
}

/** A ref that follows `source` after `delay` ms of quiet: results as you type, without a search on every key. */
export function useDebounced<T>(source: WatchSource<T>, { delay = 80 }: UseDebouncedOptions = {}): Readonly<Ref<T>> {
  const read = typeof source === 'function' ? (source as () => T) : () => (source as Ref<T>).value
  const value = ref(read()) as Ref<T>
  let timer: ReturnType<typeof setTimeout> | undefined
  watch(source, (next) => {
    clearTimeout(timer)
    timer = setTimeout(() => (value.value = next), delay)
  })
  onScopeDispose(() => clearTimeout(timer))
  return value
}
