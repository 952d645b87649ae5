import { localSetting, type KeyValueStore } from './localSetting'

/** Where a member last was in each document: the passage at the top of the screen. */
export interface ReadingPosition {
  anchor: string
  /** ISO date-time */
  at: string
}

export type ReadingPositions = Record<string, ReadingPosition>

const MAX_DOCUMENTS = 50

function isPositions(value: unknown): value is ReadingPositions {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) &&
    Object.values(value).every((p) => typeof p === 'object' && p !== null && typeof (p as ReadingPosition).anchor === 'string' && typeof (p as ReadingPosition).at === 'string')
  )
}

export function readingPositions(storage?: () => KeyValueStore | undefined) {
  const setting = localSetting<ReadingPositions>('study-garden:reading-positions', {}, isPositions, storage)
  return {
    get(docId: string): ReadingPosition | undefined {
      return setting.read()[docId]
    },
    /** Keeps the most recent documents only, so the setting cannot grow without bound. */
    set(docId: string, anchor: string, now = new Date()): void {
      const all = { ...setting.read(), [docId]: { anchor, at: now.toISOString() } }
      const kept = Object.entries(all).sort((a, b) => b[1].at.localeCompare(a[1].at)).slice(0, MAX_DOCUMENTS)
      setting.write(Object.fromEntries(kept))
    },
  }
}
