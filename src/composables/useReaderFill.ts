import { computed, nextTick, onBeforeUnmount, onMounted, shallowRef, watch, type Ref } from 'vue'
import { blockIndexOf, FILL_SLICE_MS, FILL_SLICE_WEIGHT, firstRange, grownSlices, nextRange, nextSliceWeight, screenLength, type BlockRange, type ReaderBlock } from '@/lib/content/readerLayout'
import { readerAwaited } from '@/router/readerReady'
import { firstVisibleAnchor } from './useReaderLanding'

export interface UseReaderFillOptions {
  path: () => string
  docId: Readonly<Ref<string | null>>
  blocks: Readonly<Ref<readonly ReaderBlock[]>>
  /** The anchor the URL points at, when the document has it. */
  target: Readonly<Ref<string>>
  /** The reader's font size in CSS pixels. */
  fontSize: () => number
}

/** A run of blocks the page renders as one unit: the same object for as long as its blocks are the same. */
export interface ShownSlice {
  key: string
  blocks: readonly ReaderBlock[]
}

const later = (run: () => void): void => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 300 })
  else setTimeout(run, 16)
}

const afterPaint = (run: () => void): void => void requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(run)))

/**
 * Puts a long text on the page a slice per task (`firstRange`, then `nextRange`): a link's passage first, then the text above
 * it, then below, each slice sized by what the last one cost on this device. What is on screen stays in place while text is inserted above it. Anything that needs the
 * whole text at once — a link to a part not yet there, printing, back/forward restoring a position — gets it.
 */
export function useReaderFill({ path, docId, blocks, target, fontSize }: UseReaderFillOptions) {
  const range = shallowRef<BlockRange>({ start: 0, end: 0 })
  const ranges = shallowRef<BlockRange[]>([])
  let planned: readonly ReaderBlock[] = []
  let weight = FILL_SLICE_WEIGHT
  let held: { element: HTMLElement; top: number } | undefined
  let run = 0
  const all = (): BlockRange => ({ start: 0, end: blocks.value.length })
  const complete = computed(() => Boolean(docId.value) && range.value.start === 0 && range.value.end >= blocks.value.length)
  // Each slice keeps its object while the blocks stay the same, so the page re-renders only the slice a step adds.
  let sliced = new Map<string, ShownSlice>()
  let slicedFrom: readonly ReaderBlock[] = []
  const slices = computed(() => {
    const all = blocks.value
    if (all !== slicedFrom) [sliced, slicedFrom] = [new Map(), all]
    return ranges.value.map(({ start, end }) => {
      const key = `${start}-${end}`
      let slice = sliced.get(key)
      if (!slice) sliced.set(key, (slice = { key, blocks: all.slice(start, end) }))
      return slice
    })
  })
  const place = (to: BlockRange) => {
    ranges.value = grownSlices(ranges.value, to)
    range.value = to
  }

  /** Shows `to`; what is on screen stays in place when text goes in above it. */
  async function show(to: BlockRange): Promise<void> {
    const anchor = to.start < range.value.start ? firstVisibleAnchor() : undefined
    if (anchor) {
      // Held where it was when first put back; a pixel off is scrolling's rounding, more is the reader scrolling.
      const top = anchor.getBoundingClientRect().top
      if (held?.element !== anchor || Math.abs(held.top - top) > 1) held = { element: anchor, top }
    }
    place(to)
    const top = held?.top
    await nextTick()
    if (!anchor || top === undefined) {
      // Laid out now, so the slice's cost is measured whole (the frame has nothing left to lay out).
      void document.querySelector('.reader-text')?.getBoundingClientRect()
      return
    }
    // Text put in above what is on screen pushes it down by its height: scroll by as much.
    const moved = anchor.getBoundingClientRect().top - top
    if (anchor.isConnected && Math.abs(moved) >= 0.5) window.scrollBy(0, moved)
  }

  function finish() {
    run++
    if (!complete.value) void show(all())
  }

  async function next(mine: number) {
    if (mine !== run) return
    if (readerAwaited(path())) return finish()
    const to = nextRange(blocks.value, range.value, weight)
    if (!to) return
    const started = performance.now()
    await show(to)
    weight = nextSliceWeight(weight, performance.now() - started, FILL_SLICE_MS)
    if (mine === run) later(() => void next(mine))
  }

  watch(
    docId,
    (id) => {
      run++
      place({ start: 0, end: 0 })
      if (!id) return
      if (readerAwaited(path())) return finish()
      planned = blocks.value
      const firstLength = screenLength(window.innerWidth, window.innerHeight, fontSize())
      place(firstRange(blocks.value, Math.max(blockIndexOf(blocks.value, target.value), 0), firstLength))
      const mine = run
      // The first slice waits until the landed passage has been drawn (the landing scrolls in a frame callback).
      if (!complete.value) afterPaint(() => later(() => void next(mine)))
    },
    { immediate: true },
  )
  // The same document with other blocks (gaps filled from the official text, or that undone): show it whole.
  watch(blocks, (now) => {
    if (docId.value && now !== planned && !complete.value) finish()
  })
  // A link to a part not on the page yet: put in the rest at once, so it can be scrolled to.
  watch(target, (anchor) => {
    const i = blockIndexOf(blocks.value, anchor)
    if (i >= 0 && (i < range.value.start || i >= range.value.end)) finish()
  })

  const beforePrint = () => finish()
  onMounted(() => window.addEventListener('beforeprint', beforePrint))
  onBeforeUnmount(() => {
    run++
    window.removeEventListener('beforeprint', beforePrint)
  })

  return { slices, complete }
}
