import { ref, type Ref } from 'vue'
import { commandForKey, type ShortcutCommand } from '@/lib/meeting/shortcuts'
import { useMeetingStore } from '@/stores/useMeetingStore'
import { useKeyboardShortcut } from './useKeyboardShortcut'

export interface UseMeetingShortcutsReturn {
  /** The `?` overlay. */
  helpOpen: Ref<boolean>
  /** Whether the browser can go full screen. */
  isSupported: boolean
  run(command: ShortcutCommand): void
}

/**
 * The keyboard of a quiz: with one screen only, the host runs everything from the projector
 * window (→/← next/previous, Space timer, A answer, 1–8 then +/− scores, Z undo, ? help).
 */
export function useMeetingShortcuts(): UseMeetingShortcutsReturn {
  const store = useMeetingStore()
  const helpOpen = ref(false)
  const isSupported = typeof document !== 'undefined' && typeof document.documentElement.requestFullscreen === 'function'

  function run(command: ShortcutCommand): void {
    const session = store.session
    switch (command.type) {
      case 'action':
        store.dispatch(command.action)
        return
      case 'selectTeamByNumber': {
        const team = session?.teams[command.index]
        if (team) store.dispatch({ type: 'selectTeam', teamId: team.id })
        return
      }
      case 'scoreSelected':
        if (session?.activeTeamId) store.dispatch({ type: 'score', teamId: session.activeTeamId, outcome: command.outcome })
        return
      case 'toggleHelp':
        helpOpen.value = !helpOpen.value
        return
      case 'closeOverlay':
        helpOpen.value = false
        return
      case 'toggleFullscreen':
        if (!isSupported) return
        if (document.fullscreenElement) void document.exitFullscreen()
        else void document.documentElement.requestFullscreen().catch(() => {})
        return
    }
  }

  useKeyboardShortcut(
    (event) => commandForKey(event, store.session?.revealed ?? false) !== null,
    (event) => {
      const command = commandForKey(event, store.session?.revealed ?? false)
      if (!command) return
      // Space on a focused button would also click it on keyup: move focus away first.
      if (event.target instanceof HTMLButtonElement) event.target.blur()
      run(command)
    },
  )
  return { helpOpen, isSupported, run }
}
