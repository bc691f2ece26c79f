import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { sessionQuery } from '../api/auth.queries';

export const DEFAULT_CURRENCY = 'GBP';
export const DEFAULT_LOCALE = 'en-GB';

export interface Format {
  currency: string;
  locale: string;
  /** 1250000 → "£1,250,000" (whole units: budgets are planned in whole pounds, euros…). */
  money(amount: number | string | null | undefined): string;
  /** A calendar date "2026-11-30" (or a timestamp) → "30 Nov 2026", in the organisation's locale. */
  date(iso: string | null | undefined): string;
  /** A timestamp → "30 Nov 2026, 14:05" in the browser's time zone. */
  dateTime(iso: string | null | undefined): string;
  number(n: number | null | undefined): string;
}

/** Intl throws on an unknown locale or currency; a typo in the settings must not blank the app. */
function safe<T>(make: () => T, fallback: () => T): T {
  try {
    return make();
  } catch {
    return fallback();
  }
}

/** A value made on first use, then kept: building an Intl formatter is slow (the first one loads locale data). */
function lazy<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

export function createFormat(currency = DEFAULT_CURRENCY, locale = DEFAULT_LOCALE): Format {
  // Made when first asked for, not with the format: a page that formats no money (the map, on the way in)
  // does not pay for a currency formatter (~0.1–0.35 s for the first one, measured on the map's start-up).
  const moneyFormat = lazy(() =>
    safe(
      () =>
        new Intl.NumberFormat(locale, {
          style: 'currency',
          currency,
          maximumFractionDigits: 2,
          minimumFractionDigits: 0,
        }),
      () => new Intl.NumberFormat(DEFAULT_LOCALE, { style: 'currency', currency: DEFAULT_CURRENCY }),
    ),
  );
  const numberFormat = lazy(() =>
    safe(
      () => new Intl.NumberFormat(locale),
      () => new Intl.NumberFormat(DEFAULT_LOCALE),
    ),
  );
  // Calendar dates are days, not instants: formatted in UTC so that no time zone moves them a day.
  const dateFormat = lazy(() =>
    safe(
      () => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
      () =>
        new Intl.DateTimeFormat(DEFAULT_LOCALE, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
    ),
  );
  const dateTimeFormat = lazy(() =>
    safe(
      () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
      () => new Intl.DateTimeFormat(DEFAULT_LOCALE, { dateStyle: 'medium', timeStyle: 'short' }),
    ),
  );
  const valid = (iso: string) => !Number.isNaN(new Date(iso).getTime());
  return {
    currency,
    locale,
    money: (amount) => {
      if (amount === null || amount === undefined || amount === '') return '';
      const n = typeof amount === 'string' ? Number(amount) : amount;
      return Number.isFinite(n) ? moneyFormat().format(n) : String(amount);
    },
    date: (iso) =>
      iso && valid(iso) ? dateFormat().format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso)) : '',
    dateTime: (iso) => (iso && valid(iso) ? dateTimeFormat().format(new Date(iso)) : ''),
    number: (n) => (n === null || n === undefined ? '' : numberFormat().format(n)),
  };
}

/** Money and dates in the signed-in organisation's currency and locale (its settings). */
export function useFormat(): Format {
  const { data: session } = useQuery(sessionQuery());
  const currency = session?.organisation.currency ?? DEFAULT_CURRENCY;
  const locale = session?.organisation.locale ?? DEFAULT_LOCALE;
  return useMemo(() => createFormat(currency, locale), [currency, locale]);
}
