import { nextTick, onBeforeUnmount, onMounted, watch, type Ref } from 'vue'
import type { RouteLocationNormalizedLoaded } from 'vue-router'
import { readingPositions } from '@/lib/storage/readingPosition'
import { announceReaderReady } from '@/router/readerReady'

export interface UseReaderLandingOptions {
  route: RouteLocationNormalizedLoaded
  docId: Readonly<Ref<string | null>>
  /** The text has loaded and its first part is on the page. */
  ready: Readonly<Ref<boolean>>
  /** All of the text is on the page (it is put in a slice per task). */
  complete: Readonly<Ref<boolean>>
  /** The anchor the URL points at, when the document has it. */
  target: Readonly<Ref<string>>
  highlighting: Readonly<Ref<boolean>>
}

const positions = readingPositions()

/**
 * Lands a link at the start of its passage (or at the first highlight), just below the sticky header —
 * `scroll-margin-top` on passages keeps it clear of the header — and remembers the passage at the top
 * of the screen per document, for 继续阅读.
 */
export function useReaderLanding({ route, docId, ready, target, highlighting, complete }: UseReaderLandingOptions): void {
  let tracking = false
  watch(
    [ready, target, highlighting, () => !target.value && highlighting.value && complete.value],
    async () => {
      if (!ready.value) return
      await nextTick()
      // Scrolling lays the page out: done as the frame is drawn, not in the task that rendered the text
      // (on a slow phone the two together are one long task).
      await new Promise((resolve) => requestAnimationFrame(resolve))
      // The first highlight may be anywhere in the text: looked for once all of it is there.
      const element = (target.value && document.getElementById(target.value)) || (highlighting.value && complete.value && document.querySelector('.passage mark'))
      const passage = element instanceof HTMLElement && element.tagName === 'MARK' ? element.closest<HTMLElement>('.passage') : null
      // A highlight inside a long passage: land on the highlight itself, not on a passage start far above it.
      const top = passage && element instanceof HTMLElement && element.getBoundingClientRect().top - passage.getBoundingClientRect().top > window.innerHeight / 3 ? element : passage ?? element
      if (top instanceof HTMLElement) top.scrollIntoView({ block: 'start' })
      tracking = true
    },
    { immediate: true },
  )
  // Back/forward restores a position anywhere in the text: only once all of it is there.
  watch(
    () => ready.value && complete.value,
    async (whole) => {
      if (!whole) return
      await nextTick()
      announceReaderReady(route.path)
    },
    { immediate: true },
  )

  let timer: ReturnType<typeof setTimeout> | undefined
  function save() {
    if (!tracking || !docId.value || window.scrollY < 200) return
    const first = firstVisibleAnchor()
    if (first?.dataset.anchor) positions.set(docId.value, first.dataset.anchor)
  }
  function remember() {
    clearTimeout(timer)
    timer = setTimeout(save, 400)
  }
  onMounted(() => window.addEventListener('scroll', remember, { passive: true }))
  onBeforeUnmount(() => {
    window.removeEventListener('scroll', remember)
    clearTimeout(timer)
    save()
    announceReaderReady(null)
  })
}

/** The passage or heading at the top of the screen, just below the sticky header. */
export function firstVisibleAnchor(): HTMLElement | undefined {
  const header = document.querySelector('.app-header')?.getBoundingClientRect().bottom ?? 0
  return [...document.querySelectorAll<HTMLElement>('.reader-text [data-anchor]')].find((el) => el.getBoundingClientRect().bottom > header + 8)
}

export function lastReadingPosition(docId: string): string | undefined {
  return positions.get(docId)?.anchor
}
