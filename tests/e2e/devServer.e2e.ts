import { spawn, type ChildProcess } from 'node:child_process'
import { createServer as createNetServer } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectNoErrors, useBrowser } from './support/browser'

const session = useBrowser()

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (address && typeof address !== 'string' ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

// The README's first command is `npm run dev`: run it as a member would (the real CLI, its own process) and
// check that it serves the app, its texts and its search index.
describe('npm run dev', () => {
  let dev: ChildProcess | undefined
  let base = ''
  let output = ''
  beforeAll(async () => {
    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    // Plain output (no colour codes inside the address), whatever terminal or CI runs the tests.
    const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }
    dev = spawn('npm', ['run', 'dev', '--', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env })
    // eslint-disable-next-line no-control-regex -- colour codes are exactly what is removed
    const plain = (chunk: Buffer) => chunk.toString().replace(/\u001b\[[0-9;]*m/g, '')
    dev.stdout?.on('data', (chunk: Buffer) => (output += plain(chunk)))
    dev.stderr?.on('data', (chunk: Buffer) => (output += plain(chunk)))
    const started = Date.now()
    while (!output.includes(`127.0.0.1:${port}/`)) {
      if (Date.now() - started > 30_000) throw new Error(`npm run dev did not start:\n${output}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  })
  afterAll(() => {
    // The whole process group: npm, and the vite it started.
    if (dev?.pid) process.kill(-dev.pid, 'SIGTERM')
  })

  it('serves the library and answers a search, with no errors', async () => {
    const { page, errors } = await session.newPage()
    await page.goto(`${base}/`)
    await expect.poll(() => page.locator('[data-testid=library] .doc-card').count(), { timeout: 30_000 }).toBeGreaterThan(3)
    await page.goto(`${base}/search?q=${encodeURIComponent('党章第十条')}`)
    await expect.poll(() => page.locator('main').innerText(), { timeout: 30_000 }).toContain('第十条　党是根据自己的纲领和章程')
    expectNoErrors(errors)
    expect(output).not.toMatch(/error/i)
  })
})
