import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const LIB = new URL('../../src/lib', import.meta.url).pathname

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  )
}

describe('architecture', () => {
  it('src/lib is framework-free: no vue, pinia, vue-router or app (@/) imports', () => {
    const offenders = files(LIB).flatMap((file) => {
      const source = readFileSync(file, 'utf8')
      const imports = [...source.matchAll(/^\s*import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!)
      return imports.filter((name) => /^(vue|pinia|vue-router)(\/|$)|^@\//.test(name)).map((name) => `${relative(LIB, file)}: ${name}`)
    })
    expect(offenders).toEqual([])
  })
})
