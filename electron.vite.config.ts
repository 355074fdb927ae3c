import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: { input: { main: resolve('electron/main.ts') } }
    }
  },
  preload: {
    build: {
      // A sandboxed preload may require nothing but `electron`: bundle everything
      // else into one CommonJS file (checked by tests/integration/preload-bundle.test.ts).
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: { preload: resolve('electron/preload.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve('renderer'),
    base: './',
    plugins: [react()],
    build: {
      // electron-vite leaves output unminified; the renderer's start-up time depends on it.
      minify: true,
      cssMinify: true,
      rollupOptions: { input: { index: resolve('renderer/index.html') } }
    }
  }
})
