import {
  isChangeKind,
  isStrategyKind,
  isWorkKind,
  type AuditRuleId,
  type AuditSeverity,
  type InterchangeNode,
} from '@throughline/domain';
import { daysBetween } from './dates.js';
import type { PortfolioIndex } from './portfolio-index.js';

/**
 * A second, independent reading of docs/domain.md's audit table, run on an interchange document as if
 * it had just been imported. The product's audit lives in libs/domain; this one exists so fixture
 * documents (the demo, synthetic portfolios) can be checked by a tool that shares no code with the
 * thing under test. Keep it plain and literal rather than fast.
 */
export interface ReferenceFinding {
  rule: AuditRuleId;
  severity: AuditSeverity;
  /** The nodes the finding is about: one node, both ends of a pair, or every member of a cycle (sorted). */
  nodeKeys: string[];
  message: string;
}

export interface ReferenceAuditOptions {
  /** The audit's "today", `YYYY-MM-DD`. */
  today: string;
  /** The organisation's limit for `stale-key-result`, in days (docs/domain.md's default: 30). */
  staleCheckInDays?: number;
}

type Rule = (audit: AuditRun) => ReferenceFinding[];

export function referenceAudit(index: PortfolioIndex, options: ReferenceAuditOptions): ReferenceFinding[] {
  const run = new AuditRun(index, options);
  return (Object.keys(RULES) as AuditRuleId[]).flatMap((id) => RULES[id](run));
}

/** What every rule reads: the index, the options, and deliveries computed once per node. */
class AuditRun {
  private readonly deliveries = new Map<number, number[]>();
  readonly newestCheckIn = new Map<string, string>();
  /** For each node, the nodes whose approved `contributes_to` link points at it directly. */
  readonly contributors: number[][];

  constructor(
    readonly index: PortfolioIndex,
    readonly options: ReferenceAuditOptions,
  ) {
    this.contributors = index.nodes.map(() => []);
    for (const { from, to, link, state } of index.links) {
      if (link.kind === 'contributes_to' && state === 'approved') this.contributors[to].push(from);
    }
    for (const checkIn of index.document.checkIns) {
      const newest = this.newestCheckIn.get(checkIn.node);
      if (!newest || checkIn.at > newest) this.newestCheckIn.set(checkIn.node, checkIn.at);
    }
  }

  delivery(position: number): number[] {
    let found = this.deliveries.get(position);
    if (!found) {
      found = this.index.delivery(position);
      this.deliveries.set(position, found);
    }
    return found;
  }

  /** Positions of the active nodes of a kind. */
  active(kind: InterchangeNode['kind']): number[] {
    const found: number[] = [];
    this.index.nodes.forEach((node, i) => {
      if (node.kind === kind && this.index.isActive(i)) found.push(i);
    });
    return found;
  }

  finding(rule: AuditRuleId, positions: number[], message: string): ReferenceFinding {
    return { rule, severity: SEVERITIES[rule], nodeKeys: positions.map((i) => this.index.key(i)), message };
  }
}

const SEVERITIES: Record<AuditRuleId, AuditSeverity> = {
  'objective-without-delivery': 'error',
  'key-result-without-work': 'warning',
  'orphan-work': 'warning',
  'missing-owner': 'warning',
  'objective-without-key-results': 'info',
  'theme-without-objectives': 'warning',
  'dependency-cycle': 'error',
  'unapproved-cross-unit-dependency': 'warning',
  'single-point-of-failure': 'warning',
  'stale-key-result': 'warning',
  'health-mismatch': 'warning',
  'timeline-mismatch': 'warning',
  'over-allocated-work': 'warning',
  'change-only-objective': 'info',
  'dangling-proposal': 'info',
};

/** The rules in docs/domain.md's order; a `Record` so a rule id added to the domain without a rule here fails to compile. */
const RULES: Record<AuditRuleId, Rule> = {
  'objective-without-delivery': (audit) =>
    audit
      .active('objective')
      .filter((i) => audit.delivery(i).length === 0)
      .map((i) => audit.finding('objective-without-delivery', [i], 'no active work in its chain')),

  'key-result-without-work': (audit) =>
    audit
      .active('key_result')
      .filter((i) => audit.delivery(i).length === 0)
      .map((i) => audit.finding('key-result-without-work', [i], 'no active work in its chain')),

  'orphan-work': (audit) => {
    const aligned = new Set(audit.active('objective').flatMap((i) => audit.delivery(i)));
    return audit.index.nodes
      .map((_, i) => i)
      .filter((i) => audit.index.isActiveWork(i) && !aligned.has(i))
      .map((i) => audit.finding('orphan-work', [i], 'in the delivery of no active objective'));
  },

  'missing-owner': (audit) =>
    audit.index.nodes
      .map((node, i) => ({ node, i }))
      .filter(({ node, i }) => !['done', 'cancelled'].includes(audit.index.status(i)) && !node.owner?.trim())
      .map(({ i }) => audit.finding('missing-owner', [i], 'no owner')),

  'objective-without-key-results': (audit) =>
    audit
      .active('objective')
      .filter((i) => !directContributors(audit, i).some((j) => audit.index.nodes[j].kind === 'key_result'))
      .map((i) => audit.finding('objective-without-key-results', [i], 'no key result contributes to it directly')),

  'theme-without-objectives': (audit) =>
    audit
      .active('theme')
      .filter((i) => !directContributors(audit, i).some((j) => audit.index.nodes[j].kind === 'objective'))
      .map((i) => audit.finding('theme-without-objectives', [i], 'no objective contributes to it directly')),

  'dependency-cycle': (audit) =>
    dependencyCycles(audit.index).map((members) =>
      audit.finding(
        'dependency-cycle',
        members.sort((a, b) => compareKeys(audit.index.key(a), audit.index.key(b))),
        `${members.length} work items depend on each other`,
      ),
    ),

  'unapproved-cross-unit-dependency': (audit) =>
    audit.index.links
      .filter(({ link, state }) => link.kind === 'depends_on' && state === 'proposed')
      .filter(({ from, to }) => {
        const [a, b] = [audit.index.nodes[from].businessUnit, audit.index.nodes[to].businessUnit];
        return a && b && a !== b;
      })
      .map(({ from, to }) => audit.finding('unapproved-cross-unit-dependency', [from, to], 'proposed, across units')),

  'single-point-of-failure': (audit) =>
    audit
      .active('objective')
      .filter((i) => audit.delivery(i).length === 1)
      .map((i) => audit.finding('single-point-of-failure', [i], 'its delivery is one work item')),

  'stale-key-result': (audit) => {
    const limit = audit.options.staleCheckInDays ?? 30;
    // A key result without check-ins is as old as its creation, which for a freshly imported document is today.
    return audit
      .active('key_result')
      .filter((i) => {
        const newest = audit.newestCheckIn.get(audit.index.key(i)) ?? audit.options.today;
        return daysBetween(newest, audit.options.today) > limit;
      })
      .map((i) => audit.finding('stale-key-result', [i], `no check-in for more than ${limit} days`));
  },

  'health-mismatch': (audit) =>
    audit.index.nodes
      .map((node, i) => ({ node, i }))
      .filter(({ node, i }) => isStrategyKind(node.kind) && audit.index.isActive(i) && node.health === 'green')
      .filter(({ i }) => {
        const delivery = audit.delivery(i);
        const red = delivery.filter((j) => audit.index.nodes[j].health === 'red').length;
        return delivery.length > 0 && red * 2 >= delivery.length;
      })
      .map(({ i }) => audit.finding('health-mismatch', [i], 'reported green, at least half its delivery red')),

  'timeline-mismatch': (audit) =>
    audit.active('objective').flatMap((i) => {
      const targetDate = audit.index.nodes[i].targetDate;
      if (!targetDate) return [];
      return audit
        .delivery(i)
        .filter((j) => (audit.index.nodes[j].endDate ?? '') > targetDate)
        .map((j) => audit.finding('timeline-mismatch', [i, j], `work ends after the target date ${targetDate}`));
    }),

  'over-allocated-work': (audit) => {
    const totals = new Map<number, number>();
    for (const { from, link, state } of audit.index.links) {
      if (link.kind === 'contributes_to' && state === 'approved') {
        totals.set(from, (totals.get(from) ?? 0) + (link.weight ?? 0));
      }
    }
    return [...totals]
      .filter(([i, total]) => isWorkKind(audit.index.nodes[i].kind) && total > 100)
      .sort(([a], [b]) => a - b)
      .map(([i, total]) => audit.finding('over-allocated-work', [i], `contributes_to weights add up to ${total}`));
  },

  'change-only-objective': (audit) =>
    audit
      .active('objective')
      .filter((i) => {
        const delivery = audit.delivery(i);
        return delivery.length > 0 && delivery.every((j) => isChangeKind(audit.index.nodes[j].kind));
      })
      .map((i) => audit.finding('change-only-objective', [i], 'delivered by projects and programmes only')),

  // An imported proposed link is stamped with the import time, so a document just imported has no
  // proposal older than 14 days: the rule cannot fire here.
  'dangling-proposal': () => [],
};

function directContributors(audit: AuditRun, position: number): number[] {
  return audit.contributors[position];
}

/**
 * Strongly connected sets of two or more work items under approved `depends_on` links (Tarjan's
 * algorithm, written iteratively so a long dependency chain cannot overflow the stack).
 */
export function dependencyCycles(index: PortfolioIndex): number[][] {
  const size = index.nodes.length;
  const order = new Int32Array(size).fill(-1);
  const low = new Int32Array(size);
  const onStack = new Uint8Array(size);
  const stack: number[] = [];
  const cycles: number[][] = [];
  let counter = 0;

  for (let root = 0; root < size; root++) {
    if (order[root] !== -1 || !index.dependsOn[root].length) continue;
    const frames: [node: number, next: number][] = [[root, 0]];
    order[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (frames.length) {
      const frame = frames[frames.length - 1];
      const [node, next] = frame;
      const needs = index.dependsOn[node];
      if (next < needs.length) {
        frame[1]++;
        const other = needs[next];
        if (order[other] === -1) {
          order[other] = low[other] = counter++;
          stack.push(other);
          onStack[other] = 1;
          frames.push([other, 0]);
        } else if (onStack[other]) {
          low[node] = Math.min(low[node], order[other]);
        }
        continue;
      }
      frames.pop();
      if (frames.length) low[frames[frames.length - 1][0]] = Math.min(low[frames[frames.length - 1][0]], low[node]);
      if (low[node] !== order[node]) continue;
      const members: number[] = [];
      let member: number;
      do {
        member = stack.pop()!;
        onStack[member] = 0;
        members.push(member);
      } while (member !== node);
      if (members.length > 1) cycles.push(members);
    }
  }
  return cycles;
}

/** Keys in natural order, so KR-2.10 sorts after KR-2.9 and PRJ-10 after PRJ-9. */
export function compareKeys(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
