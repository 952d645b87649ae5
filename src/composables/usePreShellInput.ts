import { inject, type InjectionKey } from 'vue'
import type { PreShellInput } from '@/preShell'

/** What the member typed into index.html's search box before the app ran (src/preShell.ts), provided by src/main.ts. */
export const PRE_SHELL_INPUT: InjectionKey<PreShellInput> = Symbol('pre-shell input')

const taken = new WeakSet<PreShellInput>()

/** The pre-shell's input, once: a header box created again later (after a page without the header) starts afresh. */
export function usePreShellInput(): PreShellInput | null {
  const typed = inject(PRE_SHELL_INPUT, null)
  if (!typed || taken.has(typed)) return null
  taken.add(typed)
  return typed
}
