import type pg from 'pg';
import { createRandom, type Random } from '../../lib/random.js';
import { getJson, json, type Answer } from './http.js';
import type { Planned } from './open-loop.js';

interface NodeRecord {
  id: string;
  key: string;
  kind: string;
  version: number;
}

/**
 * The mix of item 7's load: what the map and its users do, per 50 requests —
 * node reads (a node, a page of nodes) 18, traces 8, graph views 6, the audit 2,
 * and writes 16 (create a project, edit a node, link a new project to an objective or key result).
 *
 * Writes are planned so that a correct API answers every one 2xx: an edit carries the version
 * the last edit of that node answered and no two edits of one node are in flight at once; a link
 * goes from a project created in this run (so it can close no cycle) to a target it does not yet
 * serve. Every write answered 2xx goes into the ledger, which `verify` checks against the database.
 */
export const ROUTE_GROUPS = {
  'node reads': ['GET /nodes/:id', 'GET /nodes'],
  'graph reads': [
    'GET /graph/trace/:id',
    'GET /graph?scope=strategy',
    'GET /graph?scope=chain',
    'GET /graph?scope=business_unit',
  ],
  audit: ['GET /audit'],
  writes: ['POST /nodes', 'PATCH /nodes/:id', 'POST /links'],
} as const;

/** Item 7's targets: p99 in ms per group (writes have none, only "answered 2xx"). */
export const P99_TARGETS: Partial<Record<keyof typeof ROUTE_GROUPS, number>> = {
  'node reads': 100,
  'graph reads': 500,
  audit: 500,
};

type Kind =
  | 'node'
  | 'node-list'
  | 'trace-down'
  | 'trace-up'
  | 'graph-strategy'
  | 'graph-chain'
  | 'graph-unit'
  | 'audit'
  | 'create-node'
  | 'patch-node'
  | 'create-link';

const MIX: [Kind, number][] = [
  ['node', 10],
  ['node-list', 8],
  ['trace-down', 5],
  ['trace-up', 3],
  ['graph-strategy', 2],
  ['graph-chain', 3],
  ['graph-unit', 1],
  ['audit', 2],
  ['create-node', 6],
  ['patch-node', 5],
  ['create-link', 5],
];

const LIST_QUERIES = [
  'kind=project&limit=50',
  'kind=objective,key_result&sort=title&limit=50',
  'status=active&health=red&limit=50',
  'q=meter&limit=50',
  'sort=-updatedAt&limit=20',
  'kind=bau&limit=100',
];

const LIGHT_READS = MIX.filter(([kind]) => ['node', 'node-list', 'trace-down', 'trace-up'].includes(kind));

export interface Ledger {
  nodes: string[];
  links: string[];
  /** Node id → the version its last 2xx edit answered. */
  versions: Map<string, number>;
}

export interface Verification {
  checked: number;
  missing: string[];
}

export class Workload {
  readonly ledger: Ledger = { nodes: [], links: [], versions: new Map() };
  private readonly random: Random;
  /** Nodes free to edit, with the version to send; a node is taken out while its edit is in flight. */
  private readonly editable: { id: string; version: number }[];
  /** Projects created in this run that may be linked, with the targets each already serves. */
  private readonly linkSources: { id: string; linked: Set<string> }[] = [];
  private written = 0;

  private constructor(
    private readonly nodes: NodeRecord[],
    private readonly objectives: NodeRecord[],
    private readonly keyResults: NodeRecord[],
    private readonly projects: NodeRecord[],
    private readonly unitIds: string[],
    seed: number,
  ) {
    this.random = createRandom(seed);
    this.editable = projects.slice(0, 150).map(({ id, version }) => ({ id, version }));
  }

  /** Reads what the mix needs from the API: objectives, key results, projects, business units. */
  static async load(baseUrl: string, seed: number): Promise<Workload> {
    const page = async (query: string) =>
      (await getJson<{ items: NodeRecord[] }>(`${baseUrl}/api/nodes?${query}&limit=200`)).items;
    const [objectives, keyResults, projects, programmes, units] = await Promise.all([
      page('kind=objective'),
      page('kind=key_result'),
      page('kind=project&sort=-key'),
      page('kind=programme,bau,asset'),
      getJson<{ id: string }[]>(`${baseUrl}/api/business-units`),
    ]);
    if (!objectives.length || !keyResults.length || projects.length < 150 || !units.length) {
      throw new Error('the organisation is too small for the load mix (import the generated one first)');
    }
    const nodes = [...objectives, ...keyResults, ...projects, ...programmes];
    return new Workload(
      nodes,
      objectives,
      keyResults,
      projects,
      units.map((u) => u.id),
      seed,
    );
  }

  /** The next request of the mix. */
  next(): Planned {
    return this.planOf(this.random.pickWeighted(MIX));
  }

  private planOf(kind: Kind): Planned {
    const r = this.random;
    switch (kind) {
      case 'node':
        return { route: 'GET /nodes/:id', method: 'GET', path: `/api/nodes/${r.pick(this.nodes).id}` };
      case 'node-list':
        return { route: 'GET /nodes', method: 'GET', path: `/api/nodes?${r.pick(LIST_QUERIES)}` };
      case 'trace-down':
        return {
          route: 'GET /graph/trace/:id',
          method: 'GET',
          path: `/api/graph/trace/${r.pick(this.objectives).id}?direction=down`,
        };
      case 'trace-up':
        return {
          route: 'GET /graph/trace/:id',
          method: 'GET',
          path: `/api/graph/trace/${r.pick(this.projects).id}?direction=up`,
        };
      case 'graph-strategy':
        return { route: 'GET /graph?scope=strategy', method: 'GET', path: '/api/graph?scope=strategy' };
      case 'graph-chain':
        return {
          route: 'GET /graph?scope=chain',
          method: 'GET',
          path: `/api/graph?scope=chain&rootId=${r.pick(this.objectives).id}`,
        };
      case 'graph-unit':
        return {
          route: 'GET /graph?scope=business_unit',
          method: 'GET',
          path: `/api/graph?scope=business_unit&businessUnitId=${r.pick(this.unitIds)}`,
        };
      case 'audit':
        return { route: 'GET /audit', method: 'GET', path: '/api/audit' };
      case 'create-node':
        return this.createNode();
      case 'patch-node':
        return this.patchNode() ?? this.createNode();
      case 'create-link':
        return this.createLink() ?? this.createNode();
      default: {
        const unknown: never = kind;
        throw new Error(`unknown request kind ${String(unknown)}`);
      }
    }
  }

  /** Every read of the mix twice, to be sent once before measuring (a server is measured warm). */
  warmUp(): Planned[] {
    const reads: Kind[] = [
      'node',
      'node-list',
      'trace-down',
      'trace-up',
      'graph-strategy',
      'graph-chain',
      'graph-unit',
      'audit',
    ];
    return [...reads, ...reads].map((kind) => this.planOf(kind));
  }

  /** A light read (a node, a page of nodes, a trace): the "normal requests" of the slowloris item. */
  nextLightRead(): Planned {
    return this.planOf(this.random.pickWeighted(LIGHT_READS));
  }

  /** A project (the first writes of a run also feed the link sources). */
  createNode(): Planned {
    const n = ++this.written;
    return {
      route: 'POST /nodes',
      method: 'POST',
      path: '/api/nodes',
      body: {
        kind: 'project',
        title: `Reliability suite project ${n}`,
        businessUnitId: this.random.pick(this.unitIds),
        status: 'active',
        health: 'green',
      },
      onAnswer: (answer) => {
        if (!ok(answer)) return;
        const { id } = json<{ id: string }>(answer);
        this.ledger.nodes.push(id);
        this.linkSources.push({ id, linked: new Set() });
      },
    };
  }

  private patchNode(): Planned | undefined {
    const target = this.editable.shift();
    if (!target) return undefined;
    const n = ++this.written;
    return {
      route: 'PATCH /nodes/:id',
      method: 'PATCH',
      path: `/api/nodes/${target.id}`,
      body: { version: target.version, title: `Reliability suite edit ${n}` },
      onAnswer: (answer) => {
        // An edit that was not answered 2xx may or may not have been applied: that node is
        // not edited again (its version is unknown), so no later edit is refused as a conflict.
        if (!ok(answer)) return;
        const { version } = json<{ version: number }>(answer);
        this.ledger.versions.set(target.id, version);
        this.editable.push({ id: target.id, version });
      },
    };
  }

  private createLink(): Planned | undefined {
    const targets = [...this.objectives, ...this.keyResults];
    const source = this.linkSources.find((s) => s.linked.size < 3);
    if (!source) return undefined;
    let target = this.random.pick(targets);
    while (source.linked.has(target.id)) target = this.random.pick(targets);
    source.linked.add(target.id);
    return {
      route: 'POST /links',
      method: 'POST',
      path: '/api/links',
      body: { fromId: source.id, toId: target.id, kind: 'contributes_to', rationale: 'reliability suite' },
      onAnswer: (answer) => {
        if (ok(answer)) this.ledger.links.push(json<{ id: string }>(answer).id);
      },
    };
  }

  /** Every write answered 2xx is in the database: created nodes and links exist, edits are there. */
  async verify(client: pg.Client): Promise<Verification> {
    const missing: string[] = [];
    const nodes = await client.query<{ id: string }>(`SELECT id FROM nodes WHERE id = ANY($1::uuid[])`, [
      this.ledger.nodes,
    ]);
    const foundNodes = new Set(nodes.rows.map((r) => r.id));
    for (const id of this.ledger.nodes) if (!foundNodes.has(id)) missing.push(`node ${id}`);
    const links = await client.query<{ id: string }>(`SELECT id FROM links WHERE id = ANY($1::uuid[])`, [
      this.ledger.links,
    ]);
    const foundLinks = new Set(links.rows.map((r) => r.id));
    for (const id of this.ledger.links) if (!foundLinks.has(id)) missing.push(`link ${id}`);
    const edited = [...this.ledger.versions.keys()];
    const versions = await client.query<{ id: string; version: number }>(
      `SELECT id, version FROM nodes WHERE id = ANY($1::uuid[])`,
      [edited],
    );
    const current = new Map(versions.rows.map((r) => [r.id, Number(r.version)]));
    for (const [id, version] of this.ledger.versions) {
      if ((current.get(id) ?? 0) < version) missing.push(`edit of node ${id} (version ${version})`);
    }
    return { checked: this.ledger.nodes.length + this.ledger.links.length + this.ledger.versions.size, missing };
  }
}

const ok = (answer: Answer) => answer.status >= 200 && answer.status < 300;

export function groupOf(route: string): keyof typeof ROUTE_GROUPS {
  for (const [group, routes] of Object.entries(ROUTE_GROUPS)) {
    if ((routes as readonly string[]).includes(route)) return group as keyof typeof ROUTE_GROUPS;
  }
  throw new Error(`route ${route} is in no group`);
}
