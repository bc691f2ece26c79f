/** An OKR cycle as the API returns it (docs/domain.md, "OKR cycles"). */
export interface OkrCycle {
  id: string;
  name: string;
  /** First day, YYYY-MM-DD. */
  startsOn: string;
  /** Last day (inclusive), YYYY-MM-DD. */
  endsOn: string;
  /** How many key results belong to it. */
  keyResults: number;
  createdAt: string;
}

/** The problem with a cycle's dates, or undefined: it ends on or after the day it starts. */
export function cycleDatesProblem(startsOn: string, endsOn: string): string | undefined {
  return endsOn < startsOn ? 'must be on or after startsOn' : undefined;
}

/**
 * The cycle the OKRs page opens on: the one containing `today` (the latest-starting, when cycles overlap), or none.
 * Dates are ISO days, so comparing them as text compares them as days.
 */
export function cycleContaining<C extends Pick<OkrCycle, 'startsOn' | 'endsOn'>>(
  cycles: readonly C[],
  today: string,
): C | undefined {
  return cycles
    .filter((c) => c.startsOn <= today && today <= c.endsOn)
    .sort((a, b) => (a.startsOn < b.startsOn ? 1 : a.startsOn > b.startsOn ? -1 : 0))[0];
}
