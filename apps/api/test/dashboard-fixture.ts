import type { NodeRecord } from '@throughline/domain';
import { portfolio } from './factories.js';
import type { TestApp } from './harness.js';
import type { TestMember } from './principals.js';

/**
 * A small organisation whose dashboard dashboard.e2e-spec.ts works out by hand (docs/domain.md, "Dashboard").
 *
 *   THM-2 "Efficiency" (priority 1) ← OBJ-2 (p1, amber, accountable NET + RET) ← BAU-1 (NET, 200,000 a year, green)
 *                                                                               ← AST-1 (RET, value 50,000, green)
 *   THM-1 "Customers"  (priority 2) ← OBJ-1 (p1, green, accountable NET) ← KR-1 (0 → 100, now 50) ← PRJ-1 (NET, red,
 *                                                                            budget 730,000 over 2026-01-01..2027-12-31)
 *                                                                     ← BAU-2 (no unit, 30,000 a year)
 *                                   ← OBJ-3 (p2, nothing delivers it, no accountable unit)
 *   PRJ-2 (RET, budget 100,000, no dates) serves nothing.
 *   BAU-1 depends_on AST-1: proposed by a NET contributor, not yet acknowledged (NET → RET).
 *   NET is owned by the member "Nora Net"; RET has no owner.
 */
export interface DashboardFixture {
  n: Record<string, NodeRecord>;
  net: { id: string };
  ret: { id: string };
  nora: TestMember;
  /** The link BAU-1 depends_on AST-1. */
  dependency: { id: string };
}

export async function dashboardFixture(t: TestApp): Promise<DashboardFixture> {
  const p = portfolio(t);
  const net = await p.unit('NET');
  const ret = await p.unit('RET');
  const nora = await t.as('contributor', { name: 'Nora Net', unitIds: [net.id] });
  await t.http().patch(`/api/business-units/${net.id}`).send({ ownerId: nora.userId }).expect(200);
  const n = {
    THM1: await p.node('theme', 'THM-1', { title: 'Customers', priority: 2 }),
    THM2: await p.node('theme', 'THM-2', { title: 'Efficiency', priority: 1 }),
    OBJ1: await p.node('objective', 'OBJ-1', {
      owner: 'Chief Customer Officer',
      priority: 1,
      health: 'green',
      accountableUnitIds: [net.id],
    }),
    OBJ2: await p.node('objective', 'OBJ-2', {
      owner: 'COO',
      priority: 1,
      health: 'amber',
      accountableUnitIds: [net.id, ret.id],
    }),
    OBJ3: await p.node('objective', 'OBJ-3', { priority: 2 }),
    KR1: await p.node('key_result', 'KR-1', { owner: 'Head of Metering', baseline: 0, target: 100, current: 50 }),
    PRJ1: await p.node('project', 'PRJ-1', {
      businessUnitId: net.id,
      budget: 730_000,
      startDate: '2026-01-01',
      endDate: '2027-12-31',
      health: 'red',
    }),
    BAU1: await p.node('bau', 'BAU-1', { businessUnitId: net.id, annualCost: 200_000, health: 'green' }),
    AST1: await p.node('asset', 'AST-1', { businessUnitId: ret.id, annualValue: 50_000, health: 'green' }),
    PRJ2: await p.node('project', 'PRJ-2', { businessUnitId: ret.id, budget: 100_000 }),
    BAU2: await p.node('bau', 'BAU-2', { annualCost: 30_000 }),
  };
  await p.link(n.OBJ1, n.THM1);
  await p.link(n.OBJ3, n.THM1);
  await p.link(n.OBJ2, n.THM2);
  await p.link(n.KR1, n.OBJ1);
  await p.link(n.PRJ1, n.KR1);
  await p.link(n.BAU2, n.OBJ1);
  await p.link(n.BAU1, n.OBJ2);
  await p.link(n.AST1, n.OBJ2);
  const dependency = (
    await nora
      .http()
      .post('/api/links')
      .send({ fromId: n.BAU1.id, toId: n.AST1.id, kind: 'depends_on', rationale: 'Bookings come from the fleet.' })
      .expect(201)
  ).body;
  return { n, net, ret, nora, dependency };
}
