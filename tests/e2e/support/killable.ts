import { spawn, type ChildProcess } from 'node:child_process'
import { chromium, type Browser } from 'playwright-core'
import { chromiumPath } from './browser'

/**
 * A chromium started by the test itself, so it can be killed hard (SIGKILL to its process group,
 * as a power cut or a crash would) and started again on the same profile.
 */
export interface KillableBrowser {
  browser: Browser
  kill(): Promise<void>
  close(): Promise<void>
}

export async function launchKillable(userDataDir: string): Promise<KillableBrowser> {
  const child: ChildProcess = spawn(
    chromiumPath(),
    [
      '--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-dev-shm-usage', '--remote-debugging-port=0', '--remote-debugging-address=127.0.0.1', `--user-data-dir=${userDataDir}`, 'about:blank',
    ],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  )
  const endpoint = await new Promise<string>((resolve, reject) => {
    let text = ''
    const timer = setTimeout(() => reject(new Error(`chromium did not start:\n${text}`)), 20_000)
    child.stderr?.on('data', (chunk: Buffer) => {
      text += chunk.toString()
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(text)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.on('exit', (code) => reject(new Error(`chromium exited (${code}):\n${text}`)))
  })
  const browser = await chromium.connectOverCDP(endpoint)
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  const killGroup = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL')
    } catch {
      // Already gone.
    }
  }
  return {
    browser,
    async kill() {
      killGroup()
      await exited
      // The renderers die with their parent; give the kernel a moment to reap them.
      await new Promise((r) => setTimeout(r, 300))
    },
    async close() {
      await browser.close().catch(() => {})
      killGroup()
      await exited
    },
  }
}
