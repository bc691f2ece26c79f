import type { Role } from '../../api/auth.queries';
import { sessionOf } from '../../app/testing';
import { can, canChangeLink, canCheckIn, canEditNode, canLinkFrom, linksAreProposed, type Action } from './permissions';

const ROLE_ACTIONS: Record<Role, Action[]> = {
  admin: [
    'editStrategy',
    'approveLinks',
    'waiveFindings',
    'runImport',
    'manageUnits',
    'manageMembers',
    'manageSettings',
    'viewChangeLog',
  ],
  pmo: ['editStrategy', 'approveLinks', 'waiveFindings', 'runImport'],
  executive: [],
  contributor: [],
};
const ALL: Action[] = ROLE_ACTIONS.admin;

describe('permissions (docs/domain.md, roles)', () => {
  it.each(Object.keys(ROLE_ACTIONS) as Role[])('%s may do exactly its actions', (role) => {
    const session = sessionOf(role);
    expect(ALL.filter((action) => can(session, action))).toEqual(ROLE_ACTIONS[role]);
  });

  it('nobody signed in may do anything', () => {
    expect([...ALL, 'editWork' as const].some((action) => can(null, action, 'unit-gen'))).toBe(false);
  });

  it('a contributor edits work of its own units only, and no strategy', () => {
    const contributor = sessionOf('contributor', { unitIds: ['unit-gen'] });
    expect(canEditNode(contributor, { kind: 'project', businessUnitId: 'unit-gen' })).toBe(true);
    expect(canEditNode(contributor, { kind: 'asset', businessUnitId: 'unit-net' })).toBe(false);
    expect(canEditNode(contributor, { kind: 'project', businessUnitId: null })).toBe(false);
    expect(canEditNode(contributor, { kind: 'objective', businessUnitId: 'unit-gen' })).toBe(false);
    expect(canEditNode(sessionOf('pmo'), { kind: 'objective', businessUnitId: null })).toBe(true);
    expect(canEditNode(sessionOf('executive'), { kind: 'project', businessUnitId: 'unit-gen' })).toBe(false);
  });

  it('a contributor links from its own work only, always as a proposal, and changes only its proposals', () => {
    const contributor = sessionOf('contributor', { unitIds: ['unit-gen'] });
    const own = { kind: 'project' as const, businessUnitId: 'unit-gen' };
    expect(canLinkFrom(contributor, own)).toBe(true);
    expect(canLinkFrom(contributor, { kind: 'key_result', businessUnitId: 'unit-gen' })).toBe(false);
    expect(canLinkFrom(contributor, { kind: 'project', businessUnitId: 'unit-net' })).toBe(false);
    expect(linksAreProposed(contributor)).toBe(true);
    expect(linksAreProposed(sessionOf('pmo'))).toBe(false);
    expect(canChangeLink(contributor, { state: 'proposed' }, own)).toBe(true);
    expect(canChangeLink(contributor, { state: 'approved' }, own)).toBe(false);
    expect(canChangeLink(sessionOf('executive'), { state: 'proposed' }, own)).toBe(false);
  });

  it('a contributor checks in on the key results it owns (by name or email, any case)', () => {
    const contributor = sessionOf('contributor');
    expect(canCheckIn(contributor, { owner: '  ada CONTRIBUTOR ' })).toBe(true);
    expect(canCheckIn(contributor, { owner: 'CONTRIBUTOR@acme.test' })).toBe(true);
    expect(canCheckIn(contributor, { owner: 'Head of Networks' })).toBe(false);
    expect(canCheckIn(contributor, { owner: null })).toBe(false);
    expect(canCheckIn(sessionOf('pmo'), { owner: null })).toBe(true);
    expect(canCheckIn(sessionOf('executive'), { owner: 'Ada executive' })).toBe(false);
  });
});
