import { queryOptions } from '@tanstack/react-query';
import type { BusinessUnitRecord } from '@throughline/domain';
import { http } from './http';

export const businessUnitKeys = {
  all: ['business-units'] as const,
};

export const businessUnitsQuery = () =>
  queryOptions({
    queryKey: businessUnitKeys.all,
    queryFn: ({ signal }) => http<BusinessUnitRecord[]>('/business-units', { signal }),
    staleTime: 60_000,
  });
