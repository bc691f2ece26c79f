import type { TestApp } from '../harness.js';
import type { TestMember } from '../principals.js';
import { ROLES, type MatrixRole, type Scope } from './expectations.js';

/** What another organisation's rows are marked with, so that an answer showing any of them is caught. */
export const OTHER_ORG_MARKER = 'ZEBRA';

interface Ref {
  id: string;
  key: string;
}

/**
 * Two organisations: A (the test app's default one), whose members the matrix asks as, and B, whose objects the
 * "other organisation" column names. In A the contributor belongs to unit OWN; OTHER is another unit.
 */
export interface World {
  t: TestApp;
  b: TestMember;
  members: Record<MatrixRole, TestMember>;
  units: Record<'own' | 'otherUnit' | 'otherOrg', Ref>;
  /** A work item per scope (strategy: an objective). */
  work: Record<Scope, Ref>;
  /** Key results: own = owned by the contributor, otherUnit = owned by someone else, otherOrg = B's. */
  keyResults: Record<'own' | 'otherUnit' | 'otherOrg', Ref>;
  /** Approved links per scope: from own work, from other-unit work, between strategy nodes, in B. */
  links: Record<Scope, string>;
  /** B's ids, to catch an answer that shows them. */
  otherOrgIds: Set<string>;
  next: () => number;
  /** The admin of the organisation that holds `scope`'s objects: A's, or B's for otherOrg. */
  ownerOf: (scope: Scope) => TestMember;
  /** A new node for `scope`: a project in the unit, an objective for strategy, a project in B. */
  freshNode: (scope: Scope) => Promise<Ref>;
  /** A new proposed link from a new node of `scope` to an objective of the same organisation. */
  freshProposal: (scope: Scope) => Promise<string>;
  /**
   * A new proposed cross-unit `depends_on`: other-unit work depending on own-unit work (own), own on other (otherUnit),
   * the same in B (otherOrg); for strategy, a proposal that is no dependency at all.
   */
  freshDependency: (scope: Scope) => Promise<string>;
  /** The id of an open audit finding about a new node of `scope`. */
  freshFinding: (scope: Scope) => Promise<string>;
  freshWaiver: (scope: Scope) => Promise<string>;
  freshUnit: (scope: Scope) => Promise<Ref>;
  /** The id of a node of `scope` that was just deleted (to restore). */
  freshDeleted: (scope: Scope) => Promise<string>;
  /** An open invite of A (B's for otherOrg). */
  freshInvite: (scope: Scope) => Promise<string>;
  /** A new executive of A (B's for otherOrg): its user id. */
  freshMember: (scope: Scope) => Promise<string>;
}

type Body = Record<string, unknown>;

async function post(as: TestMember, path: string, body: Body): Promise<Body> {
  const res = await as.http().post(path).send(body);
  if (res.status !== 201) throw new Error(`fixture ${path} ${JSON.stringify(body)}: ${res.status} ${res.text}`);
  return res.body as Body;
}

const ref = (body: Body): Ref => ({ id: body.id as string, key: body.key as string });

export async function buildWorld(t: TestApp): Promise<World> {
  let counter = 0;
  const next = () => ++counter;
  const a = t.admin;
  const b = await t.newOrganisation(`${OTHER_ORG_MARKER} Other Org`);
  const otherOrgIds = new Set<string>([b.orgId, b.userId]);
  const inB = async (path: string, body: Body) => {
    const created = await post(b, path, body);
    otherOrgIds.add(created.id as string);
    return created;
  };

  const own = ref(await post(a, '/api/business-units', { key: 'OWN', name: 'Own unit' }));
  const otherUnit = ref(await post(a, '/api/business-units', { key: 'OTHER', name: 'Other unit' }));
  const bUnit = ref(await inB('/api/business-units', { key: 'BONLY', name: `${OTHER_ORG_MARKER} unit` }));
  const members = {} as Record<MatrixRole, TestMember>;
  for (const role of ROLES) {
    members[role] = await t.as(role, { name: `Matrix ${role}`, unitIds: role === 'contributor' ? [own.id] : [] });
  }

  // The contributor owns its unit: dependencies on that unit's work are its to acknowledge.
  const owned = await a.http().patch(`/api/business-units/${own.id}`).send({ ownerId: members.contributor.userId });
  if (owned.status !== 200) throw new Error(`fixture: unit owner: ${owned.status} ${owned.text}`);

  const node = async (as: TestMember, body: Body) =>
    ref(as === b ? await inB('/api/nodes', body) : await post(a, '/api/nodes', body));
  const objective = await node(a, { kind: 'objective', title: 'Objective A' });
  const bObjective = await node(b, { kind: 'objective', title: `${OTHER_ORG_MARKER} objective` });
  const kr = (as: TestMember, owner: string) =>
    node(as, { kind: 'key_result', title: `KR of ${owner}`, owner, target: 100, baseline: 0 });
  const keyResults = {
    own: await kr(a, members.contributor.name),
    otherUnit: await kr(a, 'Somebody Else'),
    otherOrg: await kr(b, `${OTHER_ORG_MARKER} owner`),
  };
  const project = (as: TestMember, unit: Ref) =>
    node(as, { kind: 'project', title: `${as === b ? OTHER_ORG_MARKER : 'A'} work`, businessUnitId: unit.id });
  const work: Record<Scope, Ref> = {
    own: await project(a, own),
    otherUnit: await project(a, otherUnit),
    strategy: objective,
    otherOrg: await project(b, bUnit),
  };
  const link = async (as: TestMember, fromId: string, toId: string, extra: Body = {}) =>
    (as === b
      ? await inB('/api/links', { fromId, toId, kind: 'contributes_to', ...extra })
      : await post(a, '/api/links', { fromId, toId, kind: 'contributes_to', ...extra })
    ).id as string;
  const links: Record<Scope, string> = {
    own: await link(a, work.own.id, keyResults.own.id),
    otherUnit: await link(a, work.otherUnit.id, keyResults.otherUnit.id),
    strategy: await link(a, keyResults.own.id, objective.id),
    otherOrg: await link(b, work.otherOrg.id, keyResults.otherOrg.id),
  };

  const ownerOf = (scope: Scope) => (scope === 'otherOrg' ? b : a);
  const freshNode = (scope: Scope): Promise<Ref> => {
    if (scope === 'strategy') return node(a, { kind: 'objective', title: `Objective ${next()}` });
    return project(ownerOf(scope), scope === 'own' ? own : scope === 'otherUnit' ? otherUnit : bUnit);
  };
  const freshProposal = async (scope: Scope) => {
    const from = await freshNode(scope);
    return link(ownerOf(scope), from.id, scope === 'otherOrg' ? bObjective.id : objective.id, {
      state: 'proposed',
      rationale: 'Matrix proposal',
    });
  };
  const freshDependency = async (scope: Scope) => {
    if (scope === 'strategy') return freshProposal(scope);
    const body = { kind: 'depends_on', state: 'proposed', rationale: 'Matrix dependency' };
    if (scope === 'otherOrg') {
      const from = await freshNode('otherOrg');
      return link(b, from.id, (await project(b, await freshUnit('otherOrg'))).id, body);
    }
    // own: another unit's work depends on the contributor's unit; otherUnit: the contributor's work depends on another's.
    const [fromScope, toScope]: Scope[] = scope === 'own' ? ['otherUnit', 'own'] : ['own', 'otherUnit'];
    return link(a, (await freshNode(fromScope)).id, (await freshNode(toScope)).id, body);
  };
  const freshFinding = async (scope: Scope) => {
    const about = await freshNode(scope);
    const res = await ownerOf(scope).http().get(`/api/audit?nodeId=${about.id}`);
    const findings = (res.body as { findings?: { id: string }[] }).findings ?? [];
    if (findings.length === 0) throw new Error(`fixture: no finding about ${about.key}: ${res.status} ${res.text}`);
    return findings[0].id;
  };
  const freshWaiver = async (scope: Scope) => {
    const findingId = await freshFinding(scope);
    const body = { findingId, reason: 'Matrix fixture', expiresOn: '2099-12-31' };
    return (scope === 'otherOrg' ? await inB('/api/audit/waivers', body) : await post(a, '/api/audit/waivers', body))
      .id as string;
  };
  const freshUnit = async (scope: Scope) => {
    const body = { key: `FU${next()}`, name: `${scope === 'otherOrg' ? OTHER_ORG_MARKER : 'Fresh'} unit` };
    return ref(
      scope === 'otherOrg' ? await inB('/api/business-units', body) : await post(a, '/api/business-units', body),
    );
  };

  const freshDeleted = async (scope: Scope) => {
    const node = await freshNode(scope);
    const res = await ownerOf(scope).http().delete(`/api/nodes/${node.id}`);
    if (res.status !== 204) throw new Error(`fixture: delete ${node.key}: ${res.status} ${res.text}`);
    return node.id;
  };
  const freshInvite = async (scope: Scope) => {
    const body = { email: `fresh-${next()}@example.test`, role: 'pmo' };
    return (
      scope === 'otherOrg' ? await inB('/api/members/invites', body) : await post(a, '/api/members/invites', body)
    ).id as string;
  };
  const freshMember = async (scope: Scope) => {
    const member = await t.as('executive', scope === 'otherOrg' ? { orgId: b.orgId } : {});
    if (scope === 'otherOrg') otherOrgIds.add(member.userId);
    return member.userId;
  };

  return {
    t,
    b,
    members,
    units: { own, otherUnit, otherOrg: bUnit },
    work,
    keyResults,
    links,
    otherOrgIds,
    next,
    ownerOf,
    freshNode,
    freshProposal,
    freshDependency,
    freshFinding,
    freshWaiver,
    freshUnit,
    freshDeleted,
    freshInvite,
    freshMember,
  };
}
