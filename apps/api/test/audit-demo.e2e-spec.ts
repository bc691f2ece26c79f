import { addDays, daysBetween, todayIso, type AuditReportWithWaivers, type RaidItem } from '@throughline/domain';
import { DEMO_ANCHOR } from '../src/portfolio-io/demo/demo-portfolio.js';
import { Clock } from '../src/topology/clock.js';
import { DemoSeeder } from '../src/portfolio-io/demo/demo-seeder.service.js';
import { startTestApp, type TestApp } from './harness.js';

/**
 * The demo organisation holds eight deliberate gaps (docs/demo-portfolio.md, "Expected audit
 * findings"); the audit must find exactly those, no more, no fewer.
 */
describe('the audit of the demo portfolio', () => {
  let t: TestApp;
  const now = new Date();
  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(DemoSeeder).seed(todayIso(now));
    jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => now);
  });
  afterAll(() => t.close());

  it('finds exactly the planted gaps, on the day it is loaded', async () => {
    const report: AuditReportWithWaivers = (await t.http().get('/api/audit').expect(200)).body;
    expect(report.findings.map((f) => [f.rule, f.severity, f.nodeKeys])).toEqual([
      ['objective-without-delivery', 'error', ['OBJ-10']],
      ['dependency-cycle', 'error', ['PRJ-12', 'PRJ-13', 'PRJ-27']],
      ['key-result-without-work', 'warning', ['KR-10.1']],
      ['orphan-work', 'warning', ['PRJ-30']],
      ['unapproved-cross-unit-dependency', 'warning', ['BAU-14', 'AST-7']],
      ['stale-key-result', 'warning', ['KR-6.2']],
      ['health-mismatch', 'warning', ['KR-5.2']],
      ['over-allocated-work', 'warning', ['BAU-8']],
    ]);
    expect(report.summary).toEqual({ error: 2, warning: 6, info: 0 });
    expect(report.findings.find((f) => f.rule === 'health-mismatch')?.path).toEqual(['PRJ-9']);
    expect(report.findings.find((f) => f.rule === 'over-allocated-work')?.message).toContain('115%');
  });

  it('comes with a RAID log a PMO can work from: red risks on its nodes and links, dated from the day it is loaded', async () => {
    const items: RaidItem[] = (await t.http().get('/api/raid').expect(200)).body;
    const byTitle = new Map(items.map((item) => [item.title, item]));
    expect(items.map((item) => item.type).sort()).toEqual(['action', 'decision', 'issue', 'risk', 'risk', 'risk']);
    // Two open red risks (16 and 15) and an amber one (9); the first on a project, the second on a dependency.
    expect(items.filter((item) => item.red).map((item) => item.score)).toEqual(expect.arrayContaining([16, 15]));
    expect(items.filter((item) => item.red)).toHaveLength(2);
    const switchgear = byTitle.get('Switchgear for the Tyne valley rebuild arrives after the spring outage window')!;
    expect(switchgear.attachments.map((a) => a.label)).toEqual([expect.stringContaining('PRJ-1')]);
    const whitmoor = byTitle.get("Whitmoor's grid connection is energised after the turbines are built")!;
    expect(whitmoor.attachments[0].linkId).not.toBeNull();
    // Written as of the anchor, moved like every other date of the demo: due 117 days after it.
    const shift = daysBetween(DEMO_ANCHOR, todayIso(now));
    expect(switchgear.dueDate).toBe(addDays('2027-02-26', shift));
    const decision = items.find((item) => item.type === 'decision')!;
    expect(decision).toMatchObject({ status: 'closed', decidedOn: addDays('2026-10-14', shift) });
    expect(items.some((item) => item.overdue)).toBe(false);
    // The executive's headline counts both, as the RAID log's "red risks only" lists them.
    expect((await t.http().get('/api/dashboard/red-risks').expect(200)).body.open).toBe(2);
  });
});
