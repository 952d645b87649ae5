import { onScopeDispose, ref, shallowRef } from 'vue'
import { createLiveConnection, liveUrl, type ConnectionStatus } from '@/lib/live/connection'
import type { ServerMessage } from '@/lib/live/protocol'
import type { PlayerView } from '@/lib/live/views'
import type { QuizResponse } from '@/lib/quiz/types'
import { localSetting } from '@/lib/storage/localSetting'

/** The phone's seat: kept on the phone so it comes back to the same seat after a reload or a lost network. */
interface SavedSeat {
  room: string
  playerId: string
  secret: string
}
const isSeat = (v: unknown): v is SavedSeat | null =>
  v === null || (typeof v === 'object' && typeof (v as SavedSeat).room === 'string' && typeof (v as SavedSeat).playerId === 'string' && typeof (v as SavedSeat).secret === 'string')
const seatSetting = localSetting<SavedSeat | null>('study-garden:live-seat', null, isSeat)
/** This phone's own id, kept across seats: a phone the host moved out cannot take a new seat with it. */
const deviceSetting = localSetting<string | null>('study-garden:live-device', null, (v): v is string | null => v === null || (typeof v === 'string' && v.length <= 64))
function deviceId(): string {
  const known = deviceSetting.read()
  if (known) return known
  const id = globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
  deviceSetting.write(id)
  return id
}

/** One phone in the live room: join, answer, buzz, stake — and rejoin by itself. */
export function useLivePhone(initialRoom: string) {
  const code = ref(initialRoom.trim())
  const room = () => code.value
  const status = ref<ConnectionStatus>('connecting')
  const teams = ref<{ id: string; name: string }[] | null>(null)
  const view = shallowRef<PlayerView | null>(null)
  const message = ref<string | null>(null)
  const ended = ref(false)
  const joining = ref(false)
  /** Server time minus this phone's time: the countdown shows the server's. */
  const offsetMs = ref(0)
  let requestId = Date.now()
  /** An answer tapped but not yet acknowledged (sent, or waiting for the network): shown as pending. */
  const pending = shallowRef<{ id: number; key: string; response: QuizResponse } | null>(null)

  function onMessage(m: ServerMessage): void {
    switch (m.t) {
      case 'welcome':
        teams.value = m.teams
        return
      case 'seat':
        seatSetting.write({ room: room(), playerId: m.playerId, secret: m.secret })
        joining.value = false
        message.value = null
        return
      case 'player':
        view.value = m.view
        if (pending.value && (m.view.question?.key !== pending.value.key || m.view.myAnswer)) pending.value = null
        offsetMs.value = m.view.serverNow - Date.now()
        return
      case 'ack':
        if (pending.value?.id === m.id) pending.value = null
        message.value = m.ok ? null : m.message
        return
      case 'refused':
        joining.value = false
        message.value = m.message
        if (m.reason === 'unknown-seat' || m.reason === 'kicked' || m.reason === 'wrong-room') {
          seatSetting.write(null)
          view.value = null
        }
        return
      case 'closed':
        seatSetting.write(null)
        ended.value = true
        return
    }
  }

  const connection = createLiveConnection({
    // The room on the address lets a node of a contest (server/cluster) route the socket before the phone joins.
    url: `${liveUrl(location)}?room=${encodeURIComponent(room())}`,
    hello: () => {
      const seat = seatSetting.read()
      return seat && seat.room === room() ? { t: 'rejoin', room: seat.room, playerId: seat.playerId, secret: seat.secret } : null
    },
    onMessage,
    onStatus: (s) => (status.value = s),
  })
  onScopeDispose(() => connection.close())

  return {
    status, teams, view, message, ended, joining, offsetMs, pending,
    hasSeat: () => seatSetting.read()?.room === room(),
    join(roomCode: string, name: string, teamId: string) {
      code.value = roomCode.trim()
      joining.value = true
      message.value = null
      connection.send({ t: 'join', room: code.value, name, device: deviceId(), ...(teamId ? { teamId } : {}) })
    },
    answer(response: QuizResponse) {
      const key = view.value?.question?.key
      if (!key) return
      const id = ++requestId
      pending.value = { id, key, response }
      // Kept and resent on reconnection until the server acknowledges it (taken once).
      connection.send({ t: 'answer', id, key, response })
    },
    buzz() {
      const key = view.value?.question?.key
      if (!key) return
      // A press is about the moment: sent late after a reconnection it would be unfair either way.
      if (status.value !== 'open') {
        message.value = '网络已断开，本次抢答未送出。请等连接恢复后再按。'
        return
      }
      connection.send({ t: 'buzz', id: ++requestId, key })
    },
    stake(points: number) {
      const key = view.value?.question?.key
      if (key) connection.send({ t: 'stake', id: ++requestId, key, points })
    },
  }
}
