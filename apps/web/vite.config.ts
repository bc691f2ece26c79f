import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The web app. In production the API serves `dist/` on its own port; in development
 * (`npm run dev -w @throughline/web`) Vite serves it and proxies `/api` to the API on 3000
 * (or to VITE_API_TARGET).
 * The domain library is compiled from source, so the map and the API share one link matrix.
 */
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@throughline/domain': fileURLToPath(new URL('../../libs/domain/src/index.ts', import.meta.url)) },
  },
  // VITE_API_TARGET points the dev server at another API (e.g. one on its own port and database).
  server: { port: 5173, proxy: { '/api': process.env.VITE_API_TARGET ?? 'http://localhost:3000' } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 2000 },
  worker: { format: 'es' },
});
