import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig, type Plugin } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { BOOT_ENTRY, bootEntry } from './scripts/build/bootEntry'
import { studyContent } from './scripts/build/contentPlugin'

/**
 * The dev server injects CSS as <style> elements and serves small images as data: URLs; the built app,
 * which ships the strict policy, does neither.
 */
const relaxPolicyInDev: Plugin = {
  name: 'relax-policy-in-dev',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace("img-src 'self'", "img-src 'self' data:"),
}

export default defineConfig({
  // Every component is <script setup>: Vue's Options API support is left out of the shell (1.5 KB gzip less).
  define: { __VUE_OPTIONS_API__: 'false' },
  plugins: [
    vue(),
    relaxPolicyInDev,
    studyContent(),
    // A text opened from a link (a shared passage, a result in another tab) asks for the reader and the
    // texts with the shell, not after it.
    bootEntry({ pages: { '/read/': ['src/views/ReaderView.vue', 'virtual:study-corpus'] } }),
    VitePWA({
      // A new version waits for the member (TheUpdatePrompt: 有新版本，点击更新) instead of waiting,
      // unannounced, until every tab is closed; the component registers the service worker itself.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg'],
      manifest: {
        name: '学习园地',
        short_name: '学习园地',
        description: '党员学习资料的阅读、检索与记忆',
        lang: 'zh-CN',
        theme_color: '#b71c1c',
        background_color: '#fffaf5',
        display: 'standalone',
        start_url: '/',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        // Every chunk, the corpus and the search index are precached: the app works offline after one visit.
        globPatterns: ['**/*.{js,css,html,svg,png,woff2,json}'],
        navigateFallback: '/index.html',
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
      },
    }),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    target: 'es2022',
    // Every browser this build targets but Safari 16 preloads modules itself; there the chunks still load,
    // one import later. The polyfill was one more request on the start-up path.
    modulePreload: { polyfill: false },
    // join.html: the phone's page for the live quiz, its own small entry without the question bank.
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        join: fileURLToPath(new URL('./join.html', import.meta.url)),
        boot: fileURLToPath(new URL(`./${BOOT_ENTRY}`, import.meta.url)),
      },
      output: {
        codeSplitting: {
          groups: [
            // What both entries (the app, join.html) share: Vue, two build helpers and idb, one request, not four.
            { name: 'vue', test: /node_modules[\\/](@vue|vue|idb)[\\/]|plugin-vue:export-helper|vite[\\/]preload-helper/, priority: 20 },
            // The app's own router and stores (join.html uses neither): one request, not three.
            { name: 'router', test: /node_modules[\\/](vue-router|pinia)[\\/]/, priority: 20 },
            // The text rules the shell itself runs (a branch's documents are parsed by the library store, the
            // search box reads queries) and its settings helper, shared with lazy pages: left alone they were
            // seven chunks of under 2 KB, and on HTTP/1.1 (6 connections) every request past the sixth waits a
            // round trip more.
            { name: 'texts', test: /[\\/]src[\\/]lib[\\/](content[\\/](numerals|gaps|parse|localDocument|officialRecords)|search[\\/]query|storage[\\/]localSetting)\.ts$/, priority: 10 },
          ],
        },
      },
    },
  },
  // Module workers: the content worker loads mammoth lazily, which needs code splitting inside the worker.
  worker: {
    format: 'es',
    // The search and card workers import the search's vocabulary and the hand-written cards (virtual modules).
    plugins: () => [studyContent()],
  },
})
