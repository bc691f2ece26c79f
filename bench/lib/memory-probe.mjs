// Loaded into the API's own process by the benchmarks (`node --import bench/lib/memory-probe.mjs …`),
// never by the product: records the peaks of `process.memoryUsage()` so a benchmark can say how
// much heap a request needed. Plain JavaScript because the API runs as built, without tsx.
//
// Every 10 ms it samples heap used, heap committed (heapTotal), external memory and the resident
// size, and writes the peaks so far to $MEMORY_PROBE_FILE (JSON) every 50 ms, so they survive a
// crash. SIGUSR2 ends a measured phase: its peaks go to $MEMORY_PROBE_FILE.phase with the next
// sequence number, and the peaks start over. With --expose-gc it then also collects the garbage
// and records what is left (`retained`): what the process holds between requests, e.g. its
// cached topologies.
// Samples are taken between turns of the event loop: a peak inside one long synchronous call
// (a JSON.parse) is seen only through what it leaves behind; the kernel's VmHWM is exact for RSS.
import { writeFileSync } from 'node:fs';
import process from 'node:process';
import { setInterval } from 'node:timers';
import { getHeapStatistics } from 'node:v8';

const file = process.env.MEMORY_PROBE_FILE;
if (file) {
  const heapLimit = getHeapStatistics().heap_size_limit;
  const zero = () => ({ heapUsed: 0, heapTotal: 0, external: 0, rss: 0 });
  let peaks = zero();
  let sequence = 0;
  const sample = () => {
    const now = process.memoryUsage();
    for (const name of Object.keys(peaks)) peaks[name] = Math.max(peaks[name], now[name]);
  };
  const write = (to, extra = {}) =>
    writeFileSync(to, JSON.stringify({ sequence, pid: process.pid, heapLimit, ...peaks, ...extra }));
  setInterval(sample, 10).unref();
  setInterval(() => write(file), 50).unref();
  process.on('SIGUSR2', () => {
    sample();
    sequence++;
    let retained;
    if (typeof globalThis.gc === 'function') {
      globalThis.gc();
      retained = process.memoryUsage().heapUsed;
    }
    write(`${file}.phase`, { retained });
    peaks = zero();
    sample();
  });
  sample();
  write(file);
}
