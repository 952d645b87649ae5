import { createClient } from 'redis'

/** One connection to Redis (node-redis); a subscribing connection is a second one of these. */
export function connectRedis(url: string) {
  return createClient({ url })
}
export type Redis = ReturnType<typeof connectRedis>

/*
 * Every key and channel of the contest in one place. `lq:` keeps them apart from anything else in
 * the same Redis; the room code is the shard key of everything per room.
 */
export const keys = {
  /** Rooms still running (a SET of codes). */
  rooms: 'lq:rooms',
  /** Rooms whose host ended them: kept for the organiser's result sheet. */
  ended: 'lq:ended',
  /** Code → the organiser's name for the room (a HASH). */
  names: 'lq:names',
  /** Host secret → room code (a HASH): a host window's hello names no room. */
  hosts: 'lq:hosts',
  /** The owner's lease: node id, with a time to live. */
  lease: (code: string) => `lq:room:${code}:lease`,
  /** The room's events, in order (a STREAM, one field `e` with the event's JSON). */
  log: (code: string) => `lq:room:${code}:log`,
  /** Pub/sub: commands from phones held by other nodes, to the room's owner. */
  commands: (code: string) => `lq:cmd:${code}`,
  /** Pub/sub: frames for the sockets one node holds. */
  frames: (nodeId: string) => `lq:node:${nodeId}`,
  /** Pub/sub: "code nodeId" when a node has taken a room over. */
  owners: 'lq:owners',
}

/** A room's lease lives this long without renewal: a dead owner's rooms move after at most this. */
export const LEASE_MS = 2500
export const RENEW_MS = 500

/**
 * Appends events only while this node holds the lease (fencing): an owner that stalled past its
 * lease and came back must not write after the new owner. Returns the count, or -1 without the lease.
 */
export const APPEND_SCRIPT = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return -1 end
for i = 2, #ARGV do redis.call('XADD', KEYS[2], '*', 'e', ARGV[i]) end
return #ARGV - 1`

/** Renews the lease only if it is still this node's. */
export const RENEW_SCRIPT = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
return redis.call('PEXPIRE', KEYS[1], ARGV[2])`

/** Gives the lease up only if it is still this node's (a clean stop: the room moves at once). */
export const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
return redis.call('DEL', KEYS[1])`

export async function readLog(redis: Redis, code: string): Promise<string[]> {
  const entries = (await redis.sendCommand(['XRANGE', keys.log(code), '-', '+'])) as [string, string[]][]
  return entries.map(([, fields]) => fields[1]!)
}
