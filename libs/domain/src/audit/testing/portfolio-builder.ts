import type { NodeKind } from '../../kinds.js';
import type { LinkKind, LinkState } from '../../links.js';
import type { AuditGraph, AuditLink, AuditNode } from '../audit-graph.js';
import { DEFAULT_AUDIT_SETTINGS, type AuditSettings } from '../audit-types.js';

type NodeFields = Partial<Omit<AuditNode, 'id' | 'key' | 'kind'>>;

/** Links to add with a node, named as the domain names them; a string or several keys. */
interface LinkOptions {
  /** `contributes_to` targets (for a key result or a child objective, its objective). */
  of?: string | string[];
  contributesTo?: string | string[];
  partOf?: string;
  delivers?: string | string[];
  dependsOn?: string | string[];
  /** Weight of the `contributes_to` links made here. */
  weight?: number | null;
  /** State of the links made here (default approved). */
  state?: LinkState;
}

export type NodeOptions = NodeFields & LinkOptions;

/**
 * Builds an `AuditGraph` that reads like the domain, for tests:
 * `portfolio().objective('OBJ-1').keyResult('KR-1', { of: 'OBJ-1' }).project('PRJ-1', { contributesTo: 'KR-1' })`.
 * Every node is active, owned, of unknown health and created at `now` unless told otherwise;
 * its id is `id:<key>` so a failing expectation is readable.
 */
export class PortfolioBuilder {
  private readonly nodes: AuditNode[] = [];
  private readonly links: AuditLink[] = [];
  private settings: AuditSettings = { ...DEFAULT_AUDIT_SETTINGS };

  constructor(private readonly now: Date) {}

  theme(key: string, options: NodeOptions = {}) {
    return this.add('theme', key, options);
  }
  objective(key: string, options: NodeOptions = {}) {
    return this.add('objective', key, options);
  }
  keyResult(key: string, options: NodeOptions = {}) {
    return this.add('key_result', key, { target: 100, baseline: 0, ...options });
  }
  programme(key: string, options: NodeOptions = {}) {
    return this.add('programme', key, options);
  }
  project(key: string, options: NodeOptions = {}) {
    return this.add('project', key, options);
  }
  bau(key: string, options: NodeOptions = {}) {
    return this.add('bau', key, options);
  }
  asset(key: string, options: NodeOptions = {}) {
    return this.add('asset', key, options);
  }

  link(
    from: string,
    to: string,
    kind: LinkKind,
    options: { weight?: number | null; state?: LinkState; createdAt?: string } = {},
  ) {
    this.links.push({
      from: idOf(from),
      to: idOf(to),
      kind,
      state: options.state ?? 'approved',
      weight: options.weight ?? null,
      createdAt: options.createdAt ?? this.now.toISOString(),
    });
    return this;
  }

  withSettings(settings: Partial<AuditSettings>) {
    this.settings = { ...this.settings, ...settings };
    return this;
  }

  graph(): AuditGraph {
    return { nodes: [...this.nodes], links: [...this.links], settings: this.settings, now: this.now };
  }

  private add(kind: NodeKind, key: string, options: NodeOptions) {
    const { of, contributesTo, partOf, delivers, dependsOn, weight, state, ...fields } = options;
    this.nodes.push({
      id: idOf(key),
      key,
      kind,
      status: 'active',
      health: 'unknown',
      businessUnitId: null,
      hasOwner: true,
      createdAt: this.now.toISOString(),
      ...fields,
    });
    const linkOptions = { weight, state };
    for (const to of list(of).concat(list(contributesTo))) this.link(key, to, 'contributes_to', linkOptions);
    for (const to of list(partOf)) this.link(key, to, 'part_of', { state });
    for (const to of list(delivers)) this.link(key, to, 'delivers', { state });
    for (const to of list(dependsOn)) this.link(key, to, 'depends_on', { state });
    return this;
  }
}

export function portfolio(now: Date | string = '2026-11-01T12:00:00.000Z'): PortfolioBuilder {
  return new PortfolioBuilder(typeof now === 'string' ? new Date(now) : now);
}

/** The id the builder gives the node with `key`. */
export function idOf(key: string): string {
  return `id:${key}`;
}

function list(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
