import { computed, onScopeDispose, ref, watch, type ComputedRef, type Ref } from 'vue'
import { displaySeconds, isRunning, remainingMs, systemClock, type Clock } from '@/lib/meeting/timer'
import type { TimerState } from '@/lib/meeting/types'

export interface UseCountdownOptions {
  /** The shared timer state (timestamps). */
  timer: () => TimerState | null | undefined
  clock?: Clock
  /** How often the display is refreshed; the time itself always comes from the timestamps. */
  refreshMs?: number
}

export interface UseCountdownReturn {
  remainingMs: ComputedRef<number>
  seconds: ComputedRef<number>
  running: ComputedRef<boolean>
  /** Counted down to zero (not merely idle). */
  expired: ComputedRef<boolean>
  now: Ref<number>
}

/** The countdown this window shows, computed locally from the synced start and pause times. */
export function useCountdown({ timer, clock = systemClock, refreshMs = 200 }: UseCountdownOptions): UseCountdownReturn {
  const now = ref(clock())
  const handle = setInterval(() => (now.value = clock()), refreshMs)
  onScopeDispose(() => clearInterval(handle))
  const state = computed(() => timer() ?? null)
  const left = computed(() => (state.value ? remainingMs(state.value, now.value) : 0))
  return {
    now,
    remainingMs: left,
    seconds: computed(() => displaySeconds(left.value)),
    running: computed(() => (state.value ? isRunning(state.value) : false)),
    expired: computed(() => state.value !== null && state.value.startedAt !== null && left.value === 0),
  }
}

/**
 * An optional short tone at 时间到, for rooms that are not watching the screen (off unless the
 * host turns it on). Web Audio, no sound file: works offline.
 */
export function useTimeUpCue(timer: () => TimerState | null | undefined, enabled: () => boolean): void {
  const { expired } = useCountdown({ timer })
  let audio: AudioContext | null = null
  watch(expired, (now, before) => {
    if (!now || before || !enabled()) return
    try {
      audio ??= new AudioContext()
      const tone = audio.createOscillator()
      const gain = audio.createGain()
      tone.frequency.value = 880
      gain.gain.setValueAtTime(0.25, audio.currentTime)
      gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.8)
      tone.connect(gain).connect(audio.destination)
      tone.start()
      tone.stop(audio.currentTime + 0.8)
    } catch {
      // No audio device: the screen still shows 时间到.
    }
  })
  onScopeDispose(() => void audio?.close())
}
