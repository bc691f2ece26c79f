import { request, type Agent, type IncomingHttpHeaders } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';
import { authHeaders } from '../../lib/credentials.js';

/**
 * One HTTP exchange that never throws: a refused connection, a reset or a timeout is an answer
 * with status 0 and the reason in `error`, so the suite can count it like any other outcome.
 * (bench/lib/http-client.ts is the one-socket GET of the benchmarks; this one runs many in
 * parallel, sends bodies and keeps the headers.)
 */
export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** ECONNRESET, ECONNREFUSED, EPIPE, timeout… when no answer came. */
  error?: string;
  /** From the call to the end of the answer. */
  ms: number;
}

export interface Exchange {
  method?: string;
  headers?: Record<string, string | number>;
  /** A body sent as it is, or a stream (e.g. 100 MB that the server should refuse before reading it). */
  body?: Buffer | string | Readable;
  agent?: Agent | false;
  /** Sent without the bench account's bearer (every other exchange carries it). */
  anonymous?: boolean;
  /** An answer not complete after this long is a `timeout` (the API promises never to hang past 10 s). */
  timeoutMs?: number;
}

export const LOOPBACK = '127.0.0.1';

export function send(url: string, exchange: Exchange = {}): Promise<Answer> {
  const target = new URL(url);
  if (target.hostname !== LOOPBACK) throw new Error(`the reliability suite only talks to ${LOOPBACK}, not ${url}`);
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (answer: Omit<Answer, 'ms'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...answer, ms: performance.now() - started });
    };
    const req = request(
      target,
      {
        method: exchange.method ?? 'GET',
        headers: { ...(exchange.anonymous ? {} : authHeaders()), ...exchange.headers },
        agent: exchange.agent,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => finish({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', (error: NodeJS.ErrnoException) =>
          finish({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), error: error.code }),
        );
      },
    );
    const timer = setTimeout(() => {
      finish({ status: 0, headers: {}, body: Buffer.alloc(0), error: 'timeout' });
      req.destroy();
    }, exchange.timeoutMs ?? 10_000);
    // A server that answers 413 and closes while we are still sending makes the write fail
    // (EPIPE, ECONNRESET); the answer it sent first is what counts, so wait a moment for it.
    req.on('error', (error: NodeJS.ErrnoException) => {
      setTimeout(
        () => finish({ status: 0, headers: {}, body: Buffer.alloc(0), error: error.code ?? error.message }),
        200,
      );
    });
    const body = exchange.body;
    if (body === undefined || typeof body === 'string' || Buffer.isBuffer(body)) {
      req.end(body);
    } else {
      body.on('error', () => req.destroy());
      body.pipe(req);
      req.on('close', () => body.destroy());
    }
  });
}

export function json<T = unknown>(answer: Answer): T {
  return JSON.parse(answer.body.toString('utf8')) as T;
}

/** GET that must answer 2xx with JSON (set-up reads, where anything else is the suite's failure to start). */
export async function getJson<T>(url: string): Promise<T> {
  const answer = await send(url, { timeoutMs: 30_000 });
  if (answer.status < 200 || answer.status > 299) {
    throw new Error(`GET ${url} answered ${answer.status || answer.error}: ${answer.body.toString().slice(0, 300)}`);
  }
  return json<T>(answer);
}

export async function sendJson(url: string, method: string, body: unknown, timeoutMs = 30_000): Promise<Answer> {
  return send(url, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body),
    timeoutMs,
  });
}

/** What an answer was, in a few words: `503`, `ECONNRESET`, `timeout`. */
export function outcome(answer: Pick<Answer, 'status' | 'error'>): string {
  return answer.status > 0 ? String(answer.status) : (answer.error ?? 'no answer');
}
