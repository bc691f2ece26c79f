/**
 * Writes a synthetic portfolio of any size, with the shape of a real one (docs/performance.md, "Floors").
 *
 *   npm run bench:generate -- --nodes 60000 [--seed 42] [--anchor 2026-11-01] [--out bench/out/portfolio-60000.json]
 *
 * The same options always give the same document, byte for byte. Check it, and see its chain
 * sizes, with `tsx bench/check-document.ts <file>`.
 */
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ANCHOR_DATE, isIsoDate } from './lib/dates.js';
import { generatePortfolio } from './lib/synthetic/portfolio-builder.js';
import { MIN_NODES } from './lib/synthetic/shape.js';
import { writeDocument } from './lib/write-document.js';

const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));

function main(): void {
  const { values } = parseArgs({
    options: {
      nodes: { type: 'string' },
      seed: { type: 'string', default: '42' },
      anchor: { type: 'string', default: ANCHOR_DATE },
      out: { type: 'string' },
    },
  });
  const nodes = Number(values.nodes);
  const seed = Number(values.seed);
  if (!Number.isInteger(nodes) || nodes < MIN_NODES || !Number.isInteger(seed) || !isIsoDate(values.anchor)) {
    console.error(
      `usage: npm run bench:generate -- --nodes <n ≥ ${MIN_NODES}> [--seed <integer>] [--anchor YYYY-MM-DD] [--out <file>]`,
    );
    process.exit(2);
  }
  const out = values.out ?? join(BENCH_DIR, 'out', `portfolio-${nodes}.json`);

  const started = performance.now();
  const document = generatePortfolio({ nodes, seed, anchor: values.anchor });
  const generated = performance.now();
  const bytes = writeDocument(out, document);
  const written = performance.now();

  console.log(
    `${relative(process.cwd(), out)}: ${document.nodes.length.toLocaleString('en-GB')} nodes, ` +
      `${document.links.length.toLocaleString('en-GB')} links, ` +
      `${document.checkIns.length.toLocaleString('en-GB')} check-ins, ${(bytes / 1e6).toFixed(1)} MB ` +
      `(seed ${seed}, as of ${values.anchor}); generated in ${Math.round(generated - started)} ms, ` +
      `written in ${Math.round(written - generated)} ms`,
  );
}

main();
