import { queryOptions } from '@tanstack/react-query';
import type { ApiBusinessUnit } from './contract';
import { http } from './http';

export const businessUnitKeys = {
  all: ['business-units'] as const,
};

export const businessUnitsQuery = () =>
  queryOptions({
    queryKey: businessUnitKeys.all,
    queryFn: ({ signal }) => http<ApiBusinessUnit[]>('/business-units', { signal }),
    staleTime: 60_000,
  });
