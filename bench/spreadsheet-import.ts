/**
 * Spreadsheet import (issue 13): 10,000 CSV rows of projects through `POST /api/portfolio/spreadsheet`,
 * first as a dry run (parse, convert, validate, diff), then applied (the same, plus the one-transaction
 * import), into a fresh organisation; then the same file again (every row an unchanged update).
 *
 *   npm run build && npx tsx bench/spreadsheet-import.ts [--rows 10000] [--port 3310]
 *
 * The file has the awkward cases of the e2e test on every row (quoted separators, a line break
 * inside quotes, day-first and serial dates, thousands separators, a BOM, `;` as separator).
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { freshDatabase, startApi } from './lib/api-server.js';
import { withAuth } from './lib/credentials.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000' },
    port: { type: 'string', default: '3310' },
  },
});
const rows = Number(values.rows);

function csv(): string {
  const lines = ['\uFEFFReference;Project;Notes;Budget;Start;End;Status;Unit;Tags'];
  for (let i = 0; i < rows; i++) {
    lines.push(
      [
        `PRJ-${i}`,
        `"Project ${i}; phase ""${i % 7}"""`,
        i % 10 === 0 ? `"first line\r\nsecond line"` : `Notes ${i}`,
        `"${(1000 + i).toLocaleString('en-GB')}.50"`,
        i % 2 ? '31/03/2027' : String(46000 + (i % 300)),
        '2027-12-31',
        i % 3 ? 'Active' : 'On hold',
        i % 2 ? 'NET' : 'OPS',
        `"a,b${i % 5}"`,
      ].join(';'),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

const MAPPING = {
  Reference: 'key',
  Project: 'title',
  Notes: 'description',
  Budget: 'budget',
  Start: 'startDate',
  End: 'endDate',
  Status: 'status',
  Unit: 'businessUnit',
  Tags: 'tags',
};

async function send(url: string, body: string, dryRun: boolean): Promise<{ ms: number; status: number; text: string }> {
  const query = new URLSearchParams({ kind: 'projects', dryRun: String(dryRun), mapping: JSON.stringify(MAPPING) });
  const started = performance.now();
  const res = await fetch(
    `${url}/api/portfolio/spreadsheet?${query.toString()}`,
    withAuth({ method: 'POST', headers: { 'Content-Type': 'text/csv' }, body }),
  );
  const text = await res.text();
  return { ms: performance.now() - started, status: res.status, text };
}

async function main() {
  const database = `tl_bench_sheet_${rows}`;
  const api = await startApi(await freshDatabase(database), Number(values.port));
  try {
    const units = await fetch(
      `${api.url}/api/portfolio/import`,
      withAuth({
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          format: 'throughline/v1',
          businessUnits: [
            { key: 'NET', name: 'Network', parent: null },
            { key: 'OPS', name: 'Operations', parent: null },
          ],
          nodes: [],
          links: [],
          checkIns: [],
        }),
      }),
    );
    if (!units.ok) throw new Error(`units: ${units.status} ${await units.text()}`);
    const body = csv();
    console.log(`${rows} rows, ${(Buffer.byteLength(body) / 1024 / 1024).toFixed(1)} MB of CSV`);
    for (const [label, dryRun] of [
      ['dry run (new)', true],
      ['import (new)', false],
      ['dry run (all unchanged)', true],
      ['import (all unchanged)', false],
    ] as const) {
      const run = await send(api.url, body, dryRun);
      if (run.status !== 200) throw new Error(`${label}: ${run.status} ${run.text.slice(0, 500)}`);
      const answer = JSON.parse(run.text) as { diff?: { nodes: object }; summary?: { nodes: object } };
      console.log(
        `${label.padEnd(26)} ${(run.ms / 1000).toFixed(2)} s  ${JSON.stringify((answer.summary?.nodes ?? answer.diff?.nodes) ? { ...(answer.summary?.nodes ?? {}), ...pickCounts(answer.diff?.nodes) } : {})}`,
      );
    }
  } finally {
    await api.stop();
  }
}

function pickCounts(section: object | undefined) {
  if (!section) return {};
  const { created, updated, unchanged } = section as { created: number; updated: number; unchanged: number };
  return { created, updated, unchanged };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
