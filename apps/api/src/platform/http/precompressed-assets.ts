import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { extname, join, posix, resolve, sep } from 'node:path';

const ENCODINGS = [
  ['br', '.br'],
  ['gzip', '.gz'],
] as const;

/**
 * The built web app's files as the build compressed them (`<file>.br`, `<file>.gz` beside each script and sheet of
 * `assets/`, written by apps/web/vite.config.ts): brotli at its best setting, once, instead of on every request —
 * the compression middleware (app.setup.ts) leaves an answer that already has a Content-Encoding alone. Anything
 * without a compressed copy, or a client that takes neither encoding, goes on to the static files as before.
 */
export function precompressedAssets(root: string) {
  const base = resolve(root);
  const found = new Map<string, boolean>();
  const has = (file: string) => {
    let known = found.get(file);
    if (known === undefined) found.set(file, (known = existsSync(file)));
    return known;
  };
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.path.startsWith('/assets/')) return next();
    const path = posix.normalize(req.path);
    const file = join(base, path);
    if (!path.startsWith('/assets/') || !file.startsWith(base + sep)) return next();
    // Brotli first where the browser takes both (browsers list gzip first, at the same weight).
    const pick = ENCODINGS.find(
      ([encoding, suffix]) => req.acceptsEncodings(encoding) === encoding && has(file + suffix),
    );
    if (!pick) return next();
    res.setHeader('Content-Encoding', pick[0]);
    res.vary('Accept-Encoding');
    res.type(extname(file));
    res.sendFile(file + pick[1], (error?: Error) => {
      if (error && !res.headersSent) {
        res.removeHeader('Content-Encoding');
        next();
      }
    });
  };
}
