import type { AuditWaiver } from './audit-types.js';
import { runAudit } from './run-audit.js';
import { portfolio } from './testing/portfolio-builder.js';
import { applyWaivers, describeWaivers, waiverStanding } from './waivers.js';

/** A green objective over one red and one green project: a health-mismatch whose path is [PRJ-1]. */
function mismatch() {
  return portfolio()
    .objective('OBJ-1', { health: 'green' })
    .keyResult('KR-1', { of: 'OBJ-1' })
    .project('PRJ-1', { contributesTo: 'KR-1', health: 'red' })
    .project('PRJ-2', { contributesTo: 'KR-1', health: 'green' })
    .bau('BAU-1', { contributesTo: 'KR-1', health: 'green', status: 'on_hold' });
}

function waiverFor(findingId: string, path: string[], expiresOn: string): AuditWaiver {
  return {
    id: 'w1',
    findingId,
    rule: 'health-mismatch',
    nodeIds: ['id:OBJ-1'],
    path,
    reason: 'Recovery plan agreed',
    expiresOn,
    createdBy: 'pmo',
    createdAt: '2026-10-01T00:00:00Z',
  };
}

describe('waivers', () => {
  const findings = runAudit(mismatch().graph(), { rules: ['health-mismatch'] });
  const [f] = findings;

  it('moves a finding under a waiver in force to the waived list', () => {
    const { open, waived } = applyWaivers(findings, [waiverFor(f.id, ['PRJ-1'], '2026-11-30')], '2026-11-01');
    expect(open).toEqual([]);
    expect(waived).toEqual([{ ...f, waiver: expect.objectContaining({ reason: 'Recovery plan agreed' }) }]);
  });

  it('applies through its expiry date and lapses the day after', () => {
    const waiver = waiverFor(f.id, ['PRJ-1'], '2026-11-30');
    expect(waiverStanding(waiver, f, '2026-11-30')).toBe('in_force');
    expect(waiverStanding(waiver, f, '2026-12-01')).toBe('expired');
    expect(applyWaivers(findings, [waiver], '2026-12-01').open).toEqual([f]);
  });

  it('lapses when the finding’s path changes: another delivery item turns red', () => {
    const waiver = waiverFor(f.id, f.path, '2027-01-01');
    const changed = runAudit(mismatch().bau('BAU-2', { contributesTo: 'KR-1', health: 'red' }).graph(), {
      rules: ['health-mismatch'],
    });
    expect(changed[0].id).toBe(f.id);
    expect(changed[0].path).toEqual(['BAU-2', 'PRJ-1']);
    expect(applyWaivers(changed, [waiver], '2026-11-01')).toEqual({ open: changed, waived: [] });
    expect(describeWaivers([waiver], changed, '2026-11-01')[0].standing).toBe('path_changed');
  });

  it('says when the finding it waived is no longer raised', () => {
    expect(describeWaivers([waiverFor(f.id, f.path, '2027-01-01')], [], '2026-11-01')[0].standing).toBe('finding_gone');
  });

  it('leaves findings of other ids open', () => {
    expect(
      applyWaivers(findings, [waiverFor('health-mismatch:0000000000000000', f.path, '2027-01-01')], '2026-11-01').open,
    ).toEqual(findings);
  });
});
