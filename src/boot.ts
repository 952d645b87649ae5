import { pageHasHeader, preloadsFor, PRELOADS_ELEMENT_ID, searchComesFirst, type StartUpPreloads } from './lib/common/startUp'
import { installPreShell } from './preShell'
import { showResultsBeforeApp } from './preShellResults'
import { installSearchWorkerSource } from './workers/searchWorkerStart'

// The app's first script (see scripts/build/bootEntry.ts): nothing else may be imported here that the app
// shell imports too, or this file would wait for a shared chunk behind the shell's downloads.
const withHeader = pageHasHeader(location.pathname, import.meta.env.BASE_URL)
const worker = installSearchWorkerSource(searchComesFirst(location.pathname, import.meta.env.BASE_URL))
installPreShell(withHeader, worker && withHeader ? showResultsBeforeApp(worker, import.meta.env.BASE_URL) : null)

// A page opened from a link (a text at a passage) asks for its own chunks and data now, alongside the shell,
// rather than once the shell has run and the router has found the page.
function preloadPage(): void {
  const data = document.getElementById(PRELOADS_ELEMENT_ID)?.textContent
  if (!data) return
  let table: StartUpPreloads
  try {
    table = JSON.parse(data) as StartUpPreloads
  } catch {
    return
  }
  const { js, css } = preloadsFor(location.pathname, table, import.meta.env.BASE_URL)
  const link = (rel: string, href: string) => {
    const element = document.createElement('link')
    element.rel = rel
    element.crossOrigin = ''
    element.href = href
    document.head.append(element)
  }
  for (const href of js) link('modulepreload', href)
  for (const href of css) link('stylesheet', href)
}
preloadPage()

// For the start-up benchmark (tests/e2e/startupBench.e2e.ts), which reports when this ran.
performance.mark('study-garden:boot')
