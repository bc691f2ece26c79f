import { queryOptions } from '@tanstack/react-query';
import type { ApiAuditReport } from './contract';
import { http } from './http';

export const auditKeys = {
  all: ['audit'] as const,
};

/** The whole organisation's audit; every change to nodes or links invalidates it. */
export const auditQuery = () =>
  queryOptions({
    queryKey: auditKeys.all,
    queryFn: ({ signal }) => http<ApiAuditReport>('/audit', { signal }),
  });
