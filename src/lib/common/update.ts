/**
 * Whether a window reloads when a new version takes over because some tab accepted it. The tab
 * that accepted does; so does an ordinary page. A window a meeting runs in never does by itself:
 * the projector (/meeting/screen), the host window and a member's phone keep going on the old
 * version until someone there chooses to reload.
 */
export function reloadsForUpdate({ acceptedHere, path, bare }: { acceptedHere: boolean; path: string; bare: boolean }): boolean {
  if (acceptedHere) return true
  return !bare && !/^\/meeting\/(host|screen)\b/.test(path)
}
