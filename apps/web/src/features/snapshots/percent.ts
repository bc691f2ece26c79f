/** A share 0–1 as a whole percentage; "—" when there is nothing to divide. */
export function percent(share: number | null | undefined): string {
  return share === null || share === undefined ? '—' : `${Math.round(share * 100)}%`;
}

/** A signed difference: "+3", "−2", "0"; shares as percentage points. */
export function signed(delta: number | null, asPoints = false): string {
  if (delta === null) return '—';
  const value = asPoints ? Math.round(delta * 100) : delta;
  const unit = asPoints ? ' pts' : '';
  if (value > 0) return `+${value}${unit}`;
  if (value < 0) return `−${Math.abs(value)}${unit}`;
  return `0${unit}`;
}
