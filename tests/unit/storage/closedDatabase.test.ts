import { describe, expect, it } from 'vitest'
import { isClosedDatabaseError } from '@/lib/storage/closedDatabase'

const domError = (name: string, message: string) => Object.assign(new Error(message), { name })

describe('a request cut off by a closed database', () => {
  it('is recognised in the words Chromium and Firefox use', () => {
    expect(isClosedDatabaseError(domError('UnknownError', 'Connection is closing because of: Force close delete origin'))).toBe(true)
    expect(isClosedDatabaseError(domError('InvalidStateError', "Failed to execute 'transaction' on 'IDBDatabase': The database connection is closing."))).toBe(true)
    expect(isClosedDatabaseError(domError('AbortError', 'The connection was closed.'))).toBe(true)
    // idb's rejection of a transaction that was aborted without an error of its own.
    expect(isClosedDatabaseError(domError('AbortError', 'AbortError'))).toBe(true)
  })

  it('is not any other failure', () => {
    expect(isClosedDatabaseError(domError('QuotaExceededError', 'The quota has been exceeded.'))).toBe(false)
    expect(isClosedDatabaseError(domError('TypeError', 'connection is closing'))).toBe(false)
    expect(isClosedDatabaseError(domError('AbortError', 'The operation was aborted.'))).toBe(false)
    expect(isClosedDatabaseError(domError('ConstraintError', 'Key already exists in the object store.'))).toBe(false)
    expect(isClosedDatabaseError(new Error('Connection is closing'))).toBe(false)
    expect(isClosedDatabaseError('UnknownError: Connection is closing')).toBe(false)
    expect(isClosedDatabaseError(null)).toBe(false)
  })
})
