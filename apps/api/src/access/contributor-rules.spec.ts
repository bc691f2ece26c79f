import type { NodeKind } from '@throughline/domain';
import { decideCheckIn, decideLinkChange, decideLinkFrom, decideNodeWrite } from './contributor-rules.js';
import type { Principal, Role } from './roles.js';

const OWN = '00000000-0000-4000-8000-00000000000a';
const OTHER = '00000000-0000-4000-8000-00000000000b';

function principal(role: Role, unitIds: string[] = [OWN]): Principal {
  return {
    userId: 'u',
    name: 'Cara Contributor',
    email: 'cara@example.com',
    orgId: 'o',
    role,
    unitIds,
    sessionId: 's',
  };
}

const node = (kind: NodeKind, businessUnitId: string | null) => ({ key: 'X-1', kind, businessUnitId });

describe(decideNodeWrite.name, () => {
  it.each<[NodeKind, string | null, boolean]>([
    ['project', OWN, true],
    ['programme', OWN, true],
    ['bau', OWN, true],
    ['asset', OWN, true],
    ['project', OTHER, false],
    ['project', null, false],
    ['theme', OWN, false],
    ['objective', OWN, false],
    ['key_result', null, false],
  ])('a contributor of its unit: %s in %s → allowed %p', (kind, unit, allowed) => {
    expect(decideNodeWrite(principal('contributor'), node(kind, unit)) === undefined).toBe(allowed);
  });

  it('says why in words: the kind as a person says it, and a node not yet created as "a new …"', () => {
    expect(decideNodeWrite(principal('contributor'), node('key_result', OWN))).toBe(
      'A contributor may not change strategy: X-1 is a key result.',
    );
    expect(decideNodeWrite(principal('contributor'), { kind: 'objective', businessUnitId: OWN })).toBe(
      "A contributor may not add an objective: strategy is a PMO lead's or an admin's.",
    );
    expect(decideNodeWrite(principal('contributor'), { kind: 'bau', businessUnitId: OTHER })).toBe(
      "A contributor changes only its own units' work: a new BAU activity is not in one of them.",
    );
  });

  it.each<Role>(['admin', 'pmo'])('%s may write any node', (role) => {
    expect(decideNodeWrite(principal(role, []), node('theme', null))).toBeUndefined();
    expect(decideNodeWrite(principal(role, []), node('project', OTHER))).toBeUndefined();
  });
});

describe(decideCheckIn.name, () => {
  it.each<[string | null, boolean]>([
    ['Cara Contributor', true],
    ['  cara contributor ', true],
    ['CARA@example.com', true],
    ['Someone Else', false],
    [null, false],
    ['', false],
  ])('a contributor on a key result owned by %p → allowed %p', (owner, allowed) => {
    expect(decideCheckIn(principal('contributor'), { key: 'KR-1', owner }) === undefined).toBe(allowed);
  });

  it('a pmo checks in on any key result', () => {
    expect(decideCheckIn(principal('pmo'), { key: 'KR-1', owner: null })).toBeUndefined();
  });
});

describe(decideLinkFrom.name, () => {
  it('a contributor links from its own units’ work only', () => {
    expect(decideLinkFrom(principal('contributor'), node('project', OWN))).toBeUndefined();
    expect(decideLinkFrom(principal('contributor'), node('project', OTHER))).toBeDefined();
    expect(decideLinkFrom(principal('contributor'), node('key_result', OWN))).toBeDefined();
  });
});

describe(decideLinkChange.name, () => {
  it('a contributor changes only proposals from its own units’ work', () => {
    expect(decideLinkChange(principal('contributor'), 'proposed', node('bau', OWN))).toBeUndefined();
    expect(decideLinkChange(principal('contributor'), 'approved', node('bau', OWN))).toBeDefined();
    expect(decideLinkChange(principal('contributor'), 'proposed', node('bau', OTHER))).toBeDefined();
    expect(decideLinkChange(principal('pmo'), 'approved', node('bau', OTHER))).toBeUndefined();
  });
});
