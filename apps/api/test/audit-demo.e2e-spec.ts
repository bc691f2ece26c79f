import { todayIso, type AuditReportWithWaivers } from '@throughline/domain';
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
});
