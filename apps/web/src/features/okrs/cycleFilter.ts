import { cycleContaining, type OkrCycle } from '@throughline/domain';

/** The OKRs page's cycle filter: a cycle's id, every key result, or those in no cycle. URL param `cycle`. */
export type CycleSelection = string;
export const ALL_CYCLES = 'all';
export const NO_CYCLE = 'none';

/**
 * What the page shows: the URL's choice when it names something that exists; otherwise (no choice, or a cycle since
 * deleted) the cycle containing today, else everything.
 */
export function selectedCycle(param: string | null, cycles: readonly OkrCycle[], today: string): CycleSelection {
  if (param === ALL_CYCLES || param === NO_CYCLE) return param;
  if (param && cycles.some((c) => c.id === param)) return param;
  return cycleContaining(cycles, today)?.id ?? ALL_CYCLES;
}

/** Whether a key result is shown under `selection`. */
export function inSelection(kr: { cycleId?: string | null }, selection: CycleSelection): boolean {
  if (selection === ALL_CYCLES) return true;
  if (selection === NO_CYCLE) return !kr.cycleId;
  return kr.cycleId === selection;
}
