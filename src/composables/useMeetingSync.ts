import { onScopeDispose, watch } from 'vue'
import { isScreenFeed, SCREEN_CHANNEL, toScreenFeed, type ScreenMessage } from '@/lib/meeting/screenFeed'
import { isScreenCommand } from '@/lib/meeting/shortcuts'
import { createBroadcastTransport, isBroadcastSupported } from '@/lib/meeting/transport'
import type { MeetingRole } from '@/lib/meeting/types'
import { useMeetingStore } from '@/stores/useMeetingStore'

export interface UseMeetingSyncOptions {
  role: MeetingRole
}

export interface UseMeetingSyncReturn {
  /** False in a browser without BroadcastChannel: the window still works alone. */
  isSupported: boolean
}

/** How long a projector waits for a host window before running the quiz from its own keyboard. */
const STANDALONE_AFTER_MS = 1500

/**
 * Links this window to the others of the quiz for as long as the view lives. Host windows share
 * the session; the projector is sent only its screen feed and sends its keys back as commands.
 */
export function useMeetingSync({ role }: UseMeetingSyncOptions): UseMeetingSyncReturn {
  const store = useMeetingStore()
  store.role = role
  const isSupported = isBroadcastSupported()
  if (role === 'host') {
    store.reload()
    if (isSupported) {
      onScopeDispose(store.attach(createBroadcastTransport(), role))
      const screens = createBroadcastTransport<ScreenMessage>(SCREEN_CHANNEL)
      const feed = () => (store.session ? toScreenFeed(store.session, store.live ? { joinUrl: store.live.joinUrl, summary: store.live.summary } : null) : null)
      const send = () => screens.post({ kind: 'feed', feed: feed() })
      screens.subscribe((message) => {
        if (message.kind === 'hello') send()
        else if (message.kind === 'command' && isScreenCommand(message.command)) store.command(message.command)
      })
      const stop = watch(() => [store.session, store.live], send)
      send()
      // A projector left behind takes over its own keyboard.
      const leave = () => screens.post({ kind: 'feed', feed: null })
      window.addEventListener('pagehide', leave)
      onScopeDispose(() => (leave(), stop(), window.removeEventListener('pagehide', leave), screens.close()))
    }
  } else {
    store.screenFeed = null
    if (isSupported) {
      const hosts = createBroadcastTransport<ScreenMessage>(SCREEN_CHANNEL)
      // Alone (no host window answered): the projector runs the quiz from the saved session.
      const standalone = setTimeout(() => !store.screenFeed && store.reload(), STANDALONE_AFTER_MS)
      // With the meeting server, the feed comes from the server itself once the host window says
      // there is one; the host window's feed is then only the way the projector's keys go back.
      let fromServer = false
      let unlinkServer: (() => void) | null = null
      hosts.subscribe((message) => {
        if (message.kind !== 'feed' || (message.feed !== null && !isScreenFeed(message.feed))) return
        clearTimeout(standalone)
        if (message.feed?.live && !unlinkServer) {
          unlinkServer = store.connectScreenFeed((feed) => {
            fromServer = true
            store.screenFeed = feed
          })
        }
        if (!fromServer) store.screenFeed = message.feed
        if (message.feed) store.forwardTo((command) => hosts.post({ kind: 'command', command }))
        else {
          // No host window (closed, or no quiz there): show what this browser has saved, run it from here.
          store.forwardTo(null)
          if (!fromServer) store.reload()
        }
      })
      hosts.post({ kind: 'hello' })
      onScopeDispose(() => (clearTimeout(standalone), store.forwardTo(null), hosts.close(), unlinkServer?.()))
    } else store.reload()
  }
  // A window left in the background catches up when shown again.
  const onVisible = () => document.visibilityState === 'visible' && role === 'host' && store.reload()
  document.addEventListener('visibilitychange', onVisible)
  onScopeDispose(() => document.removeEventListener('visibilitychange', onVisible))
  return { isSupported }
}
