import { onMounted, ref, type Ref } from 'vue'

/**
 * True from the first task after the component's first frame has been painted: for parts whose code,
 * loading and render would otherwise lengthen the task that puts the page on screen (on a slowed phone,
 * the home page's first render held the main thread for a quarter of a second).
 */
export function useAfterPaint(): Readonly<Ref<boolean>> {
  const painted = ref(false)
  onMounted(() => requestAnimationFrame(() => setTimeout(() => (painted.value = true))))
  return painted
}
