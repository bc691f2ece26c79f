/** The q-quantile of `samples` by the nearest-rank method (p99 of 100 samples is the 99th smallest). */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export function percentiles(samples: readonly number[]): { n: number; p50: number; p99: number; max: number } {
  return {
    n: samples.length,
    p50: quantile(samples, 0.5),
    p99: quantile(samples, 0.99),
    max: samples.length ? Math.max(...samples) : Number.NaN,
  };
}

/** `12.3 ms`, `1.42 s`. */
export function duration(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  return `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
}

export function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** `200 ×2,900, 503 ×12`. */
export function formatCounts(counts: Map<string, number>): string {
  return [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, n]) => `${key} ×${n.toLocaleString('en-GB')}`)
    .join(', ');
}

export const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
