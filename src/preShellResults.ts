import { readerHref } from './lib/common/startUp'
import type { TextSegment } from './lib/search/highlight'
import type { PreviewReply, PreviewRequest, ResultPreview } from './lib/search/preview'
import { isPreShellBox, PRE_SHELL_BOX } from './preShell'

/**
 * Results under index.html's search box before the app has run (src/preShell.ts). On a phone's line the
 * search worker, started by the first script, can answer about half a second before the app shell has
 * arrived and mounted: a member who typed at once sees the passages then, as links that open the reader,
 * instead of 正在载入… until the app's own box answers the same question.
 *
 * The worker works out the rows and snippets (lib/search/preview.ts); this only writes them out, as text
 * nodes, in the markup of the app's results (SearchResultItem). When the app takes over they stay where they
 * are, above it, until its own box has answered (`stop`): no frame without them, and the app's first render
 * (the longest task of a start-up) does not render them again. Notices are left to the app.
 */
export interface ResultsBeforeApp {
  /**
   * Resolves once what was typed last has its answer on screen (painted): the texts', or the engine's where the
   * texts hold nothing as typed; at once when nothing is waiting for one. The app's start-up steps wait for it
   * (src/main.ts, at most a second): its mount is the longest task of a start-up, an answer that came during a
   * step waited until the step had finished, and the engine's index, built meanwhile, competed with the mount.
   */
  answered(): Promise<void>
  /** Stops answering; results on screen stay in place, outside the app's mount point, until `release`. */
  stop(): { release: () => void }
}

export function showResultsBeforeApp(worker: Worker, base: string): ResultsBeforeApp {
  let asked = 0
  // Who waits for the answer to the question asked last (`answered`); null when none is outstanding.
  let waiting: { done: Promise<void>; resolve: () => void } | null = null
  const settle = () => {
    const settled = waiting
    waiting = null
    // After the frame that paints the answer: what runs next (the app's mount) would otherwise hold it back.
    if (settled) requestAnimationFrame(() => setTimeout(settled.resolve))
  }

  // `wait`: for the engine's answer, once the index is built (the texts held nothing as typed).
  const ask = (text: string, wait = false) => {
    const request: PreviewRequest = { id: --asked, preview: text, wait }
    worker.postMessage(request)
    if (!waiting) {
      let resolve = () => {}
      const done = new Promise<void>((settled) => (resolve = settled))
      waiting = { done, resolve }
    }
  }
  const onReply = (event: MessageEvent<PreviewReply | { id: number }>) => {
    const reply = event.data
    if (reply.id !== asked || !('preview' in reply)) return
    const box = document.querySelector<HTMLInputElement>(PRE_SHELL_BOX)
    const preview = reply.preview
    if (box && preview && preview.text === box.value) {
      render(box, preview.answer.hits.length ? preview : null, base)
      if (!preview.answer.hits.length && preview.answer.provisional) return ask(preview.text, true)
    }
    settle()
  }
  const onInput = (event: Event) => {
    const box = event.target
    // A word still being composed is not a question yet (the app's box waits for it the same way).
    if (!isPreShellBox(box) || (event instanceof InputEvent && event.isComposing)) return
    if (!box.value.trim()) {
      asked--
      settle()
      return render(box, null, base)
    }
    ask(box.value)
  }
  worker.addEventListener('message', onReply)
  // A worker that failed will not answer: nothing waits for it.
  worker.addEventListener('error', settle)
  // On the document: this script may run before the parser has reached the box.
  document.addEventListener('input', onInput, true)
  document.addEventListener('compositionend', onInput, true)
  // ... or after the member has typed: this script is async, and on a quick line the box can take keys first.
  const askTyped = () => {
    const box = document.querySelector<HTMLInputElement>(PRE_SHELL_BOX)
    if (box?.value.trim() && !asked) ask(box.value)
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', askTyped, { once: true })
  else askTyped()
  return {
    answered: () => waiting?.done ?? Promise.resolve(),
    stop() {
      worker.removeEventListener('message', onReply)
      worker.removeEventListener('error', settle)
      document.removeEventListener('input', onInput, true)
      document.removeEventListener('compositionend', onInput, true)
      const shown = document.querySelector<HTMLElement>('[data-pre-shell] .search-dropdown')
      if (shown) pin(shown)
      return { release: () => shown?.remove() }
    },
  }
}

/**
 * Moves the results out of the app's mount point, fixed where they are on screen: the app replaces everything
 * inside it. (Positioned through the CSSOM, which the Content-Security-Policy allows, unlike style attributes.)
 */
function pin(dropdown: HTMLElement): void {
  const { top, left, width } = dropdown.getBoundingClientRect()
  dropdown.dataset.pinned = ''
  Object.assign(dropdown.style, { top: `${top}px`, left: `${left}px`, width: `${width}px` })
  document.body.append(dropdown)
}

/** Writes the results under the box (or takes them away: `preview` null). */
function render(box: HTMLInputElement, preview: ResultPreview | null, base: string): void {
  const form = box.closest('.search-box')
  form?.querySelector(':scope > .search-dropdown')?.remove()
  if (!form || !preview) return
  const element = (tag: string, className: string, ...children: (Node | string)[]) => {
    const made = document.createElement(tag)
    made.className = className
    made.append(...children)
    return made
  }
  const dropdown = element('div', 'search-dropdown')
  const list = element('div', 'result-list')
  for (const row of preview.rows) {
    if (!('hit' in row)) {
      const note = element('p', 'search-closest', row.note)
      if (row.leading) dropdown.append(note)
      else list.append(note)
      continue
    }
    const { passage, document: whole } = preview.answer.hits[row.hit]!
    const link = element(
      'a',
      whole ? 'result document' : 'result',
      element('span', 'result-doc', passage.docTitle, ...(whole ? [element('span', 'result-kind', '全文')] : [])),
      ...(whole ? [] : [element('span', 'result-path', passage.heading)]),
      element('span', 'result-snippet', ...row.snippet.map(segmentNode)),
    ) as HTMLAnchorElement
    link.href = readerHref(base, passage.docId, whole ? undefined : { anchor: passage.anchor, query: preview.text })
    link.dataset.anchor = passage.anchor
    list.append(link)
  }
  dropdown.append(list)
  form.append(dropdown)
}

const segmentNode = ({ text, hit }: TextSegment): Node | string => (hit ? Object.assign(document.createElement('mark'), { textContent: text }) : text)
