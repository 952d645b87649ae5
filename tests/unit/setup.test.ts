import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

/**
 * One supported Node version, honoured by the whole dependency set: `npm ci` on it must print no
 * EBADENGINE warning. The lockfile records every installed package's `engines`, so the check needs
 * no network and fails as soon as an upgrade pulls in a package that wants a newer Node.
 */

type Version = [number, number, number]

function parseVersion(text: string): Version {
  const parts = text.replace(/^v/, '').split('.')
  const num = (i: number): number => {
    const part = parts[i]
    return part === undefined || part === '*' || part === 'x' ? 0 : Number(part)
  }
  return [num(0), num(1), num(2)]
}

function compare(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0)
  return 0
}

/** Enough of npm's range grammar for the ranges Node engines use (`>=`, `^`, `~`, `14 >=14.17`, `8.*`, `||`). */
function satisfies(version: string, range: string): boolean {
  const v = parseVersion(version)
  return range.split('||').some((alternative) =>
    alternative
      .trim()
      .replace(/(>=|<=|>|<|\^|~)\s+/g, '$1')
      .split(/\s+/)
      .filter(Boolean)
      .every((comparator) => {
        const [, op = '', rest = ''] = /^(>=|<=|>|<|\^|~|=)?(.*)$/.exec(comparator) ?? []
        const bound = parseVersion(rest)
        const c = compare(v, bound)
        const given = rest.split('.').filter((p) => p !== '*' && p !== 'x').length
        switch (op) {
          case '>=': return c >= 0
          case '>': return c > 0
          case '<=': return c <= 0
          case '<': return c < 0
          case '^': return c >= 0 && v[0] === bound[0]
          case '~': return c >= 0 && v[0] === bound[0] && v[1] === bound[1]
          default: // `20`, `6.*`, `20.19`: a prefix match
            return v.slice(0, given).every((part, i) => part === bound[i])
        }
      }),
  )
}

interface LockEntry { engines?: { node?: string } | string[] }
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } }
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockEntry> }

describe('supported Node version', () => {
  it('reads engine ranges as npm does', () => {
    expect(satisfies('20.20.2', '^20.19.0 || >=22.12.0')).toBe(true)
    expect(satisfies('20.20.2', '^22.18.0 || >=24.11.0')).toBe(false)
    expect(satisfies('20.20.2', '>= 22.22')).toBe(false)
    expect(satisfies('20.20.2', '>=16 || 14 >=14.17')).toBe(true)
    expect(satisfies('20.20.2', '6.* || 8.* || >= 10.*')).toBe(true)
    expect(satisfies('20.20.2', '18 || 20 || >=22')).toBe(true)
    expect(satisfies('20.18.0', '^20.19.0')).toBe(false)
  })

  it('is one release line, the one development and CI run', () => {
    expect(pkg.engines.node).toBe('^20.19.0')
    expect(satisfies('20.20.2', pkg.engines.node)).toBe(true)
    expect(satisfies('22.12.0', pkg.engines.node)).toBe(false)
  })

  it('is accepted by every locked dependency, from its oldest release on', () => {
    const oldest = pkg.engines.node.replace(/^\^/, '')
    const refusing = Object.entries(lock.packages)
      .filter(([path]) => path !== '')
      .flatMap(([path, entry]) => {
        const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node
        if (range === undefined) return []
        return [oldest, '20.20.2'].some((v) => !satisfies(v, range)) ? [`${path} wants node ${range}`] : []
      })
    expect(refusing).toEqual([])
  })
})
