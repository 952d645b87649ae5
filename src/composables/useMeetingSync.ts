import { onScopeDispose } from 'vue'
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

/** Links this window (host or projector) to the other windows of the quiz for as long as the view lives. */
export function useMeetingSync({ role }: UseMeetingSyncOptions): UseMeetingSyncReturn {
  const store = useMeetingStore()
  store.role = role
  store.reload()
  const isSupported = isBroadcastSupported()
  if (isSupported) {
    const detach = store.attach(createBroadcastTransport(), role)
    onScopeDispose(detach)
  }
  // A window left in the background catches up from storage when shown again.
  const onVisible = () => document.visibilityState === 'visible' && store.reload()
  document.addEventListener('visibilitychange', onVisible)
  onScopeDispose(() => document.removeEventListener('visibilitychange', onVisible))
  return { isSupported }
}
