import type { CDPSession, Page } from 'playwright-core'

/**
 * Installed before any page script (addInitScript), so a navigation's own tasks are seen too:
 * every long task (Long Tasks API, ≥ 50 ms), the longest gap of a 20 ms heartbeat (catches what the
 * API may not attribute), and a small fixed probe outside the app that a test clicks to see how long
 * the page takes to answer.
 */
export const LONG_TASK_PROBE = `
  window.__longTasks = []
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration])
  }).observe({ type: 'longtask', buffered: true })
  window.__gaps = []
  let last = performance.now()
  setInterval(() => {
    const now = performance.now()
    if (now - last > 60) window.__gaps.push([last, now - last])
    last = now
  }, 20)
  window.__clickDelays = []
  addEventListener('DOMContentLoaded', () => {
    const probe = document.createElement('div')
    probe.id = '__click-probe'
    probe.style.cssText = 'position:fixed;right:0;bottom:0;width:6px;height:6px;z-index:2147483647'
    // The probe never takes the focus: a click on it must not close the search box's results.
    probe.addEventListener('mousedown', (event) => event.preventDefault())
    probe.addEventListener('click', (event) => {
      event.stopPropagation()
      window.__clickDelays.push(performance.now() - event.timeStamp)
    })
    document.documentElement.append(probe)
  })
`

export interface PhaseFigures {
  label: string
  /** Wall time of the phase, ms. */
  ms: number
  /** The longest main-thread task seen (Long Tasks API), ms. */
  longestTask: number
  tasksOver200: number
  /** The longest heartbeat gap, ms. */
  longestGap: number
  /** Clicks on the probe during the phase: how long the slowest took to be handled, ms (-1: none answered). */
  slowestClick: number
  clicks: number
}

interface Window {
  __longTasks: [number, number][]
  __gaps: [number, number][]
  __clickDelays: number[]
}

/**
 * Runs `work` while clicking the probe every 250 ms, and reports the page's longest task during it.
 * With `navigates`, the phase is read from the start of the document `work` ends on.
 */
export async function measurePhase(page: Page, label: string, work: () => Promise<unknown>, options: { navigates?: boolean; settleMs?: number } = {}): Promise<PhaseFigures> {
  const since = options.navigates ? 0 : await page.evaluate(() => performance.now())
  const clicksBefore = options.navigates ? 0 : await page.evaluate(() => (window as unknown as Window).__clickDelays.length)
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 }
  let running = true
  let clicks = 0
  const clicking = (async () => {
    while (running) {
      await page.waitForTimeout(250)
      if (!running) break
      // A click that cannot be delivered (the page is between documents) is not the page's fault.
      await page.mouse.click(viewport.width - 3, viewport.height - 3).then(() => clicks++, () => {})
    }
  })()
  const profiler = process.env.LONG_TASK_PROFILE ? await startProfile(page) : null
  const started = Date.now()
  try {
    await work()
  } finally {
    running = false
  }
  const ms = Date.now() - started
  await clicking
  await page.waitForTimeout(options.settleMs ?? 500)
  if (profiler) console.log(`${label}: main-thread self time by function (ms)\n${await stopProfile(profiler)}`)
  const seen = await page.evaluate(
    ([from, clicked]) => {
      const w = window as unknown as Window
      return {
        tasks: w.__longTasks.filter(([at]) => at >= from).map(([, d]) => d),
        gaps: w.__gaps.filter(([at]) => at >= from).map(([, d]) => d),
        delays: w.__clickDelays.slice(clicked),
      }
    },
    [since, clicksBefore] as const,
  )
  return {
    label,
    ms,
    longestTask: Math.round(Math.max(0, ...seen.tasks)),
    tasksOver200: seen.tasks.filter((d) => d > 200).length,
    longestGap: Math.round(Math.max(0, ...seen.gaps)),
    slowestClick: seen.delays.length ? Math.round(Math.max(...seen.delays)) : -1,
    clicks,
  }
}

export function formatPhases(title: string, phases: PhaseFigures[]): string {
  const rows = phases.map((p) =>
    `${p.label.padEnd(44)} ${String(p.ms).padStart(7)} ${String(p.longestTask).padStart(8)} ${String(p.tasksOver200).padStart(5)} ${String(p.longestGap).padStart(7)} ${String(p.slowestClick).padStart(7)}`,
  )
  return [title, `${'phase'.padEnd(44)} ${'wall'.padStart(7)} ${'longest'.padStart(8)} ${'>200'.padStart(5)} ${'gap'.padStart(7)} ${'click'.padStart(7)}`, ...rows].join('\n')
}

/** LONG_TASK_PROFILE=1 (best with an unminified build in E2E_DIST): what the page's main thread spent its time on. */
async function startProfile(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 })
  await cdp.send('Profiler.start')
  return cdp
}

async function stopProfile(cdp: CDPSession): Promise<string> {
  const { profile } = await cdp.send('Profiler.stop')
  await cdp.detach().catch(() => {})
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]))
  const self = new Map<string, number>()
  profile.samples?.forEach((id, i) => {
    const frame = byNode.get(id)?.callFrame
    if (!frame || frame.functionName === '(idle)') return
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}`
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000)
  })
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([key, ms]) => `  ${String(Math.round(ms)).padStart(7)}  ${key}`).join('\n')
}
