import type { IncomingMessage } from 'node:http';
import { DomainError } from '../platform/errors/domain-error.js';

/** A spreadsheet upload's limit: 10,000 rows of a wide sheet are 2–5 MB of CSV; XLSX is smaller. */
export const SPREADSHEET_LIMIT_BYTES = 20 * 1024 * 1024;

const ACCEPTED = new Set([
  'text/csv',
  'text/plain',
  'application/csv',
  'application/vnd.ms-excel', // what Windows browsers call a .csv
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
]);

/**
 * The file as sent, raw (Content-Type text/csv or the XLSX type; no multipart, so the bytes need no
 * second parser): counted while it arrives and refused at `limit`, before it is all held. This
 * route has no `@Body()`, so the JSON body parser never reads it.
 */
export async function readUpload(req: IncomingMessage, limit = SPREADSHEET_LIMIT_BYTES): Promise<Buffer> {
  const mime = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (!ACCEPTED.has(mime)) {
    await drain(req);
    throw new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Send the file itself as text/csv or as an XLSX (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet); got ${mime ? `"${mime}"` : 'no Content-Type'}.`,
    );
  }
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity') {
    await drain(req);
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the file uncompressed (an XLSX is compressed already).');
  }
  if (Number(req.headers['content-length']) > limit) {
    await drain(req);
    throw tooLarge(limit);
  }
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    received += chunk.length;
    if (received > limit) {
      chunks.length = 0;
      await drain(req);
      throw tooLarge(limit);
    }
    chunks.push(chunk);
  }
  if (received === 0) throw new DomainError('MALFORMED_REQUEST', 'The file is empty.');
  return Buffer.concat(chunks, received);
}

function tooLarge(limit: number) {
  return new DomainError('PAYLOAD_TOO_LARGE', `The file is larger than the ${limit / 1024 / 1024} MB limit.`, {
    limitBytes: limit,
  });
}

/** Reads and drops the rest (briefly), so the client sees our answer rather than a reset connection. */
function drain(req: IncomingMessage, maxMs = 2_000): Promise<void> {
  if (req.complete || req.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, maxMs);
    req.once('end', done);
    req.once('close', done);
    req.resume();
  });
}
