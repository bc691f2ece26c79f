import type { AuditReportWithWaivers, ChangeLogEntry, NodeRecord } from '@throughline/domain';
import { Clock } from '../src/topology/clock.js';
import { portfolio } from './factories.js';
import { startTestApp, type TestApp } from './harness.js';

const DAY = 86_400_000;
const dateIn = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

async function mismatches(t: TestApp): Promise<AuditReportWithWaivers> {
  return (await t.http().get('/api/audit?rule=health-mismatch').expect(200)).body;
}

async function setHealth(t: TestApp, node: NodeRecord, health: string) {
  const current = (await t.http().get(`/api/nodes/${node.id}`).expect(200)).body;
  await t.http().patch(`/api/nodes/${node.id}`).send({ version: current.version, health }).expect(200);
}

/** OBJ-1 is reported green; of PRJ-1 (red) and BAU-1 (green) half its delivery is red: a health mismatch. */
describe('audit waivers', () => {
  let t: TestApp;
  let n: Record<string, NodeRecord>;
  let clock: jest.SpyInstance<Date, []>;
  beforeAll(async () => {
    t = await startTestApp();
    const p = portfolio(t);
    n = {
      OBJ1: await p.node('objective', 'OBJ-1', { health: 'green' }),
      KR1: await p.node('key_result', 'KR-1'),
      PRJ1: await p.node('project', 'PRJ-1', { health: 'red' }),
      BAU1: await p.node('bau', 'BAU-1', { health: 'green' }),
    };
    await p.link(n.KR1, n.OBJ1);
    await p.link(n.PRJ1, n.KR1);
    await p.link(n.BAU1, n.KR1);
    clock = jest.spyOn(t.app.get(Clock), 'now');
  });
  afterAll(() => t.close());
  beforeEach(() => clock.mockImplementation(() => new Date()));

  let waiverId: string;

  it('moves a waived finding to its own list and records the waiver in the change log', async () => {
    const [finding] = (await mismatches(t)).findings;
    expect(finding).toMatchObject({ nodeKeys: ['OBJ-1'], path: ['PRJ-1'] });
    const patPmo = await t.as('pmo', { name: 'Pat PMO' });
    const res = await patPmo
      .http()
      .post('/api/audit/waivers')
      .send({ findingId: finding.id, reason: '  Recovery plan agreed  ', expiresOn: dateIn(10) })
      .expect(201);
    waiverId = res.body.id;
    expect(res.body).toMatchObject({
      findingId: finding.id,
      rule: 'health-mismatch',
      nodeIds: [n.OBJ1.id],
      path: ['PRJ-1'],
      reason: 'Recovery plan agreed',
      expiresOn: dateIn(10),
      createdBy: 'Pat PMO',
    });
    const report = await mismatches(t);
    expect(report.findings).toEqual([]);
    expect(report.summary).toEqual({ error: 0, warning: 0, info: 0 });
    expect(report.waived).toEqual([{ ...finding, waiver: res.body }]);
    const history: ChangeLogEntry[] = (await t.http().get(`/api/nodes/${n.OBJ1.id}/history`).expect(200)).body;
    expect(history[0]).toMatchObject({ entityType: 'waiver', action: 'create', actor: 'Pat PMO', entityId: waiverId });
  });

  it('lists waivers with where they stand', async () => {
    const res = await t.http().get('/api/audit/waivers').expect(200);
    expect(res.body).toEqual([expect.objectContaining({ id: waiverId, standing: 'in_force' })]);
  });

  it('refuses to waive a finding twice while the first waiver is in force', async () => {
    const finding = (await mismatches(t)).waived[0];
    const res = await t
      .http()
      .post('/api/audit/waivers')
      .send({ findingId: finding.id, reason: 'again', expiresOn: dateIn(20) })
      .expect(409);
    expect(res.body.code).toBe('CONFLICT');
  });

  it('applies through the expiry date and brings the finding back the day after', async () => {
    clock.mockImplementation(() => new Date(`${dateIn(10)}T23:59:00Z`));
    expect((await mismatches(t)).waived).toHaveLength(1);
    clock.mockImplementation(() => new Date(`${dateIn(11)}T00:01:00Z`));
    const report = await mismatches(t);
    expect(report.waived).toEqual([]);
    expect(report.findings.map((f) => f.nodeKeys)).toEqual([['OBJ-1']]);
    expect((await t.http().get('/api/audit/waivers').expect(200)).body[0].standing).toBe('expired');
  });

  it('replaces a lapsed waiver, and brings the finding back when its path changes', async () => {
    clock.mockImplementation(() => new Date(`${dateIn(11)}T00:01:00Z`));
    const [finding] = (await mismatches(t)).findings;
    const res = await t
      .http()
      .post('/api/audit/waivers')
      .send({ findingId: finding.id, reason: 'Extended', expiresOn: dateIn(40) })
      .expect(201);
    expect(res.body.id).toBe(waiverId);
    expect((await mismatches(t)).findings).toEqual([]);

    await setHealth(t, n.BAU1, 'red'); // now both items are red: a different problem
    const report = await mismatches(t);
    expect(report.waived).toEqual([]);
    expect(report.findings).toEqual([expect.objectContaining({ id: finding.id, path: ['BAU-1', 'PRJ-1'] })]);
    expect((await t.http().get('/api/audit/waivers').expect(200)).body[0].standing).toBe('path_changed');

    const history: ChangeLogEntry[] = (await t.http().get(`/api/nodes/${n.OBJ1.id}/history`).expect(200)).body;
    const waiverEntries = history.filter((e) => e.entityType === 'waiver');
    expect(waiverEntries.map((e) => e.action)).toEqual(['update', 'create']);
    expect(waiverEntries[0].before).toMatchObject({ reason: 'Recovery plan agreed' });
    expect(waiverEntries[0].after).toMatchObject({ reason: 'Extended' });
  });

  it('revokes a waiver (204), keeping it in the change log', async () => {
    await t.http().delete(`/api/audit/waivers/${waiverId}`).expect(204);
    expect((await t.http().get('/api/audit/waivers').expect(200)).body).toEqual([]);
    await t.http().delete(`/api/audit/waivers/${waiverId}`).expect(404);
    const history: ChangeLogEntry[] = (await t.http().get(`/api/nodes/${n.OBJ1.id}/history`).expect(200)).body;
    expect(history[0]).toMatchObject({ entityType: 'waiver', action: 'delete', after: null });
  });

  it.each([
    [{ findingId: 'health-mismatch:0000000000000000', reason: 'x', expiresOn: dateIn(5) }, 404, 'NOT_FOUND'],
    [{ findingId: 'nonsense', reason: 'x', expiresOn: dateIn(5) }, 400, 'VALIDATION_FAILED'],
    [{ findingId: 'health-mismatch:0000000000000000', reason: '', expiresOn: dateIn(5) }, 400, 'VALIDATION_FAILED'],
    [{ findingId: 'health-mismatch:0000000000000000', reason: 'x', expiresOn: '2026-02-30' }, 400, 'VALIDATION_FAILED'],
    [{ findingId: 'health-mismatch:0000000000000000', reason: 'x' }, 400, 'VALIDATION_FAILED'],
    [{ findingId: 'health-mismatch:0000000000000000', reason: 'x', expiresOn: dateIn(-1) }, 422, 'INVALID_FIELD'],
  ])('refuses %j with %i', async (body, status, code) => {
    const res = await t.http().post('/api/audit/waivers').send(body).expect(status);
    expect(res.body.code).toBe(code);
  });

  it('answers 400 for a waiver id that is not a UUID', async () => {
    await t.http().delete('/api/audit/waivers/42').expect(400);
  });
});
