import type { CoverageReport, NodeRecord } from '@throughline/domain';
import { portfolio } from './factories.js';
import { startTestApp, type TestApp } from './harness.js';

/** The OKR page's check-ins (issue 13): a check-in moves its key result's `current`, progress and roll-up. */
describe('OKR check-ins', () => {
  let t: TestApp;
  let objective: NodeRecord;
  let kr: NodeRecord;

  beforeAll(async () => {
    t = await startTestApp();
    const p = portfolio(t);
    objective = await p.node('objective', 'OBJ-1');
    kr = await p.node('key_result', 'KR-1', { baseline: 0, target: 200, current: 50, owner: 'Kim Owner' });
    await p.link(kr, objective);
  });

  afterAll(() => t.close());

  const progressOf = async (id: string) => {
    const report = (await t.http().get('/api/coverage').expect(200)).body as CoverageReport;
    return report.rollups.find((r) => r.nodeId === id)?.progress;
  };

  it('moves the key result’s current value, confidence and progress, and its objective’s roll-up', async () => {
    expect(await progressOf(kr.id)).toBe(0.25);
    await t
      .http()
      .post(`/api/nodes/${kr.id}/check-ins`)
      .send({ value: 150, confidence: 0.8, note: 'Ahead' })
      .expect(201);
    const after = (await t.http().get(`/api/nodes/${kr.id}`).expect(200)).body as NodeRecord;
    expect(after).toMatchObject({ current: 150, confidence: 0.8 });
    expect(await progressOf(kr.id)).toBe(0.75);
    expect(await progressOf(objective.id)).toBe(0.75);
    const history = await t.http().get(`/api/nodes/${kr.id}/check-ins`).expect(200);
    expect(history.body.map((c: { value: number }) => c.value)).toEqual([150]);
  });

  it('lets the key result’s owner check in, but not another contributor or an executive', async () => {
    const owner = await t.as('contributor', { name: 'Kim Owner' });
    const other = await t.as('contributor', { name: 'Someone Else' });
    const executive = await t.as('executive');
    await owner.http().post(`/api/nodes/${kr.id}/check-ins`).send({ value: 160, at: '2026-11-01' }).expect(201);
    await other.http().post(`/api/nodes/${kr.id}/check-ins`).send({ value: 170 }).expect(403);
    await executive.http().post(`/api/nodes/${kr.id}/check-ins`).send({ value: 170 }).expect(403);
  });
});
