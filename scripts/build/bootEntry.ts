import type { Plugin } from 'vite'

/**
 * src/boot.ts is the app's first script, an entry of its own: a few hundred bytes that run as soon as they
 * arrive, while the app shell (about 70 KB) is still downloading, and start the work a page waits for first
 * (the search worker, which then fetches the index alongside the shell). Vite folds every module script
 * of an HTML page into one entry, so the boot script is added to index.html here, ahead of the shell's.
 */
export const BOOT_ENTRY = 'src/boot.ts'

export function bootEntry(): Plugin {
  let base = '/'
  return {
    name: 'boot-entry',
    configResolved(config) {
      base = config.base
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { path, bundle }) {
        if (path !== '/index.html') return
        // In the build, the emitted entry chunk; on the dev server, the source module.
        const built = bundle && Object.values(bundle).find((item) => item.type === 'chunk' && item.isEntry && item.facadeModuleId?.endsWith(BOOT_ENTRY))
        if (bundle && !built) throw new Error(`${BOOT_ENTRY} is not an entry of the build (build.rolldownOptions.input)`)
        const src = built ? `${base}${built.fileName}` : `${base}${BOOT_ENTRY}`
        return [{ tag: 'script', attrs: { type: 'module', async: true, crossorigin: true, src }, injectTo: 'head-prepend' }]
      },
    },
  }
}
