import { useCallback } from 'react';
import type { MapFilters } from '../model/filters';
import type { MapScope } from '../useMapUrl';
import type { SetMapUrl } from './useSelection';

/** The toolbar's view and filters, written to the URL (a new view is a history entry; a filter is not). */
export function useViewControls(setUrl: SetMapUrl) {
  const setScope = useCallback(
    (scope: MapScope, target?: string) =>
      setUrl(
        { scope, rootId: null, unitId: scope === 'business_unit' ? target : null, traceId: null, limit: null },
        { push: true },
      ),
    [setUrl],
  );
  const setFilter = useCallback(
    (name: keyof MapFilters, value: string | null) => setUrl({ filters: { [name]: value } }),
    [setUrl],
  );
  return { setScope, setFilter };
}
