/**
 * The header written into index.html (`data-pre-shell`), with a page that says 正在载入…: painted with the page's
 * HTML and its one stylesheet, about a second before the app shell (Vue, the router, the stores) has downloaded
 * and run, so a member on a slow line sees 学习园地 at once and can tap the search box and type. The app mounts
 * in its place and takes over what was typed there (src/main.ts, TheSearchBox). Before the app runs, the box is
 * a plain form (Enter opens /search?q=…) that lists the search worker's results as links (src/preShellResults.ts).
 *
 * Installed by src/boot.ts, the app's first script; handed to the app through `window`, like the search worker
 * (src/workers/searchWorkerStart.ts): a module both import would become a chunk the boot script waits for.
 */

import type { ResultsBeforeApp } from './preShellResults'

/** What the member left in the pre-shell's box when the app took over. */
export interface PreShellInput {
  value: string
  /** The box had focus: the app's box takes it, with the caret where it was (no select-all). */
  focused: boolean
  selectionStart: number | null
  selectionEnd: number | null
  /** Takes away the results listed under the box before the app ran (src/preShellResults.ts), kept on screen until then. */
  releaseResults: () => void
}

export interface PreShellHandOff {
  /** False on the pages the app shows without a header (and so without its search box). */
  header: boolean
  /**
   * Resolves when the app may replace the box: no input-method composition is under way in it (a word still
   * being composed, pinyin not yet committed, would be lost with it), and what was typed there has its answer
   * on screen, or `answerWithinMs` has passed.
   */
  settled(answerWithinMs: number): Promise<void>
  /** Reads the box, once, just before the app replaces it; null when there is no box. */
  take(): PreShellInput | null
}

declare global {
  interface Window {
    studyGardenPreShell?: PreShellHandOff
    /** Set by src/main.ts when the app's entry has run. */
    studyGardenAppStarted?: boolean
  }
}

/** index.html's search box, until the app replaces it. */
export const PRE_SHELL_BOX = '[data-pre-shell] input'

/** The event came from index.html's search box. */
export const isPreShellBox = (target: EventTarget | null): target is HTMLInputElement => target instanceof HTMLInputElement && target.closest('[data-pre-shell]') !== null

/** The attribute on <html> that hides the pre-shell on pages without the app header (meeting projector, phone). */
const PRE_SHELL_OFF = 'data-pre-shell-off'

const LOAD_FAILED = '学习园地未能载入：请检查网络连接后刷新页面。'

/** How long the app waits for a composition to end before mounting anyway (a box left mid-word). */
const COMPOSITION_WAIT_MS = 10_000

/** `results`: the box's results before the app has run, where the search worker started with the page. */
export function installPreShell(withHeader: boolean, results: ResultsBeforeApp | null): void {
  if (!withHeader) document.documentElement.setAttribute(PRE_SHELL_OFF, '')
  let composing = false
  let ended: (() => void)[] = []
  const onStart = (event: Event) => void (isPreShellBox(event.target) && (composing = true))
  const onEnd = (event: Event) => {
    if (!isPreShellBox(event.target)) return
    composing = false
    for (const resolve of ended) resolve()
    ended = []
  }
  // The app's scripts could not be fetched (the connection dropped, the server stopped): the page says so
  // instead of 正在载入… for ever. The app's entry is a module script, run before DOMContentLoaded if it was
  // fetched at all, so by the page's load event it has run or failed. Not sooner: this script often runs
  // once the HTML is parsed (readyState 'interactive') while the entry is still on its way, and on a slow
  // line said 未能载入 for a second of every start.
  const unlessStarted = () => {
    const status = document.querySelector('[data-pre-shell] [role=status]')
    if (status && !window.studyGardenAppStarted) status.textContent = LOAD_FAILED
  }
  if (document.readyState === 'complete') unlessStarted()
  else window.addEventListener('load', unlessStarted, { once: true })
  // On the document, in the capture phase: this script may run before the parser has reached the box.
  document.addEventListener('compositionstart', onStart, true)
  document.addEventListener('compositionend', onEnd, true)
  window.studyGardenPreShell = {
    header: withHeader,
    async settled(answerWithinMs) {
      if (composing)
        await new Promise<void>((resolve) => {
          ended.push(resolve)
          setTimeout(resolve, COMPOSITION_WAIT_MS)
        })
      if (results) await Promise.race([results.answered(), new Promise<void>((resolve) => setTimeout(resolve, answerWithinMs))])
    },
    take() {
      document.removeEventListener('compositionstart', onStart, true)
      document.removeEventListener('compositionend', onEnd, true)
      const { release } = results?.stop() ?? { release: () => {} }
      const box = document.querySelector<HTMLInputElement>(PRE_SHELL_BOX)
      if (!box) {
        release()
        return null
      }
      return { value: box.value, focused: document.activeElement === box, selectionStart: box.selectionStart, selectionEnd: box.selectionEnd, releaseResults: release }
    },
  }
}
