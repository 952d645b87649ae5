import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { startServer, type ServerProcess } from '../../server/harness'

/*
 * A phone must not be able to read the answers from what the meeting server sends it: the
 * phone's page (join.html) and everything it loads hold no question of the bank. Checked on the
 * built app as the server serves it, by following every script and style the page references.
 */

let server: ServerProcess
let data = ''
beforeAll(async () => {
  data = mkdtempSync(join(tmpdir(), 'join-bundle-'))
  server = await startServer(data)
})
afterAll(async () => {
  await server?.stop('SIGTERM')
  rmSync(data, { recursive: true, force: true })
})

/** Every card prompt and every longer answer of the hand-written bank (short ones like 正确 are UI words too). */
function bankTexts(): string[] {
  const texts: string[] = []
  for (const name of readdirSync('content').filter((n) => n.endsWith('.cards.yaml'))) {
    const file = parse(readFileSync(join('content', name), 'utf8')) as { cards: { prompt: string; answer: string | string[] }[] }
    for (const card of file.cards) {
      texts.push(card.prompt)
      for (const answer of [card.answer].flat()) if (answer.length >= 6) texts.push(answer)
    }
  }
  return texts
}

/** The page at `path` and every asset it loads, directly or through imports (bounded). */
async function served(path: string): Promise<Map<string, string>> {
  const base = `http://127.0.0.1:${server.port}`
  const files = new Map<string, string>()
  const queue = [path]
  while (queue.length && files.size < 300) {
    const url = queue.shift()!
    if (files.has(url)) continue
    const response = await fetch(base + url)
    expect(response.status, url).toBe(200)
    const text = await response.text()
    files.set(url, text)
    const dir = url.startsWith('/assets/') ? '/assets/' : '/'
    for (const m of text.matchAll(/(?:src|href)="(\/[^"]+\.(?:js|css))"/g)) queue.push(m[1]!)
    for (const m of text.matchAll(/["'`(](\/assets\/[\w.-]+\.(?:js|css))["'`)]/g)) queue.push(m[1]!)
    for (const m of text.matchAll(/["'`]\.\/([\w.-]+\.(?:js|css))["'`]/g)) queue.push(dir + m[1]!)
  }
  return files
}

const holding = (files: Map<string, string>, texts: string[]) => [...files].flatMap(([url, body]) => texts.filter((t) => body.includes(t)).map((t) => `${url}: ${t}`))

describe('the phone’s page', () => {
  it('is what the server’s bare address and /join show, and none of its assets holds a question or answer of the bank', async () => {
    const texts = bankTexts()
    expect(texts.length).toBeGreaterThan(100)
    for (const path of ['/', `/join?room=${server.code}`]) {
      const files = await served(path)
      expect(files.get(path)).toContain('加入')
      expect([...files.keys()].some((u) => u.endsWith('.js'))).toBe(true)
      expect(holding(files, texts)).toEqual([])
    }
    // The grep can see a bank: the study app's own assets do hold it.
    const app = await served('/meeting')
    expect(holding(app, texts).length).toBeGreaterThan(0)
  })
})
