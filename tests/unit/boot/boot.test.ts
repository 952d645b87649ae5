import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { pageHasHeader, PAGES_WITHOUT_HEADER, preloadsFor, searchComesFirst } from '@/lib/common/startUp'
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
    const boot = join(SRC, 'boot.ts')
    const own = runtimeImports(boot).map((name) => name.replace(/^\.\//, ''))
    expect(own.length).toBeGreaterThan(0)
    const sharers = sources(SRC)
      .filter((file) => file !== boot)
      .flatMap((file) => runtimeImports(file).filter((name) => own.some((mine) => name.endsWith(mine))).map((name) => `${relative(SRC, file)}: ${name}`))
    expect(sharers).toEqual([])
    // Nor do those modules import anything at run time themselves.
    for (const name of own) expect(runtimeImports(join(SRC, `${name}.ts`)), name).toEqual([])
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
