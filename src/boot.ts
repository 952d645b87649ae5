import { searchComesFirst } from './router/searchFirst'
import { installSearchWorkerSource } from './workers/searchWorkerStart'

// The app's first script (see scripts/build/bootEntry.ts): nothing else may be imported here that the app
// shell imports too, or this file would wait for a shared chunk behind the shell's downloads.
installSearchWorkerSource(searchComesFirst(location.pathname))
// For the start-up benchmark (tests/e2e/startupBench.e2e.ts), which reports when this ran.
performance.mark('study-garden:boot')
