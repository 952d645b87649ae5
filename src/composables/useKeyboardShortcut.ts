import { onScopeDispose } from 'vue'

export interface UseKeyboardShortcutOptions {
  /** Also fire while the user types in an input or textarea (off: `/` in a text box is just a slash). */
  inInputs?: boolean
  preventDefault?: boolean
}

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

/** Calls `handler` when `match(event)` holds for a keydown anywhere on the page; removed with the scope. */
export function useKeyboardShortcut(
  match: (event: KeyboardEvent) => boolean,
  handler: (event: KeyboardEvent) => void,
  { inInputs = false, preventDefault = true }: UseKeyboardShortcutOptions = {},
): void {
  const listener = (event: KeyboardEvent) => {
    if (event.isComposing || event.defaultPrevented) return
    if (!inInputs && isTypingTarget(event.target)) return
    if (!match(event)) return
    if (preventDefault) event.preventDefault()
    handler(event)
  }
  window.addEventListener('keydown', listener)
  onScopeDispose(() => window.removeEventListener('keydown', listener))
}
