/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `npm run dev` talks to LocalHost (./run.sh) on the Functions default port.
    proxy: { '/api': 'http://localhost:7071' },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    // Whole pages with dialogs render in well under a second alone, but a shared, busy runner can take several.
    testTimeout: 20_000,
  },
});
