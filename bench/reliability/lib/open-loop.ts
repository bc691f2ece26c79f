import { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { send, type Answer } from './http.js';

/**
 * An open-loop load generator: request i is sent at t0 + i / rate whatever became of the ones
 * before it, and its latency is counted from that planned moment. A server that stalls for a
 * second therefore shows a second of latency on every request planned in that second, instead
 * of the load generator quietly waiting with it (coordinated omission).
 *
 * Why not autocannon: its rate limit (`overallRate`) paces a fixed set of connections, each of
 * which waits for its answer before sending again, so a stall lowers the rate actually offered
 * (it corrects the histogram afterwards); and it keeps one latency histogram for the whole run,
 * while this suite needs p50/p99 per route and, for the outage checks, every request's planned
 * time, status, Retry-After and the id a write answered with.
 */
export interface Planned {
  /** The route as the report names it, e.g. `GET /nodes/:id`. */
  route: string;
  method: string;
  path: string;
  body?: unknown;
  /** Called with the answer (writes record what they created). */
  onAnswer?: (answer: Answer) => void;
}

export interface Sample {
  route: string;
  method: string;
  /** When it was planned, in ms since the run's t0. */
  at: number;
  /** From the planned moment to the end of the answer. */
  latency: number;
  status: number;
  error?: string;
  retryAfter?: string;
}

export interface LoadRun {
  /** performance.now() of the first planned request: `at` of every sample is relative to it. */
  t0: number;
  samples: Sample[];
}

export interface OpenLoopOptions {
  rate: number;
  durationMs: number;
  /** The i-th request. */
  plan: (i: number) => Planned;
  timeoutMs?: number;
  /** Called once the loop has started, with its t0 (to time events against the samples). */
  onStart?: (t0: number) => void;
}

export async function openLoop(baseUrl: string, options: OpenLoopOptions): Promise<LoadRun> {
  // Kept-alive sockets idle for 2 s are closed here, before the server's own keep-alive timeout
  // (Node's 5 s) closes them: otherwise a request can be sent on a socket the server is closing
  // at that moment and meet a reset that is the client's race, not the API's failure.
  const agent = new Agent({ keepAlive: true, maxSockets: 512, timeout: 2_000 });
  const interval = 1000 / options.rate;
  const total = Math.round((options.durationMs / 1000) * options.rate);
  const samples: Sample[] = [];
  const inFlight = new Set<Promise<void>>();
  const t0 = performance.now();
  options.onStart?.(t0);

  const fire = (i: number) => {
    const planned = options.plan(i);
    const at = i * interval;
    const body = planned.body === undefined ? undefined : JSON.stringify(planned.body);
    const exchange = send(`${baseUrl}${planned.path}`, {
      method: planned.method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body,
      agent,
      timeoutMs: options.timeoutMs ?? 10_000,
    }).then((answer) => {
      samples.push({
        route: planned.route,
        method: planned.method,
        at,
        latency: performance.now() - t0 - at,
        status: answer.status,
        error: answer.error,
        retryAfter: answer.headers['retry-after'],
      });
      planned.onAnswer?.(answer);
    });
    inFlight.add(exchange);
    void exchange.finally(() => inFlight.delete(exchange));
  };

  for (let i = 0; i < total;) {
    const now = performance.now() - t0;
    while (i < total && i * interval <= now) fire(i++);
    if (i < total) await sleep(Math.max(0, i * interval - (performance.now() - t0)));
  }
  await Promise.all(inFlight);
  agent.destroy();
  samples.sort((a, b) => a.at - b.at);
  return { t0, samples };
}

export const isSuccess = (sample: { status: number }) => sample.status >= 200 && sample.status < 300;
