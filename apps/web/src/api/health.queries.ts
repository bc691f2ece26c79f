import { queryOptions } from '@tanstack/react-query';
import type { ApiHealth } from './contract';
import { http } from './http';

export const healthKeys = {
  all: ['health'] as const,
};

export const healthQuery = () =>
  queryOptions({
    queryKey: healthKeys.all,
    queryFn: () => http<ApiHealth>('/health'),
    refetchInterval: 30_000,
    retry: false,
  });
