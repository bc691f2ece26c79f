import { isSuccess, type Sample } from './open-loop.js';
import { countBy, duration, formatCounts, percentiles } from './stats.js';

/** A stretch when the database was unavailable, in ms since the load's t0: from its first moment to its recovery. */
export interface Disruption {
  from: number;
  to: number;
}

export interface OutageVerdict {
  problems: string[];
  details: string[];
}

/**
 * Item 7's checks of a load run across database outages:
 * - every answer is a 2xx or a 503 (no 500, no reset, no timeout), and every 503 says Retry-After;
 * - 503s only for requests in flight during an outage or in the `recoveryMs` after it;
 * - every request planned `recoveryMs` or more after the last outage's recovery is answered 2xx.
 */
export function judgeOutage(samples: Sample[], disruptions: Disruption[], recoveryMs = 5000): OutageVerdict {
  const problems: string[] = [];
  const label = (s: Sample) => `${s.route} ${s.status || s.error}`;
  const wrong = samples.filter((s) => !isSuccess(s) && s.status !== 503);
  if (wrong.length) {
    problems.push(`${wrong.length} answers neither 2xx nor 503 (${formatCounts(countBy(wrong, label))})`);
  }
  const unavailable = samples.filter((s) => s.status === 503);
  const noRetryAfter = unavailable.filter((s) => !s.retryAfter);
  if (noRetryAfter.length) problems.push(`${noRetryAfter.length} of ${unavailable.length} 503s without Retry-After`);

  const during = (s: Sample) => disruptions.some((d) => s.at <= d.to + recoveryMs && s.at + s.latency >= d.from);
  const stray = unavailable.filter((s) => !during(s));
  if (stray.length) problems.push(`${stray.length} 503s outside the outages (${formatCounts(countBy(stray, label))})`);

  const recovered = Math.max(...disruptions.map((d) => d.to));
  const late = samples.filter((s) => s.at >= recovered + recoveryMs && !isSuccess(s));
  if (late.length) {
    problems.push(
      `${late.length} requests planned ${recoveryMs / 1000} s or more after recovery not answered 2xx (${formatCounts(countBy(late, label))})`,
    );
  }

  const after = samples.filter((s) => s.at >= recovered);
  const firstSuccess = after.find(isSuccess);
  const lastFailure = [...samples].reverse().find((s) => !isSuccess(s));
  const failedLatency = percentiles(samples.filter((s) => !isSuccess(s)).map((s) => s.latency));
  const signed = (ms: number) => `${ms < 0 ? '−' : '+'}${duration(Math.abs(ms))}`;
  const details = [
    `answers: ${formatCounts(countBy(samples, (s) => (s.status ? String(s.status) : (s.error ?? 'no answer'))))}`,
    `first 2xx planned after recovery: ${firstSuccess ? signed(firstSuccess.at - recovered) : 'none'}; ` +
      `last non-2xx planned at ${lastFailure ? `${signed(lastFailure.at - recovered)} from recovery` : '– (none)'}`,
    `non-2xx answered in: p50 ${duration(failedLatency.p50)}, p99 ${duration(failedLatency.p99)}, max ${duration(failedLatency.max)}`,
  ];
  return { problems, details };
}
