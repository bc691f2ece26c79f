import type { RaidStatus, RaidType } from '@throughline/domain';

export const TYPE_LABELS: Record<RaidType, string> = {
  risk: 'Risk',
  action: 'Action',
  issue: 'Issue',
  decision: 'Decision',
};
export const STATUS_LABELS: Record<RaidStatus, string> = { open: 'Open', in_progress: 'In progress', closed: 'Closed' };
