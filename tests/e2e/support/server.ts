import { existsSync } from 'node:fs'
import type { TestProject } from 'vitest/node'
import { preview, type PreviewServer } from 'vite'

/** Serves the production build (dist/, made by `npm run build`) for the browser tests. */
export default async function setup(project: TestProject) {
  // Vite's notice about a future config loader is noise in test output.
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true'
  // E2E_DIST lets several builds be tested side by side (`vite build --outDir /tmp/x`, then E2E_DIST=/tmp/x).
  const outDir = process.env.E2E_DIST ?? 'dist'
  if (!existsSync(`${outDir}/index.html`)) throw new Error(`${outDir}/ is missing: run \`npm run build\` before the browser tests`)
  const server: PreviewServer = await preview({
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'warn',
  })
  const address = server.httpServer.address()
  if (!address || typeof address === 'string') throw new Error('preview server has no port')
  project.provide('baseURL', `http://127.0.0.1:${address.port}`)
  return async () => {
    await server.close()
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
  }
}
