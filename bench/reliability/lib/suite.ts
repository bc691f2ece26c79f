import type { ApiProcess } from './api-process.js';
import type { Cluster } from './cluster.js';
import type { Workload } from './workload.js';

/** What every item works with. `api` changes when an item restarts the API (SIGTERM). */
export interface Suite {
  cluster: Cluster;
  /** The database of the generated 6,000-node organisation. */
  database: string;
  databaseUrl: string;
  api: ApiProcess;
  /** Starts the API again on `databaseUrl` (the old process must have gone) and makes it `api`. */
  restartApi(): Promise<ApiProcess>;
  workload: Workload;
  /** bench/out/reliability: logs, the backup, the fuzz's failures. */
  outDir: string;
  seed: number;
  rate: number;
  loadSeconds: number;
  fuzzRequests: number;
  /** A progress line on stderr (the pass/fail lines go to stdout). */
  progress(text: string): void;
}

export interface Table {
  head: string[];
  rows: string[][];
}

export interface Outcome {
  pass: boolean;
  /** The line after PASS/FAIL. */
  summary: string;
  /** The figures, one line each. */
  details: string[];
  table?: Table;
}

export interface Item {
  id: string;
  title: string;
  /** What passing means, as docs/reliability.md states it. */
  target: string;
  /** The item fails (and the suite goes on) if it has not finished in this time. */
  budgetMs: number;
  run(suite: Suite): Promise<Outcome>;
}

export interface ItemResult extends Outcome {
  id: string;
  title: string;
  target: string;
  seconds: number;
}

export function fail(summary: string, details: string[] = []): Outcome {
  return { pass: false, summary, details };
}
