/**
 * How many of each thing a synthetic portfolio of `nodes` nodes holds. The figures are fitted to
 * the two portfolios docs/performance.md ("Floors") measures: "typical" ≈ 6,200 nodes / 17,000 links and "large"
 * ≈ 62,000 nodes / 241,000 links, with a median objective's chain of ≈ 110–190 nodes and a theme's
 * chain of ≈ 4,000 nodes at the large size. Real portfolios grow sub-linearly in units and themes
 * (an organisation ten times larger does not have ten times the themes) and linearly in objectives.
 */
export interface PortfolioShape {
  nodes: number;
  businessUnits: number;
  themes: number;
  objectives: number;
  /** Links per node the document aims at; `depends_on` links fill what the chain leaves. */
  linksPerNode: number;
  /** Deliberate `depends_on` cycles (the audit's `dependency-cycle`). */
  dependencyCycles: number;
}

export const MIN_NODES = 100;

export function portfolioShape(nodes: number): PortfolioShape {
  const root = Math.sqrt(nodes);
  const themes = Math.max(2, Math.round(root / 15));
  return {
    nodes,
    businessUnits: clamp(Math.round(root / 6), 4, 60),
    themes,
    // ≈ 140 nodes per objective puts the median chain in the 110–190 of docs/performance.md, "Floors", at every size.
    objectives: Math.max(themes * 2, Math.round(nodes / 115)),
    // 2.74 links per node at 6,200 nodes and 3.89 at 62,000: linear in log10(nodes) through both.
    linksPerNode: Math.max(1.5, 1.15 * Math.log10(nodes) - 1.62),
    dependencyCycles: Math.max(1, Math.round(nodes / 20_000)),
  };
}

/** Shares of the work items by kind (the rest are projects): roughly 15 projects to a programme. */
export const WORK_MIX = { programme: 0.035, bau: 0.3, asset: 0.12 } as const;

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
