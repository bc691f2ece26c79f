import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The web app. In production the API serves `dist/` on its own port; in development
 * (`npm run dev -w @throughline/web`) Vite serves it and proxies `/api` to the API on 3000.
 * The domain library is compiled from source, so the map and the API share one link matrix.
 */
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@throughline/domain': fileURLToPath(new URL('../../libs/domain/src/index.ts', import.meta.url)) },
  },
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000' } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 2000 },
  worker: { format: 'es' },
});
