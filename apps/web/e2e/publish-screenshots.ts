import { copyFileSync, existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * `npm run docs:screenshots`: the browser tests save their screenshots in the ignored folder
 * apps/web/e2e-screenshots/; this copies them over the committed images in docs/screenshots/.
 * The only way those change: a test run never writes docs/.
 */
const FROM = fileURLToPath(new URL('../e2e-screenshots/', import.meta.url));
const TO = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
const NAMES = ['map', 'map-detail', 'audit', 'trace'];

const missing = NAMES.filter((name) => !existsSync(`${FROM}${name}.png`));
if (missing.length > 0) {
  console.error(`No ${missing.join(', ')} screenshot in ${FROM}: run the browser tests first (npm run test:e2e).`);
  process.exit(1);
}
for (const name of NAMES) {
  copyFileSync(`${FROM}${name}.png`, `${TO}${name}.png`);
  const taken = statSync(`${FROM}${name}.png`).mtime.toISOString();
  console.log(`docs/screenshots/${name}.png  (taken ${taken})`);
}
