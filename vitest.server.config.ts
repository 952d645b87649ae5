import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vitest/config'

/** The meeting server as a real process on 127.0.0.1, driven by real websocket clients. */
export default defineConfig({
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  test: {
    include: ['tests/server/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 30_000,
    fileParallelism: false,
  },
})
