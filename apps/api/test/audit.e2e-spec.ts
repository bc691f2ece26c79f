import type { AuditFinding, AuditReportWithWaivers, NodeRecord } from '@throughline/domain';
import { Clock } from '../src/topology/clock.js';
import { portfolio } from './factories.js';
import { startTestApp, type TestApp } from './harness.js';

const DAY = 86_400_000;

/** "rule KEY,KEY" for each finding, which reads well in a failing expectation. */
const summary = (findings: AuditFinding[]) => findings.map((f) => `${f.rule} ${f.nodeKeys.join(',')}`);

async function audit(t: TestApp, query = ''): Promise<AuditReportWithWaivers> {
  const res = await t.http().get(`/api/audit${query}`).expect(200);
  return res.body;
}

/**
 *   THM-1 ← OBJ-1 ← KR-1 ← PRJ-1 (NET), BAU-1 (RET)
 *         ← OBJ-2 (nothing; PRJ-2 only proposes to contribute)
 *   PRJ-2 (NET) ⇄ PRJ-3 (RET) depend on each other; PRJ-9 has no owner and serves nothing.
 */
async function givenPortfolio(t: TestApp) {
  const p = portfolio(t);
  const net = await p.unit('NET');
  const ret = await p.unit('RET');
  const n: Record<string, NodeRecord> = {};
  n.THM1 = await p.node('theme', 'THM-1');
  n.OBJ1 = await p.node('objective', 'OBJ-1');
  n.OBJ2 = await p.node('objective', 'OBJ-2');
  n.KR1 = await p.node('key_result', 'KR-1');
  n.PRJ1 = await p.node('project', 'PRJ-1', { businessUnitId: net.id });
  n.BAU1 = await p.node('bau', 'BAU-1', { businessUnitId: ret.id });
  n.PRJ2 = await p.node('project', 'PRJ-2', { businessUnitId: net.id });
  n.PRJ3 = await p.node('project', 'PRJ-3', { businessUnitId: ret.id });
  n.PRJ9 = await p.node('project', 'PRJ-9', { owner: null });
  await p.link(n.OBJ1, n.THM1);
  await p.link(n.OBJ2, n.THM1);
  await p.link(n.KR1, n.OBJ1);
  await p.link(n.PRJ1, n.KR1);
  await p.link(n.BAU1, n.KR1);
  await p.link(n.PRJ2, n.PRJ3, 'depends_on');
  await p.link(n.PRJ3, n.PRJ2, 'depends_on');
  await p.link(n.PRJ2, n.OBJ2, 'contributes_to', { state: 'proposed' });
  return { n, net, ret };
}

describe('GET /api/audit', () => {
  let t: TestApp;
  let n: Record<string, NodeRecord>;
  let net: { id: string };
  let clock: jest.SpyInstance<Date, []>;
  beforeAll(async () => {
    t = await startTestApp();
    ({ n, net } = await givenPortfolio(t));
    clock = jest.spyOn(t.app.get(Clock), 'now');
  });
  afterAll(() => t.close());
  beforeEach(() => clock.mockImplementation(() => new Date()));

  it('runs every rule on the current graph, counting approved links only', async () => {
    const report = await audit(t);
    expect(summary(report.findings)).toEqual([
      'objective-without-delivery OBJ-2',
      'dependency-cycle PRJ-2,PRJ-3',
      'orphan-work PRJ-2',
      'orphan-work PRJ-3',
      'orphan-work PRJ-9',
      'missing-owner PRJ-9',
      'objective-without-key-results OBJ-2',
    ]);
    expect(report.summary).toEqual({ error: 2, warning: 4, info: 1 });
    expect(report.waived).toEqual([]);
    const cycle = report.findings[1];
    expect(cycle).toMatchObject({
      severity: 'error',
      nodeIds: [n.PRJ2.id, n.PRJ3.id],
      path: ['PRJ-2', 'PRJ-3', 'PRJ-2'],
    });
    expect(new Date(report.generatedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('gives the same finding the same id on every run', async () => {
    const [first, second] = [await audit(t), await audit(t)];
    expect(second.findings.map((f) => f.id)).toEqual(first.findings.map((f) => f.id));
    expect(new Set(first.findings.map((f) => f.id)).size).toBe(first.findings.length);
  });

  it('flags a proposal left undecided for more than 14 days, and a key result not checked in for more than 30', async () => {
    clock.mockImplementation(() => new Date(Date.now() + 15 * DAY));
    expect(summary((await audit(t, '?severity=info')).findings)).toEqual([
      'objective-without-key-results OBJ-2',
      'dangling-proposal PRJ-2,OBJ-2',
    ]);
    expect(summary((await audit(t, '?rule=stale-key-result')).findings)).toEqual([]);
    clock.mockImplementation(() => new Date(Date.now() + 32 * DAY));
    expect(summary((await audit(t, '?rule=stale-key-result')).findings)).toEqual(['stale-key-result KR-1']);
  });

  it('counts a check-in as the key result’s last measurement', async () => {
    const at = new Date(Date.now() + 40 * DAY).toISOString().slice(0, 10);
    clock.mockImplementation(() => new Date(`${at}T12:00:00Z`));
    expect((await audit(t, '?rule=stale-key-result')).findings).toHaveLength(1);
    await t
      .http()
      .post(`/api/nodes/${n.KR1.id}/check-ins`)
      .send({ value: 5, at: new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10) })
      .expect(201);
    // Checked in 30 days before the audit's "today": exactly at the limit, so not stale.
    expect((await audit(t, '?rule=stale-key-result')).findings).toEqual([]);
  });

  it('filters by rule, severity, business unit and node', async () => {
    expect(summary((await audit(t, '?rule=orphan-work')).findings)).toEqual([
      'orphan-work PRJ-2',
      'orphan-work PRJ-3',
      'orphan-work PRJ-9',
    ]);
    expect(summary((await audit(t, `?businessUnit=${net.id}`)).findings)).toEqual([
      'dependency-cycle PRJ-2,PRJ-3',
      'orphan-work PRJ-2',
    ]);
    const byNode = await audit(t, `?nodeId=${n.PRJ9.id}&severity=warning`);
    expect(summary(byNode.findings)).toEqual(['orphan-work PRJ-9', 'missing-owner PRJ-9']);
    expect(byNode.summary).toEqual({ error: 0, warning: 2, info: 0 });
  });

  it.each([
    ['?rule=no-such-rule', 'rule'],
    ['?severity=fatal', 'severity'],
    ['?businessUnit=NET', 'businessUnit'],
    ['?nodeId=42', 'nodeId'],
    ['?colour=red', 'colour'],
  ])('refuses the filter %s with a 400 naming it', async (query, field) => {
    const res = await t.http().get(`/api/audit${query}`).expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(res.body.message).toContain(field);
  });

  it('reacts to the graph: approving the proposal gives OBJ-2 its delivery', async () => {
    const links = await t.http().get(`/api/links?nodeId=${n.OBJ2.id}&state=proposed`).expect(200);
    // Another member decides: nobody decides their own proposal (the test admin proposed it).
    const lead = await t.as('pmo', { name: 'Lead' });
    await lead.http().post(`/api/links/${links.body[0].id}/approve`).expect(200);
    const report = await audit(t);
    expect(summary(report.findings)).toEqual([
      'dependency-cycle PRJ-2,PRJ-3',
      'orphan-work PRJ-3',
      'orphan-work PRJ-9',
      'missing-owner PRJ-9',
      'single-point-of-failure OBJ-2',
      'objective-without-key-results OBJ-2',
      'change-only-objective OBJ-2',
    ]);
  });
});

describe('GET /api/audit/rules and PATCH /api/audit/settings', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('lists the 15 rules with severity, description and the organisation’s settings', async () => {
    const res = await t.http().get('/api/audit/rules').expect(200);
    expect(res.body.settings).toEqual({ staleCheckInDays: 30, danglingProposalDays: 14 });
    expect(res.body.rules).toHaveLength(15);
    expect(res.body.rules[0]).toEqual({
      id: 'objective-without-delivery',
      severity: 'error',
      description: expect.stringContaining('delivery is empty'),
      settings: {},
    });
    expect(res.body.rules.find((r: { id: string }) => r.id === 'stale-key-result').settings).toEqual({
      staleCheckInDays: 30,
    });
  });

  it('lets a PMO change the stale-check-in limit, which the rule then uses', async () => {
    const p = portfolio(t);
    await p.node('key_result', 'KR-S');
    const clock = jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(Date.now() + 12 * DAY));
    expect((await audit(t, '?rule=stale-key-result')).findings).toEqual([]);
    const res = await t.http().patch('/api/audit/settings').send({ staleCheckInDays: 10 }).expect(200);
    expect(res.body).toEqual({ staleCheckInDays: 10, danglingProposalDays: 14 });
    expect(summary((await audit(t, '?rule=stale-key-result')).findings)).toEqual(['stale-key-result KR-S']);
    expect((await t.http().get('/api/audit/rules').expect(200)).body.settings.staleCheckInDays).toBe(10);
    // A second patch of the other setting keeps the first.
    await t.http().patch('/api/audit/settings').send({ danglingProposalDays: 7 }).expect(200);
    expect((await t.http().get('/api/audit/rules').expect(200)).body.settings).toEqual({
      staleCheckInDays: 10,
      danglingProposalDays: 7,
    });
    clock.mockRestore();
  });

  it.each([
    [{ staleCheckInDays: 0 }, 'staleCheckInDays'],
    [{ staleCheckInDays: 2.5 }, 'staleCheckInDays'],
    [{ staleCheckInDays: '30' }, 'staleCheckInDays'],
    [{ danglingProposalDays: 100000 }, 'danglingProposalDays'],
    [{ colour: 'red' }, 'colour'],
  ])('refuses %j with a 400', async (body, field) => {
    const res = await t.http().patch('/api/audit/settings').send(body).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message).toContain(field);
  });
});

describe('the audit between writes', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('sees every change, even one written behind the API’s back, though it reuses an unchanged graph', async () => {
    const p = portfolio(t);
    const objective = await p.node('objective', 'OBJ-1');
    const rule = '?rule=objective-without-delivery';
    expect(summary((await audit(t, rule)).findings)).toEqual(['objective-without-delivery OBJ-1']);
    expect(summary((await audit(t, rule)).findings)).toEqual(['objective-without-delivery OBJ-1']);
    // A plain SQL update that bumps no version: the graph's fingerprint still changes.
    await t.dataSource.query(`UPDATE nodes SET status = 'done' WHERE id = $1`, [objective.id]);
    expect((await audit(t, rule)).findings).toEqual([]);
    await t.dataSource.query(`UPDATE nodes SET status = 'active' WHERE id = $1`, [objective.id]);
    expect((await audit(t, rule)).findings).toHaveLength(1);
    const project = await p.node('project', 'PRJ-1');
    const link = await p.link(project, objective);
    expect((await audit(t, rule)).findings).toEqual([]);
    await t.http().delete(`/api/links/${link.id}`).expect(204);
    expect((await audit(t, rule)).findings).toHaveLength(1);
  });
});

describe('the audit in the OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('documents every audit, coverage and impact endpoint with its filters', async () => {
    const { paths } = (await t.http().get('/api/docs-json').expect(200)).body;
    for (const path of [
      '/api/audit',
      '/api/audit/rules',
      '/api/audit/settings',
      '/api/audit/waivers',
      '/api/audit/waivers/{id}',
      '/api/coverage',
      '/api/coverage/matrix',
      '/api/graph/impact/{id}',
    ]) {
      expect(paths).toHaveProperty([path]);
    }
    const filters = paths['/api/audit'].get.parameters.map((p: { name: string }) => p.name).sort();
    expect(filters).toEqual(['businessUnit', 'nodeId', 'rule', 'severity']);
  });
});

describe('audit tenancy', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('never sees another organisation’s nodes', async () => {
    await t.dataSource.query(`INSERT INTO organisations (slug, name) VALUES ('other', 'Other')`);
    await t.dataSource.query(
      `INSERT INTO nodes (org_id, key, kind, title) SELECT id, 'OBJ-X', 'objective', 'Theirs' FROM organisations WHERE slug = 'other'`,
    );
    await portfolio(t).node('objective', 'OBJ-1');
    expect(summary((await audit(t, '?rule=objective-without-delivery')).findings)).toEqual([
      'objective-without-delivery OBJ-1',
    ]);
  });
});
