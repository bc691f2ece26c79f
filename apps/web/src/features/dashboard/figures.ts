import type { Format } from '../../ui/format';

/**
 * Small formatting rules of the dashboard, in the organisation's locale and currency (its settings):
 * a share as a whole percent, a sum of money short enough for a heatmap cell.
 */
/**
 * Intl formatters are costly to make (a heatmap of 50 objectives × 13 units asks for hundreds of
 * figures): one per locale, currency and style, made once.
 */
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.NumberFormat(locale, options);
    formatters.set(key, made);
  }
  return made;
}

export function percent(share: number | null | undefined, locale: string): string {
  if (share === null || share === undefined) return '—';
  // 99.86% shown as "100%" would hide £650,000 of unaligned money: near the ends, one decimal more.
  const nearEnd = share !== 0 && share !== 1 && (share > 0.995 || share < 0.005);
  return formatter(locale, { style: 'percent', maximumFractionDigits: nearEnd ? 1 : 0 }).format(
    nearEnd ? Math.min(Math.max(share, 0.001), 0.999) : share,
  );
}

/** £42,000,000 → "£42M" (the cell and the axis; the exact figure is in the cell's title and list). */
export function compactMoney(amount: number, format: Pick<Format, 'currency' | 'locale' | 'money'>): string {
  try {
    return formatter(format.locale, {
      style: 'currency',
      currency: format.currency,
      notation: 'compact',
      minimumFractionDigits: 0,
      maximumFractionDigits: 1,
    }).format(amount);
  } catch {
    return format.money(amount);
  }
}

/**
 * Makes the heatmap's formatters before it needs them: the first compact currency formatter takes 50–100 ms to make
 * (its locale data), which the page can spend while it waits for the figures rather than after they arrive.
 */
export function warmFormatters(format: Pick<Format, 'currency' | 'locale' | 'money'>): void {
  compactMoney(0, format);
  percent(0.5, format.locale);
  format.money(0);
}

/**
 * The shade (0–4) of a heatmap cell: its value against the largest cell's, in five steps, so that
 * one huge programme does not wash every other cell out — steps are by share of the maximum's
 * square root. 0 is an empty cell.
 */
export function shade(value: number, max: number): 0 | 1 | 2 | 3 | 4 {
  if (value <= 0 || max <= 0) return 0;
  const ratio = Math.sqrt(value / max);
  if (ratio > 0.75) return 4;
  if (ratio > 0.5) return 3;
  if (ratio > 0.25) return 2;
  return 1;
}

export const HEALTH_LABELS: Record<string, string> = {
  green: 'Green',
  amber: 'Amber',
  red: 'Red',
  unknown: 'Unknown',
};

/** `elementtiming`, which React passes on but its types do not know: when the element is painted (bench/dashboard.ts). */
export const paintTiming = (identifier: string) => ({ elementtiming: identifier }) as Record<string, string>;
