import { ref, type Ref } from 'vue'
import { isLastPage, undoTarget } from '@/lib/meeting/session'
import { commandForKey, type ShortcutCommand } from '@/lib/meeting/shortcuts'
import { useMeetingStore } from '@/stores/useMeetingStore'
import { useKeyboardShortcut } from './useKeyboardShortcut'

export interface UseMeetingShortcutsReturn {
  /** The `?` overlay. */
  helpOpen: Ref<boolean>
  /** Whether the browser can go full screen. */
  isSupported: boolean
  /** Said on the window where undo was pressed: what it took back. */
  notice: Ref<string | null>
  run(command: ShortcutCommand): void
  /** Undo within the question shown; further back only after a confirmation naming what goes. */
  undo(): void
  /** → : the next page, or on the last one the offer to end the quiz. */
  next(): void
}

/**
 * The keyboard of a quiz: with one screen only, the host runs everything from the projector
 * window (→/← next/previous, Space timer, A answer, 1–8 then +/− scores, Z undo, ? help).
 * A linked projector knows only its screen feed; its keys go to the host window.
 */
export function useMeetingShortcuts(): UseMeetingShortcutsReturn {
  const store = useMeetingStore()
  const helpOpen = ref(false)
  const notice = ref<string | null>(null)
  let noticeTimer: ReturnType<typeof setTimeout> | undefined
  const isSupported = typeof document !== 'undefined' && typeof document.documentElement.requestFullscreen === 'function'

  const revealed = () => (store.screenFeed ? store.screenFeed.view.answer !== undefined : (store.session?.revealed ?? false))

  function say(text: string): void {
    notice.value = text
    clearTimeout(noticeTimer)
    noticeTimer = setTimeout(() => (notice.value = null), 4000)
  }

  function undo(): void {
    const target = store.screenFeed ? store.screenFeed.undo : store.session ? undoTarget(store.session) : null
    if (!target) return say('没有可撤销的计分。')
    if (target.outsideCurrent && !window.confirm(`上一次计分不在当前这道题：${target.label}。确定撤销吗？`)) return
    store.dispatch({ type: 'undo', allowEarlier: target.outsideCurrent })
    say(`已撤销：${target.label}`)
  }

  const lastPage = () => (store.screenFeed ? store.screenFeed.view.lastPage === true : store.session ? isLastPage(store.session) : false)

  function next(): void {
    if (!lastPage()) return store.dispatch({ type: 'next' })
    if (window.confirm('已是最后一题。结束本场竞赛并公布成绩？')) store.dispatch({ type: 'end' })
  }

  function run(command: ShortcutCommand): void {
    switch (command.type) {
      case 'action':
        if (command.action.type === 'undo') return undo()
        if (command.action.type === 'next') return next()
        store.dispatch(command.action)
        return
      case 'selectTeamByNumber':
      case 'scoreSelected':
        store.command(command)
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
    (event) => commandForKey(event, revealed()) !== null,
    (event) => {
      const command = commandForKey(event, revealed())
      if (!command) return
      // Space on a focused button would also click it on keyup: move focus away first.
      if (event.target instanceof HTMLButtonElement) event.target.blur()
      run(command)
    },
  )
  return { helpOpen, isSupported, notice, run, undo, next }
}
