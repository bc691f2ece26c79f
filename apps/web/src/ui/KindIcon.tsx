import { NODE_KIND_LABELS, type NodeKind } from '@throughline/domain';
import { memo } from 'react';

/** A 24×24 stroke path per kind: flag, target, gauge, layers, rocket, cycle, cube. */
const PATHS: Record<NodeKind, string> = {
  theme: 'M5 21V4m0 0h11l-2 4 2 4H5',
  objective: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18Zm0 4a5 5 0 1 0 0 10 5 5 0 0 0 0-10Zm0 4a1 1 0 1 0 0 2 1 1 0 0 0 0-2Z',
  key_result: 'M4 18a8 8 0 1 1 16 0M12 18l4-6M4 18h16',
  programme: 'M12 3 3 8l9 5 9-5-9-5Zm-9 9 9 5 9-5M3 16l9 5 9-5',
  project: 'M5 19l3-1 8-8a3 3 0 0 0-4-4l-8 8-1 3 2 2Zm9-11 2 2M4 20l1-1',
  bau: 'M20 12a8 8 0 0 1-14 5M4 12a8 8 0 0 1 14-5M18 3v4h-4M6 21v-4h4',
  asset: 'M12 3 4 7v10l8 4 8-4V7l-8-4Zm0 8 8-4M12 11v10M12 11 4 7',
};

/**
 * A node kind's icon. It names the kind to a screen reader unless `decorative`: beside words that already say the
 * kind (the palette's "Objective", the inspector's heading), a named icon would make it read "Objective Objective".
 */
export const KindIcon = memo(function KindIcon({
  kind,
  size = 16,
  decorative = false,
}: {
  kind: NodeKind;
  size?: number;
  decorative?: boolean;
}) {
  return (
    <svg
      className="kind-icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      {...(decorative ? { 'aria-hidden': true } : { role: 'img', 'aria-label': NODE_KIND_LABELS[kind] })}
    >
      <path d={PATHS[kind]} />
    </svg>
  );
});
