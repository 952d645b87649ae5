import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { localSetting } from '@/lib/storage/localSetting'

export const FONT_SIZES = [16, 18, 20, 22, 24, 28] as const
const DEFAULT_FONT_SIZE = 20

const fontSizeSetting = localSetting<number>(
  'study-garden:reader-font-size',
  DEFAULT_FONT_SIZE,
  (value): value is number => typeof value === 'number' && (FONT_SIZES as readonly number[]).includes(value),
)

/** Reading preferences, remembered on this device. */
export const useSettingsStore = defineStore('settings', () => {
  const fontSize = ref(fontSizeSetting.read())
  watch(fontSize, (size) => fontSizeSetting.write(size))

  function stepFontSize(direction: 1 | -1) {
    const at = FONT_SIZES.indexOf(fontSize.value as (typeof FONT_SIZES)[number])
    const next = FONT_SIZES[Math.min(FONT_SIZES.length - 1, Math.max(0, (at < 0 ? 2 : at) + direction))]
    if (next) fontSize.value = next
  }

  /** Reads the stored value again (after a backup or snapshot was restored). */
  function reload() {
    fontSize.value = fontSizeSetting.read()
  }

  return { fontSize, stepFontSize, reload }
})
