/// <reference types="vitest/config" />
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import AutoImport from 'unplugin-auto-import/vite';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The web pages, built into dist/web, which the API serves. Element Plus is imported per component
 * (and its CSS per component), so a public page loads only what it shows.
 */
export default defineConfig({
  root,
  // Vite's cache beside the build output, not in node_modules (which may be shared).
  cacheDir: fileURLToPath(new URL('../../dist/.vite-cache', import.meta.url)),
  plugins: [
    vue(),
    AutoImport({ resolvers: [ElementPlusResolver()], dts: false }),
    Components({ resolvers: [ElementPlusResolver()], dts: false }),
  ],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.ts'],
    root,
  },
});
