import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { pageHasHeader, PAGES_WITHOUT_HEADER, preloadsFor, readerHref, searchComesFirst } from '@/lib/common/startUp'
import { meetingRoutes } from '@/router/meetingRoutes'
import { studyRoutes } from '@/router/studyRoutes'
import { MAX_QUERY_INPUT } from '@/lib/search/query'
import { installSearchWorkerSource } from '@/workers/searchWorkerStart'

const SRC = new URL('../../../src', import.meta.url).pathname

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : /\.(ts|vue)$/.test(entry.name) ? [join(dir, entry.name)] : [],
  )
}

const runtimeImports = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/^\s*import\s+(?!type\b)[^'"]*['"]([^'"]+)['"]/gm)].map((match) => match[1]!)

describe('the pages where search comes first', () => {
  it('are 书库 and 检索, with or without a trailing slash', () => {
    expect(['/', '/search', '/search/'].map((path) => searchComesFirst(path, '/'))).toEqual([true, true, true])
  })

  it('are not a text, the study pages or a meeting window', () => {
    expect(['/read/constitution', '/study', '/daily', '/meeting/screen', '/searching'].map((path) => searchComesFirst(path, '/'))).toEqual([false, false, false, false, false])
  })

  it('are found under a base path', () => {
    expect(['/garden/', '/garden/search', '/garden/read/constitution'].map((path) => searchComesFirst(path, '/garden/'))).toEqual([true, true, false])
  })
})

describe('the pages that open without the app header', () => {
  it('are the meeting projector and the phone page, under any base path', () => {
    expect(['/meeting/screen', '/join', '/join/', '/garden/join'].map((path) => pageHasHeader(path, path.startsWith('/garden/') ? '/garden/' : '/'))).toEqual([false, false, false, false])
    expect(['/', '/search', '/read/constitution', '/meeting', '/meeting/host', '/joined'].map((path) => pageHasHeader(path, '/'))).toEqual([true, true, true, true, true, true])
  })

  it("are the routes marked bare, so index.html's header is hidden exactly where the app shows none", () => {
    const bare = [...meetingRoutes, ...studyRoutes].filter((route) => route.meta?.bare).map((route) => route.path)
    expect(bare.length).toBeGreaterThan(0)
    expect([...bare].sort()).toEqual([...PAGES_WITHOUT_HEADER].sort())
  })
})

describe("index.html's own search box", () => {
  it("takes no more than the app's box, so Enter before the app has loaded sends an address any server accepts", () => {
    const html = readFileSync(new URL('../../../index.html', import.meta.url), 'utf8')
    expect(html.match(/<input[^>]*name="q"[^>]*maxlength="(\d+)"/)?.[1]).toBe(String(MAX_QUERY_INPUT))
  })
})

describe("index.html's results before the app has run", () => {
  it("links a result where the app's result leads: the passage with the query, or the whole text", () => {
    expect(readerHref('/', 'constitution', { anchor: 'art-10', query: '民主 集中' })).toBe('/read/constitution?q=%E6%B0%91%E4%B8%BB%20%E9%9B%86%E4%B8%AD#art-10')
    expect(readerHref('/garden/', 'eight-point-regulation')).toBe('/garden/read/eight-point-regulation')
    // The query cannot end the address early, whatever it holds; an anchor keeps its own characters.
    expect(new URL(readerHref('/', 'constitution', { anchor: 'general-9+1', query: 'a&b#c?' }), 'http://x').searchParams.get('q')).toBe('a&b#c?')
    expect(new URL(readerHref('/', 'constitution', { anchor: 'general-9+1', query: 'x' }), 'http://x').hash).toBe('#general-9+1')
  })
})

describe('what a page asks for before the shell runs', () => {
  const table = { '/read/': { js: ['/assets/ReaderView.js', '/assets/corpus.js'], css: ['/assets/ReaderView.css'] } }

  it('is the reader and the texts for a linked text', () => {
    expect(preloadsFor('/read/constitution', table, '/')).toEqual(table['/read/'])
    expect(preloadsFor('/garden/read/eight-point', table, '/garden/')).toEqual(table['/read/'])
  })

  it('is nothing more for other pages', () => {
    expect(preloadsFor('/', table, '/')).toEqual({ js: [], css: [] })
    expect(preloadsFor('/reading', table, '/')).toEqual({ js: [], css: [] })
    expect(preloadsFor('/study', table, '/')).toEqual({ js: [], css: [] })
  })
})

describe('the boot script', () => {
  it('imports only modules no other part of the app imports, so it is one file that never waits for a shared chunk', () => {
    // The boot script's own modules: what it imports at run time, and what those import.
    const resolved = (file: string, name: string) => `${name.startsWith('@/') ? join(SRC, name.slice(2)) : join(dirname(file), name)}.ts`
    const closure = new Set<string>()
    const visit = (file: string) => {
      if (closure.has(file)) return
      closure.add(file)
      for (const name of runtimeImports(file)) visit(resolved(file, name))
    }
    visit(join(SRC, 'boot.ts'))
    expect(closure.size).toBeGreaterThan(3)
    for (const file of closure) expect(existsSync(file), file).toBe(true)
    const sharers = sources(SRC)
      .filter((file) => !closure.has(file))
      .flatMap((file) => runtimeImports(file).filter((name) => closure.has(resolved(file, name))).map((name) => `${relative(SRC, file)}: ${name}`))
    expect(sharers).toEqual([])
  })
})

class FakeWorker extends EventTarget {
  static created: FakeWorker[] = []
  terminated = false
  constructor() {
    super()
    FakeWorker.created.push(this)
  }
  terminate() {
    this.terminated = true
  }
}

describe('the search worker source', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    FakeWorker.created = []
  })

  function install(startNow: boolean, { workers = true } = {}) {
    vi.stubGlobal('window', {})
    vi.stubGlobal('Worker', workers ? FakeWorker : undefined)
    installSearchWorkerSource(startNow)
    return (globalThis as unknown as { window: Window }).window.studyGardenSearchWorker!
  }

  it('hands the app the worker started with the page, once; later calls get a new one', () => {
    const source = install(true)
    expect(source.startedEarly).toBe(true)
    expect(FakeWorker.created).toHaveLength(1)
    expect(source.take()).toBe(FakeWorker.created[0])
    expect(source.take()).toBe(FakeWorker.created[1])
  })

  it('replaces a worker that failed before the app took it', () => {
    const source = install(true)
    // A script that fails to load fires 'error' on the worker, before the app has listened to it.
    FakeWorker.created[0]!.dispatchEvent(new Event('error'))
    expect(source.take()).toBe(FakeWorker.created[1])
    expect(FakeWorker.created[0]!.terminated).toBe(true)
  })

  it('starts nothing on other pages until asked', () => {
    const source = install(false)
    expect(source.startedEarly).toBe(false)
    expect(FakeWorker.created).toHaveLength(0)
    expect(source.take()).toBe(FakeWorker.created[0])
  })

  it('answers null where no worker can start', () => {
    const source = install(true, { workers: false })
    expect(source.startedEarly).toBe(false)
    expect(source.take()).toBeNull()
  })
})
