import { queryOptions } from '@tanstack/react-query';
import { http } from './http';

export interface Health {
  status: 'ok' | 'degraded';
  database: 'connected' | 'unreachable';
}

export const healthKeys = {
  all: ['health'] as const,
};

export const healthQuery = () =>
  queryOptions({
    queryKey: healthKeys.all,
    queryFn: () => http<Health>('/health'),
    refetchInterval: 30_000,
    retry: false,
  });
