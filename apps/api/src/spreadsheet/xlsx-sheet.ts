import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import yauzl from 'yauzl';
import type { SheetRow } from '@throughline/domain';
import { DomainError } from '../platform/errors/domain-error.js';
import { MAX_SHEET_ROWS, type Sheet } from './csv-sheet.js';

/** What an XLSX may inflate to, all entries together: a 100,000-row sheet is ~60 MB of XML. */
export const MAX_XLSX_UNCOMPRESSED = 100 * 1024 * 1024;
const MAX_XLSX_ENTRIES = 2_000;
/** The parsing worker's heap: exceljs holds the workbook, ~10× its XML. Past it the worker dies, not the API. */
const WORKER_HEAP_MB = 512;
const WORKER_TIMEOUT_MS = 60_000;

export const isZip = (bytes: Buffer) => bytes.length > 4 && bytes.readUInt32LE(0) === 0x04034b50;

/**
 * An XLSX file's first worksheet as a sheet. The zip's central directory is read first (yauzl,
 * nothing inflated): too many entries, or entries declaring more than `MAX_XLSX_UNCOMPRESSED`
 * together, are refused with 413 before any XML is parsed. Then exceljs parses it in a worker
 * thread with a heap limit and a time limit, so a file that lies about its sizes (or is simply
 * enormous) ends the worker — a 422 — and neither blocks nor exhausts the API's own thread.
 */
export async function readXlsx(bytes: Buffer): Promise<Sheet> {
  await checkZip(bytes);
  const { headers, rows } = await parseInWorker(bytes);
  return { headers, rows };
}

export async function checkZip(bytes: Buffer): Promise<void> {
  const entries = await new Promise<{ name: string; size: number }[]>((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) return reject(unreadable(error?.message));
      const found: { name: string; size: number }[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        found.push({ name: entry.fileName, size: entry.uncompressedSize });
        if (found.length > MAX_XLSX_ENTRIES) {
          zip.close();
          return resolve(found);
        }
        zip.readEntry();
      });
      zip.on('end', () => resolve(found));
      zip.on('error', (e: Error) => reject(unreadable(e.message)));
      zip.readEntry();
    });
  });
  if (entries.length > MAX_XLSX_ENTRIES) {
    throw new DomainError('PAYLOAD_TOO_LARGE', `The XLSX file has more than ${MAX_XLSX_ENTRIES} parts.`);
  }
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  if (total > MAX_XLSX_UNCOMPRESSED) {
    throw new DomainError(
      'PAYLOAD_TOO_LARGE',
      `The XLSX file would expand to ${Math.round(total / 1024 / 1024)} MB; the limit is ${MAX_XLSX_UNCOMPRESSED / 1024 / 1024} MB.`,
      { uncompressedBytes: total, limitBytes: MAX_XLSX_UNCOMPRESSED },
    );
  }
  if (!entries.some((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name))) throw unreadable('it has no worksheet');
}

function unreadable(reason?: string): DomainError {
  return new DomainError('IMPORT_INVALID', `The file is not a readable XLSX workbook${reason ? ` (${reason})` : ''}.`, [
    { line: 0, column: null, field: null, message: 'not a readable XLSX workbook' },
  ]);
}

/**
 * The worker's code, as text: the API runs from compiled ESM and its tests from TypeScript turned
 * into CommonJS, and an eval'd CommonJS worker runs the same in both. exceljs is resolved from
 * this package, and handed over by path.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ExcelJS = require(workerData.exceljs);
function plain(value) {
  if (value === null || value === undefined) return undefined;
  // Dates cross as ISO text: a Date from another realm (the worker's) fails instanceof checks.
  if (value instanceof Date) return isNaN(value.getTime()) ? undefined : value.toISOString();
  if (typeof value !== 'object') return value;
  if (Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return plain(value.result);
  if ('text' in value) return plain(value.text);
  if ('error' in value) return String(value.error);
  return undefined;
}
(async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(workerData.bytes);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the workbook has no worksheet');
  const rows = [];
  let headers = null;
  let tooMany = false;
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const values = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => { values[column - 1] = plain(cell.value); });
    if (!headers) { headers = values.map((v) => (v === undefined ? '' : String(v).trim())); return; }
    if (rows.length >= workerData.maxRows) { tooMany = true; return; }
    const cells = {};
    headers.forEach((h, i) => { if (h && values[i] !== undefined && values[i] !== '') cells[h] = values[i]; });
    if (Object.keys(cells).length) rows.push({ line: number, cells });
  });
  parentPort.postMessage({ headers: headers || [], rows, tooMany });
})().catch((error) => parentPort.postMessage({ error: String((error && error.message) || error) }));
`;

const exceljsPath = () => createRequire(`${process.cwd()}/`).resolve('exceljs');

function parseInWorker(bytes: Buffer): Promise<{ headers: string[]; rows: SheetRow[] }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { bytes, exceljs: exceljsPath(), maxRows: MAX_SHEET_ROWS },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 64 },
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(() => settle(() => reject(unreadable('it took too long to read'))), WORKER_TIMEOUT_MS);
    worker.once('message', (message: { error?: string; headers: string[]; rows: SheetRow[]; tooMany: boolean }) =>
      settle(() => {
        if (message.error) return reject(unreadable(message.error));
        if (message.tooMany) {
          return reject(new DomainError('PAYLOAD_TOO_LARGE', `The sheet has more than ${MAX_SHEET_ROWS} rows.`));
        }
        resolve({ headers: message.headers.filter(Boolean), rows: message.rows });
      }),
    );
    worker.once('error', (error) =>
      settle(() =>
        reject(
          /ERR_WORKER_OUT_OF_MEMORY|heap/i.test(`${(error as NodeJS.ErrnoException).code} ${error.message}`)
            ? new DomainError('PAYLOAD_TOO_LARGE', 'The XLSX file needs more memory to read than an import may use.')
            : unreadable(error.message),
        ),
      ),
    );
    worker.once('exit', () => settle(() => reject(unreadable('the reader stopped'))));
  });
}
