import { closeSync, existsSync, fdatasyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { encodeEvent, readJournal } from '../src/lib/live/journal'
import type { LiveEvent } from '../src/lib/live/room'

/** A failure the host can act on: printed as one Chinese sentence, never a stack trace. */
export class UserFacingError extends Error {}

export interface Journal {
  /** Events found on start (after cutting a torn tail). */
  readonly recovered: LiveEvent[]
  /** Notes for the console (e.g. a cut tail). */
  readonly notes: string[]
  /** Queues an event; `onDurable` runs once it is on disk (one fsync per batch). */
  append(event: LiveEvent, onDurable?: () => void): void
  /** Forgets the meeting: the file is removed (the host ended it). */
  discard(): void
  close(): void
}

/**
 * The append-only journal of one room, `room.jsonl` under the data folder. Events of one tick
 * are written together and made durable with one fdatasync before anyone is told they happened.
 */
export function openJournal(dir: string): Journal {
  const path = join(dir, 'room.jsonl')
  const notes: string[] = []
  try {
    mkdirSync(dir, { recursive: true })
  } catch (cause) {
    throw new UserFacingError(`无法创建数据文件夹 ${dir}：${reason(cause)}。请用 --data 指定一个可写的文件夹。`)
  }
  let recovered: LiveEvent[] = []
  let keepBytes = 0
  if (existsSync(path)) {
    const data = readFileSync(path)
    const read = readJournal(data)
    if (data.length > 0 && read.events.length === 0) {
      throw new UserFacingError(`会场日志 ${path} 已损坏，无法恢复（第一条记录不完整）。请把它移到别处后重新启动；移走后将开设新的会场。`)
    }
    if (read.cutBytes > 0) {
      const aside = `${path}.cut-${Date.now()}`
      writeFileSync(aside, data.subarray(read.goodBytes))
      notes.push(`会场日志末尾有 ${read.cutBytes} 字节不完整（多为断电或强行结束所致），已截断到第 ${read.events.length} 条完整记录；截下的部分保存在 ${aside}。`)
    }
    recovered = read.events
    // A meeting the host ended is over: its journal is not resumed.
    if (recovered.at(-1)?.e === 'close') recovered = []
    keepBytes = recovered.length ? read.goodBytes : 0
  }
  let fd: number
  try {
    fd = openSync(path, 'a')
    ftruncateSync(fd, keepBytes)
    fdatasyncSync(fd)
  } catch (cause) {
    throw new UserFacingError(`无法写入数据文件夹 ${dir}：${reason(cause)}。请用 --data 指定一个可写的文件夹。`)
  }

  let open = true
  const batch = tickBatch((lines, acknowledge) => {
    if (!open) return
    writeSync(fd, lines.join(''))
    fdatasyncSync(fd)
    acknowledge()
  })

  return {
    recovered,
    notes,
    append(event, onDurable) {
      batch.add(encodeEvent(event), onDurable)
    },
    discard() {
      batch.drop()
      closeSync(fd)
      rmSync(path, { force: true })
      fd = openSync(path, 'w')
    },
    close() {
      batch.flush()
      open = false
      closeSync(fd)
    },
  }
}

/**
 * The events of one tick written together (one fdatasync, or one Redis call), each acknowledged only
 * once `write` says its batch is durable. Both journals batch this way; they differ only in `write`.
 */
export function tickBatch(write: (lines: string[], acknowledge: () => void) => void) {
  let pending: string[] = []
  let waiting: (() => void)[] = []
  let scheduled = false
  function flush(): void {
    scheduled = false
    if (pending.length === 0) return
    const lines = pending
    const callbacks = waiting
    pending = []
    waiting = []
    write(lines, () => {
      for (const callback of callbacks) callback()
    })
  }
  return {
    add(line: string, onDurable?: () => void): void {
      pending.push(line)
      if (onDurable) waiting.push(onDurable)
      if (!scheduled) {
        scheduled = true
        setImmediate(flush)
      }
    },
    flush,
    /** Forgets what was not yet written (the meeting's data is being deleted). */
    drop(): void {
      pending = []
      waiting = []
    },
  }
}

function reason(cause: unknown): string {
  const code = (cause as { code?: string }).code
  if (code === 'EACCES' || code === 'EPERM') return '没有写入权限'
  if (code === 'ENOTDIR' || code === 'EEXIST') return '路径中有同名文件'
  if (code === 'EROFS') return '磁盘只读'
  if (code === 'ENOSPC') return '磁盘已满'
  return code ?? '未知错误'
}
