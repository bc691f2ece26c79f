import { DEFAULT_AUDIT_SETTINGS, type AuditNode } from '@throughline/domain';
import type { TopologyRepository, SnapshotRead } from './topology.repository.js';
import { CACHED_ORGANISATIONS, TopologySnapshots } from './topology-snapshots.js';

/** A repository whose graph is one objective per organisation, with a fingerprint the test sets. */
class FakeTopologyRepository {
  fingerprints = new Map<string, string>();
  loads: string[] = [];

  async snapshot(orgId: string, known?: string, onChanged?: () => void): Promise<SnapshotRead> {
    const fingerprint = this.fingerprints.get(orgId) ?? 'v1';
    if (fingerprint === known) return { fingerprint, settings: DEFAULT_AUDIT_SETTINGS };
    onChanged?.();
    this.loads.push(orgId);
    const node: AuditNode = {
      id: `${orgId}:${fingerprint}`,
      key: 'OBJ-1',
      kind: 'objective',
      status: 'active',
      health: 'unknown',
      businessUnitId: null,
      hasOwner: true,
      createdAt: '2026-01-01T00:00:00Z',
    };
    return { fingerprint, settings: DEFAULT_AUDIT_SETTINGS, topology: { nodes: [node], links: [], units: [] } };
  }
}

function setUp() {
  const repository = new FakeTopologyRepository();
  return { repository, snapshots: new TopologySnapshots(repository as unknown as TopologyRepository) };
}

describe(TopologySnapshots.name, () => {
  it('loads a graph once and reuses its index while the fingerprint is unchanged', async () => {
    const { repository, snapshots } = setUp();
    const first = await snapshots.current('org-a');
    const second = await snapshots.current('org-a');
    expect(second.index).toBe(first.index);
    expect(repository.loads).toEqual(['org-a']);
  });

  it('loads again when the fingerprint changes', async () => {
    const { repository, snapshots } = setUp();
    await snapshots.current('org-a');
    repository.fingerprints.set('org-a', 'v2');
    const changed = await snapshots.current('org-a');
    expect(changed.index.node(0).id).toBe('org-a:v2');
    expect(repository.loads).toEqual(['org-a', 'org-a']);
  });

  it(`keeps the ${CACHED_ORGANISATIONS} organisations used last`, async () => {
    const { repository, snapshots } = setUp();
    const orgs = Array.from({ length: CACHED_ORGANISATIONS + 1 }, (_, i) => `org-${i}`);
    for (const org of orgs) await snapshots.current(org);
    await snapshots.current('org-1'); // still held: no load, and now the most recently used
    expect(repository.loads).toEqual(orgs);
    await snapshots.current('org-0'); // the oldest was let go
    expect(repository.loads).toEqual([...orgs, 'org-0']);
  });

  it('never mixes up organisations', async () => {
    const { snapshots } = setUp();
    expect((await snapshots.current('org-a')).index.node(0).id).toBe('org-a:v1');
    expect((await snapshots.current('org-b')).index.node(0).id).toBe('org-b:v1');
  });
});
