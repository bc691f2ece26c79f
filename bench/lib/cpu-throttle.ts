import type { BrowserContext, Page } from '@playwright/test';

/**
 * The `--cpu-throttle N` option the browser benchmarks share, and what it does: slow the page's CPU N times
 * (CDP's Emulation.setCPUThrottlingRate, the renderer only: the API and PostgreSQL run as they are), to show how a
 * slower machine's browser would fare.
 */
export const CPU_THROTTLE_OPTION = { type: 'string', default: '1' } as const;

/** Slows `page`'s CPU `rate` times before it is opened; a rate of 1 or less leaves it as it is. */
export async function throttleCpu(context: BrowserContext, page: Page, rate: number): Promise<void> {
  if (rate <= 1) return;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/** ", page CPU slowed ×3" for a run's headline, or nothing. */
export const throttleNote = (rate: number) => (rate > 1 ? `, page CPU slowed ×${rate}` : '');
