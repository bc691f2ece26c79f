import { queryOptions } from '@tanstack/react-query';
import type { InterchangeDiff, SheetKind } from '@throughline/domain';
import { ApiError, http, type ApiErrorBody } from './http';

/** `GET /api/portfolio/spreadsheet/mappings/:kind` (issue 13). */
export interface SheetMappingInfo {
  kind: SheetKind;
  mapping: Record<string, string> | null;
  fields: { field: string; required: boolean; rule: string }[];
}

/** A row or cell the import refused (422 IMPORT_INVALID details). */
export interface SheetProblem {
  line: number;
  column: string | null;
  field: string | null;
  message: string;
}

interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

/** `POST /api/portfolio/spreadsheet`'s answer. */
export interface SheetImportResult {
  kind: SheetKind;
  format: 'csv' | 'xlsx';
  dryRun: boolean;
  columns: string[];
  mapping: Record<string, string>;
  mappingSource: 'request' | 'remembered' | 'guessed';
  rows: number;
  diff?: InterchangeDiff;
  summary?: { businessUnits: Counts; nodes: Counts; links: Counts; checkIns: Counts };
}

export const mappingQuery = (kind: SheetKind) =>
  queryOptions({
    queryKey: ['spreadsheet', 'mapping', kind] as const,
    queryFn: ({ signal }) => http<SheetMappingInfo>(`/portfolio/spreadsheet/mappings/${kind}`, { signal }),
  });

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Files past this are sent by XMLHttpRequest, whose upload events drive the progress bar. */
const PROGRESS_FROM_BYTES = 512 * 1024;

export function sheetContentType(file: File): string {
  return /\.xlsx$/i.test(file.name) || file.type === XLSX_TYPE ? XLSX_TYPE : 'text/csv';
}

/**
 * Sends the file as the body (no multipart) for a dry run or an import. A large file goes by
 * XMLHttpRequest so `onProgress` (0–1) can follow the upload; a small one by `fetch`.
 */
export function uploadSheet(
  file: File,
  options: { kind: SheetKind; dryRun: boolean; mapping?: Record<string, string>; onProgress?: (share: number) => void },
): Promise<SheetImportResult> {
  const query = new URLSearchParams({ kind: options.kind, dryRun: String(options.dryRun) });
  if (options.mapping) query.set('mapping', JSON.stringify(options.mapping));
  const path = `/portfolio/spreadsheet?${query.toString()}`;
  const type = sheetContentType(file);
  if (file.size < PROGRESS_FROM_BYTES || typeof XMLHttpRequest === 'undefined') {
    return http<SheetImportResult>(path, { method: 'POST', body: file, headers: { 'Content-Type': type } }).then(
      (result) => {
        options.onProgress?.(1);
        return result;
      },
    );
  }
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', type);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-Requested-With', 'throughline');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as SheetImportResult);
      else
        reject(
          new ApiError(
            (body as ApiErrorBody | undefined) ?? {
              statusCode: xhr.status,
              code: 'HTTP_ERROR',
              message: xhr.statusText,
            },
          ),
        );
    };
    xhr.onerror = () => reject(new ApiError({ statusCode: 0, code: 'HTTP_ERROR', message: 'The upload failed.' }));
    xhr.send(file);
  });
}

/**
 * A CSV file's header row, read in the browser only to offer its columns for mapping before the
 * first dry run (the API parses the file itself). Quote-aware; `;`, `,` or tab, as the API detects.
 */
export async function csvHeader(file: File): Promise<string[]> {
  const head = (await readText(file.slice(0, 64 * 1024))).replace(/^\uFEFF/, '');
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  const line: string[] = [];
  for (const char of head) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    line.push(char);
  }
  const text = line.join('');
  const counts = [',', ';', '\t'].map((d) => [d, text.split(d).length] as const);
  const delimiter = counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
  quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') {
      if (quoted && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = !quoted;
    } else if (char === delimiter && !quoted) {
      cells.push(cell.trim());
      cell = '';
    } else cell += char;
  }
  cells.push(cell.trim());
  return cells.filter(Boolean);
}

/** FileReader rather than Blob.text(): the same in every browser and in the tests' jsdom. */
function readText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsText(blob);
  });
}
