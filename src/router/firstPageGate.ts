/**
 * A member who typed into index.html's search box before the app had loaded (src/preShell.ts) is waiting for
 * those results, not for the page below: the app mounts once index.html's box has listed its answer
 * (src/main.ts), and the first page, and the rest of the header, render after the app's box has shown its
 * first answer (results, or the engine's verdict: a notice, nothing found); each waits FIRST_ANSWER_WAIT_MS at
 * most. On a slowed phone the mount is a task of 0.1–0.3 s and each render one of 0.1 s that the results
 * otherwise queued behind.
 */
export const FIRST_ANSWER_WAIT_MS = 1000

let release: () => void = () => {}
const opened = new Promise<void>((resolve) => (release = resolve))

/** Resolves when the first page may render. */
export function firstPageMayRender(): Promise<void> {
  return opened
}

/** The box has nothing to answer first (nothing was typed), or has answered: the page renders. */
export function letFirstPageRender(): void {
  release()
}

/** Called once at start-up: with a query typed before the app, the page waits for its answer (at most a second). */
export function holdFirstPageFor(typedQuery: boolean): void {
  if (typedQuery) setTimeout(release, FIRST_ANSWER_WAIT_MS)
  else release()
}
