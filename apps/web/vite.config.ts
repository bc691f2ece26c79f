import react from '@vitejs/plugin-react';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import { earlyGraphPath } from './src/features/map/earlyGraphPath';

/**
 * The web app. In production the API serves `dist/` on its own port; in development
 * (`npm run dev -w @throughline/web`) Vite serves it and proxies `/api` to the API on 3000
 * (or to VITE_API_TARGET).
 * The domain library is compiled from source, so the map and the API share one link matrix.
 */
export default defineConfig({
  plugins: [react(), bootScript(), precompress()],
  resolve: {
    alias: { '@throughline/domain': fileURLToPath(new URL('../../libs/domain/src/index.ts', import.meta.url)) },
  },
  // VITE_API_TARGET points the dev server at another API (e.g. one on its own port and database).
  server: { port: 5173, proxy: { '/api': process.env.VITE_API_TARGET ?? 'http://localhost:3000' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // Everything the entry imports statically in one chunk beside it, not a dozen 1–9 kB ones: over HTTP/1.1's
        // six connections those queued the boot script's session and dashboard requests (docs/performance.md).
        codeSplitting: { groups: [{ name: 'initial', tags: ['$initial'] }] },
      },
    },
  },
  worker: { format: 'es' },
});

/**
 * Runs in the browser from `<head>`, before the app's script has even arrived (docs/performance.md, "Dashboard"):
 * asks for the session — on `/dashboard` for the dashboard, on the map's addresses for the map's view
 * (`earlyGraphPath`, the same function the app's test holds to its own reading of the address) — at once, for
 * main.tsx and prefetchMap.ts to adopt (`window.__throughlineEarly`), and on the map's addresses preloads the
 * map's chunk and sheets beside the entry's, which no longer carries them. A classic script of the app's own origin, so the CSP's `script-src 'self'` allows it.
 */
function boot(mapChunks: string[], mapSheets: string[], graphPath: (search: string) => string) {
  const path = location.pathname;
  const get = (url: string) =>
    fetch(`/api${url}`, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-Requested-With': 'throughline' },
    });
  const early: Record<string, Promise<Response>> = { '/auth/session': get('/auth/session') };
  if (path === '/dashboard') early['/dashboard'] = get('/dashboard');
  if (path === '/' || path === '/map') {
    const graph = graphPath(location.search);
    early[graph] = get(graph);
  }
  (window as unknown as { __throughlineEarly: typeof early }).__throughlineEarly = early;
  if (path === '/' || path === '/map') {
    const preload = (href: string, rel: 'modulepreload' | 'preload') => {
      const link = document.createElement('link');
      link.rel = rel;
      if (rel === 'modulepreload')
        link.crossOrigin = ''; // as Vite's own preloads, so the import finds it
      else link.as = 'style';
      link.href = href;
      document.head.appendChild(link);
    };
    mapChunks.forEach((href) => preload(href, 'modulepreload'));
    // The map's sheets fetched now too: the chunk's import adds them once the session is in and waits for
    // them before the map can draw — from the cache, then. Preloaded, not applied here: applied from <head>
    // before the entry's own sheet, the base rules would come after the map's and win over them.
    mapSheets.forEach((href) => preload(href, 'preload'));
  }
}

/** Emits `boot` as `assets/boot-<hash>.js` with the map's chunks (HomePage and what it imports) and their sheets written in. */
function bootScript(): Plugin {
  let fileName: string | undefined;
  return {
    name: 'throughline-boot',
    apply: 'build',
    enforce: 'pre',
    generateBundle: {
      // Before the html is written (vite:build-html, also in generateBundle): the chunks' names are final here.
      order: 'pre',
      handler(_options, bundle) {
        const chunks = Object.values(bundle).flatMap((out) => (out.type === 'chunk' ? [out] : []));
        const home = chunks.find((c) => c.facadeModuleId?.endsWith('/src/app/HomePage.tsx'));
        const entry = chunks.find((c) => c.isEntry);
        const inEntry = new Set(entry ? [entry.fileName, ...entry.imports] : []);
        const map = home ? [home.fileName, ...home.imports].filter((f) => !inEntry.has(f)) : [];
        const sheets = new Set(
          map.flatMap((f) => {
            const chunk = bundle[f];
            return chunk?.type === 'chunk' ? [...(chunk.viteMetadata?.importedCss ?? [])] : [];
          }),
        );
        const paths = (files: Iterable<string>) => JSON.stringify([...files].map((f) => `/${f}`));
        const source = `(${boot.toString()})(${paths(map)}, ${paths(sheets)}, ${earlyGraphPath.toString()});\n`;
        fileName = `assets/boot-${hash(source)}.js`;
        this.emitFile({ type: 'asset', fileName, source });
      },
    },
    transformIndexHtml: {
      order: 'post',
      handler: () => (fileName ? [{ tag: 'script', attrs: { src: `/${fileName}` }, injectTo: 'head-prepend' }] : []),
    },
  };
}

function hash(text: string): string {
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = ((h * 33) ^ text.charCodeAt(i)) >>> 0;
  return h.toString(36);
}

/**
 * Beside each script and sheet of `assets/` of 1 kB or more, its brotli (best setting) and gzip copies
 * (`<file>.br`, `<file>.gz`), which the API serves to browsers that accept them (apps/api's
 * platform/http/precompressed-assets.ts) instead of compressing the same bytes on every request.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  const brotli = promisify(brotliCompress);
  const gzipped = promisify(gzip);
  return {
    name: 'throughline-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir.startsWith('/') ? config.build.outDir : join(config.root, config.build.outDir);
    },
    async writeBundle() {
      const dir = join(outDir, 'assets');
      const files = (await readdir(dir)).filter((f) => /\.(js|css|svg)$/.test(f));
      await Promise.all(
        files.map(async (name) => {
          const file = join(dir, name);
          if ((await stat(file)).size < 1024) return;
          const bytes = await readFile(file);
          const [br, gz] = await Promise.all([
            brotli(bytes, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
              },
            }),
            gzipped(bytes, { level: constants.Z_BEST_COMPRESSION }),
          ]);
          await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
        }),
      );
    },
  };
}
