import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { AuditSettings } from '@throughline/domain';
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

/** The audit's thresholds (the organisation's settings page); `GET /api/audit/rules` carries them. */
export const auditSettingsQuery = () =>
  queryOptions({
    queryKey: [...auditKeys.all, 'settings'] as const,
    queryFn: ({ signal }) =>
      http<{ settings: AuditSettings }>('/audit/rules', { signal }).then((rules) => rules.settings),
  });

export function useUpdateAuditSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (settings: Partial<AuditSettings>) =>
      http<AuditSettings>('/audit/settings', { method: 'PATCH', json: settings }),
    // New thresholds change the findings as well as the settings.
    onSuccess: () => client.invalidateQueries({ queryKey: auditKeys.all }),
  });
}
