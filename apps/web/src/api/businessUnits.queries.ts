import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiBusinessUnit } from './contract';
import { http } from './http';

export const businessUnitKeys = {
  all: ['business-units'] as const,
};

/** A unit as the API lists it; `ownerId` (a member) until the generated contract has it. */
export type BusinessUnit = ApiBusinessUnit & { ownerId?: string | null };

export interface BusinessUnitFields {
  key?: string;
  name?: string;
  parentId?: string | null;
  ownerId?: string | null;
  /** The version the edit is based on; a newer one on the server answers 409 VERSION_CONFLICT. */
  version?: number;
}

export const businessUnitsQuery = () =>
  queryOptions({
    queryKey: businessUnitKeys.all,
    queryFn: ({ signal }) => http<BusinessUnit[]>('/business-units', { signal }),
    staleTime: 60_000,
  });

const unitPath = (id: string) => `/business-units/${encodeURIComponent(id)}`;

/** Units changes (settings page): the list is read again; the map reads units from the same key. */
export function useSaveBusinessUnit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...fields }: BusinessUnitFields & { id?: string }) =>
      id
        ? http<BusinessUnit>(unitPath(id), { method: 'PATCH', json: fields })
        : http<BusinessUnit>('/business-units', { method: 'POST', json: fields }),
    onSuccess: () => client.invalidateQueries({ queryKey: businessUnitKeys.all }),
  });
}

export function useDeleteBusinessUnit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => http<void>(unitPath(id), { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: businessUnitKeys.all }),
  });
}
