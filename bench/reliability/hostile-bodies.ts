import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';
import { authHeaders } from '../lib/credentials.js';
import { outcome, send, type Answer } from './lib/http.js';
import { duration, mib } from './lib/stats.js';
import type { Item, Suite } from './lib/suite.js';

const MB = 2 ** 20;

/** ~33 MB of `[{},{},…]`, gzipped to ~32 KB. */
function gzipBomb(): { body: Buffer; inflated: number } {
  const inflated = Buffer.from(`[${'{},'.repeat(11_000_000)}{}]`);
  return { body: gzipSync(inflated, { level: 9 }), inflated: inflated.length };
}

/** `{"kind":"project","title":"aaaa…"}` of exactly `bytes` bytes, made as it is sent. */
function hugeNode(bytes: number): Readable {
  const head = Buffer.from('{"kind":"project","title":"');
  const tail = Buffer.from('"}');
  const filler = Buffer.alloc(MB, 'a');
  let remaining = bytes - head.length - tail.length;
  let started = false;
  return new Readable({
    read() {
      if (!started) {
        started = true;
        this.push(head);
      } else if (remaining > 0) {
        const n = Math.min(remaining, filler.length);
        remaining -= n;
        this.push(n === filler.length ? filler : filler.subarray(0, n));
      } else {
        this.push(tail);
        this.push(null);
      }
    },
  });
}

const nestedObjects = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const nestedArrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const json = { 'Content-Type': 'application/json' };

interface Hostile {
  headers: Record<string, string | number>;
  body: Buffer | string | Readable;
}

interface Case {
  name: string;
  path: string;
  exchange: () => Hostile;
}

/**
 * POST over a bare socket, reading while writing: a server that answers 413 and closes before
 * the body is all sent makes Node's HTTP client fail with EPIPE and lose the answer; here the
 * status line is read from whatever came back. Without Content-Length the body goes chunked.
 */
function hostilePost(baseUrl: string, path: string, hostile: Hostile, timeoutMs = 60_000): Promise<Answer> {
  const { port } = new URL(baseUrl);
  const started = performance.now();
  const chunked = !Object.keys(hostile.headers).some((h) => h.toLowerCase() === 'content-length');
  const head =
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n` +
    // As a signed-in member, so each body reaches its route's own limits rather than the 401.
    Object.entries({ ...authHeaders(), ...hostile.headers })
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('') +
    (chunked ? 'Transfer-Encoding: chunked\r\n' : '') +
    '\r\n';
  return new Promise((resolve) => {
    const received: Buffer[] = [];
    let error: string | undefined;
    let done = false;
    const socket = connect({ host: '127.0.0.1', port: Number(port) });
    const finish = (timedOut = false) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(received).toString('latin1');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      const body = Buffer.from(text.split('\r\n\r\n').slice(1).join('\r\n\r\n'), 'latin1');
      resolve({
        status,
        headers: {},
        body,
        error: status ? undefined : timedOut ? 'timeout' : (error ?? 'closed'),
        ms: performance.now() - started,
      });
    };
    const timer = setTimeout(() => finish(true), timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      received.push(chunk);
      // The whole answer is in once its head is and the connection closes (Connection: close).
    });
    socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
    socket.on('close', () => finish());
    socket.on('connect', () => {
      void (async () => {
        socket.write(head);
        // A server that judges by Content-Length can answer before any of the body is sent.
        await sleep(100);
        const frame = (chunk: Buffer | string) =>
          chunked
            ? Buffer.concat([
                Buffer.from(`${Buffer.byteLength(chunk).toString(16)}\r\n`),
                Buffer.from(chunk),
                Buffer.from('\r\n'),
              ])
            : chunk;
        const body = hostile.body;
        if (!(body instanceof Readable)) {
          socket.write(frame(body));
          if (chunked) socket.write('0\r\n\r\n');
          return;
        }
        // 64 KB at a time, each write waited for, and no more once an answer has begun: a server that
        // answers early and closes resets the connection, and a reset loses what was not yet read.
        for await (const piece of body as AsyncIterable<Buffer>) {
          for (let at = 0; at < piece.length; at += 64 * 1024) {
            if (received.length || socket.destroyed) return body.destroy();
            const ok = await new Promise<boolean>((next) =>
              socket.write(frame(piece.subarray(at, at + 64 * 1024)), (e) => next(!e)),
            );
            if (!ok) return body.destroy();
            await new Promise((next) => setImmediate(next));
          }
        }
        if (chunked && !socket.destroyed) socket.write('0\r\n\r\n');
      })();
    });
  });
}

function cases(): Case[] {
  const bomb = gzipBomb();
  const bombName = `gzip bomb (${(bomb.body.length / 1024).toFixed(0)} KB → ${(bomb.inflated / 1e6).toFixed(0)} MB of [{},…])`;
  const gzipped = () => ({
    headers: { ...json, 'Content-Encoding': 'gzip', 'Content-Length': bomb.body.length },
    body: bomb.body,
  });
  const invalidUtf8 = (prefix: string) =>
    Buffer.concat([Buffer.from(prefix), Buffer.from([0xc3, 0x28, 0x20, 0xff, 0xfe]), Buffer.from('"}')]);
  return [
    { name: `${bombName} to POST /nodes`, path: '/api/nodes', exchange: gzipped },
    { name: `${bombName} to POST /portfolio/import`, path: '/api/portfolio/import', exchange: gzipped },
    { name: `${bombName} to an unknown route`, path: '/api/no-such-route', exchange: gzipped },
    {
      name: '1,500-deep objects in a node',
      path: '/api/nodes',
      exchange: () => ({
        headers: json,
        body: `{"kind":"project","title":"deep","description":${nestedObjects(1500)}}`,
      }),
    },
    {
      name: '1,500-deep arrays in an import',
      path: '/api/portfolio/import',
      exchange: () => ({
        headers: json,
        body: `{"format":"throughline/v1","businessUnits":[],"nodes":[{"key":"X-1","kind":"project","title":"x","tags":${nestedArrays(1500)}}],"links":[],"checkIns":[]}`,
      }),
    },
    {
      name: '100 MB body with Content-Length to POST /nodes',
      path: '/api/nodes',
      exchange: () => ({ headers: { ...json, 'Content-Length': 100 * MB }, body: hugeNode(100 * MB) }),
    },
    {
      name: '100 MB body with Content-Length to POST /portfolio/import',
      path: '/api/portfolio/import',
      exchange: () => ({ headers: { ...json, 'Content-Length': 100 * MB }, body: hugeNode(100 * MB) }),
    },
    {
      name: '100 MB body, chunked (no length), to POST /nodes',
      path: '/api/nodes',
      exchange: () => ({ headers: json, body: hugeNode(100 * MB) }),
    },
    {
      name: 'invalid UTF-8 in a node title',
      path: '/api/nodes',
      exchange: () => ({ headers: json, body: invalidUtf8('{"kind":"project","title":"bad ') }),
    },
    {
      name: 'invalid UTF-8 in a business unit name',
      path: '/api/business-units',
      exchange: () => ({ headers: json, body: invalidUtf8('{"key":"BAD-UTF8","name":"bad ') }),
    },
  ];
}

/** Health every 100 ms while `work` runs: the longest answer shows how long the event loop was blocked. */
async function withProbe<T>(suite: Suite, work: () => Promise<T>): Promise<{ result: T; longestHealthMs: number }> {
  let running = true;
  let longest = 0;
  const probe = (async () => {
    while (running) {
      const answer = await send(`${suite.api.url}/api/health`, { agent: false, timeoutMs: 15_000 });
      longest = Math.max(longest, answer.ms);
      await sleep(100);
    }
  })();
  const result = await work();
  running = false;
  await probe;
  return { result, longestHealthMs: longest };
}

export const hostileBodiesItem: Item = {
  id: 'hostile-bodies',
  title: 'Hostile bodies',
  target:
    'a gzip bomb (32 KB → 33 MB of [{},…]) to a write, the import and an unknown route; 1,500-deep nesting; ' +
    '100 MB bodies (with a length and chunked); invalid UTF-8: each answered 4xx, the same process alive and healthy after each',
  budgetMs: 120_000,
  async run(suite) {
    const pid = suite.api.pid;
    const rows: string[][] = [];
    const problems: string[] = [];
    for (const c of cases()) {
      // A server that answers 413 while the body is still coming and then closes resets the
      // connection, and the reset can beat the answer to the client (curl shows the same race);
      // so a connection closed without an answer is tried twice more. A server that closes
      // without answering at all fails all three times.
      let attempts = 0;
      let probed: { result: Answer; longestHealthMs: number };
      do {
        attempts++;
        probed = await withProbe(suite, () => hostilePost(suite.api.url, c.path, c.exchange()));
      } while (probed.result.status === 0 && probed.result.error !== 'timeout' && attempts < 3 && suite.api.alive);
      const { result: answer, longestHealthMs } = probed;
      await sleep(200);
      const health = await send(`${suite.api.url}/api/health`, { agent: false, timeoutMs: 5_000 });
      const alive = suite.api.alive && suite.api.pid === pid;
      const memory = suite.api.memory();
      const ok = answer.status >= 400 && answer.status < 500 && alive && health.status === 200;
      if (!ok) {
        problems.push(
          `${c.name}: ${outcome(answer)}${alive ? '' : `, the process ended (${suite.api.ending})`}` +
            (alive && health.status !== 200 ? `, health then ${outcome(health)}` : ''),
        );
      }
      rows.push([
        c.name,
        attempts > 1 ? `${outcome(answer)} (attempt ${attempts})` : outcome(answer),
        duration(answer.ms),
        duration(longestHealthMs),
        alive ? `yes (health ${outcome(health)})` : `no: ${suite.api.ending}`,
        memory ? mib(memory.peak) : '–',
        ok ? 'pass' : 'FAIL',
      ]);
      if (!alive) break;
    }
    return {
      pass: problems.length === 0,
      summary: `${rows.length} hostile bodies, ${rows.filter((r) => r[6] === 'pass').length} answered 4xx with the process alive${problems.length ? `: ${problems.join('; ')}` : ''}`,
      details: [],
      table: {
        head: [
          'body',
          'answer',
          'answered in',
          'longest health probe meanwhile',
          'alive after',
          'API peak RSS so far',
          '',
        ],
        rows,
      },
    };
  },
};
