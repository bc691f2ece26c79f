import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AuditFinding, AuditWaiver, WaivedFinding } from '@throughline/domain';
import { useCallback } from 'react';
import { auditKeys } from '../../../api/audit.queries';
import { http } from '../../../api/http';
import { useFormat } from '../../../ui/format';
import { useToast } from '../../../ui/toast';

/** `POST /api/audit/waivers` and `DELETE /api/audit/waivers/:id`: both change which findings are open. */
export function useWaiverMutations() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: auditKeys.all });
  const waive = useMutation({
    mutationFn: (body: { findingId: string; reason: string; expiresOn: string }) =>
      http<AuditWaiver>('/audit/waivers', { method: 'POST', json: body }),
    onSuccess: refresh,
  });
  const unwaive = useMutation({
    mutationFn: (id: string) => http<void>(`/audit/waivers/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
  return { waive, unwaive };
}

/** Waiving and unwaiving from the map, with the outcome in a toast in plain words. */
export function useWaiving(onWaived: () => void) {
  const toast = useToast();
  const format = useFormat();
  const { waive, unwaive } = useWaiverMutations();
  const waiveFinding = useCallback(
    (finding: AuditFinding, reason: string, expiresOn: string) =>
      waive.mutate(
        { findingId: finding.id, reason, expiresOn },
        {
          onSuccess: () => {
            toast(`Waived until ${format.date(expiresOn)}: ${finding.nodeKeys.join(', ')}`, 'success');
            onWaived();
          },
          onError: (e) => toast(`Not waived: ${e.message}`, 'error'),
        },
      ),
    [waive, toast, format, onWaived],
  );
  const unwaiveFinding = useCallback(
    (finding: WaivedFinding) =>
      unwaive.mutate(finding.waiver.id, {
        onSuccess: () => toast(`Unwaived: the finding about ${finding.nodeKeys.join(', ')} is open again`, 'success'),
        onError: (e) => toast(`Not unwaived: ${e.message}`, 'error'),
      }),
    [unwaive, toast],
  );
  return { waiveFinding, unwaiveFinding, busy: waive.isPending || unwaive.isPending };
}
