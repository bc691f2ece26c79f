import { useCallback, useMemo, useSyncExternalStore } from 'react';

/** Fired on `window` when this app changes the query string (history.pushState fires nothing itself). */
const CHANGE = 'throughline:urlchange';

function subscribe(onChange: () => void) {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE, onChange);
  };
}

const getSearch = () => window.location.search;

export type SearchPatch = Record<string, string | null | undefined>;

/**
 * The query string as state: a view and its filters live in the URL, so a link shares them and
 * Back returns to the previous view. `push` adds a history entry (changing what is viewed);
 * otherwise the entry is replaced (tuning a filter).
 */
export function useSearchParams(): [URLSearchParams, (patch: SearchPatch, options?: { push?: boolean }) => void] {
  const search = useSyncExternalStore(subscribe, getSearch, getSearch);
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const update = useCallback((patch: SearchPatch, options: { push?: boolean } = {}) => {
    const next = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(patch)) {
      if (value === null || value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    }
    const query = next.toString();
    const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
    if (url === `${window.location.pathname}${window.location.search}${window.location.hash}`) return;
    if (options.push) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    window.dispatchEvent(new Event(CHANGE));
  }, []);
  return [params, update];
}
