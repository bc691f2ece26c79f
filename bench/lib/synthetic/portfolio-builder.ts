import {
  INTERCHANGE_FORMAT,
  isLinkAllowed,
  type InterchangeBusinessUnit,
  type InterchangeCheckIn,
  type InterchangeDocument,
  type InterchangeLink,
  type InterchangeNode,
  type LinkKind,
  type NodeKind,
  type NodeStatus,
  type WorkKind,
} from '@throughline/domain';
import { addDays } from '../dates.js';
import { createRandom, WeightedTable, type Random } from '../random.js';
import {
  bauFields,
  changeDates,
  checkInsFor,
  health,
  keyResultFields,
  money,
  programmeFields,
  projectFields,
  workStatus,
} from './fields.js';
import { MIN_NODES, portfolioShape, WORK_MIX, type PortfolioShape } from './shape.js';
import {
  ASSET_KINDS,
  EXECUTIVES,
  assetTitle,
  objectiveTitle,
  ownerFor,
  programmeTitle,
  projectTitle,
  themeTitle,
  unitName,
} from './vocabulary.js';

export interface GenerateOptions {
  /** Exactly how many nodes the document holds (at least `MIN_NODES`). */
  nodes: number;
  seed: number;
  /** The date the document is written as of (`YYYY-MM-DD`). */
  anchor: string;
}

/**
 * A synthetic portfolio with the shape of a real one (docs/performance.md, "Floors"), the same for the same
 * options. It is built by levels, business units → themes → objectives → key results →
 * programmes → projects → BAU → assets, and a chain link (`contributes_to`, `part_of`,
 * `delivers`) only ever points at something built on an earlier level or at an asset from the
 * change that builds it, so the chain can never form a cycle. `depends_on` links follow a random
 * ranking of the work (a DAG) except for a few deliberate cycles.
 *
 * Like a real portfolio it has gaps: some orphan work, some objectives without delivery, stale
 * key results, a few percent of proposed links, timeline mismatches where dates happen to clash.
 * It never over-allocates a work item, links a node to itself, repeats a (from, to, kind) or
 * leaves the allowed-link matrix (`addLink` refuses, loudly).
 */
export function generatePortfolio(options: GenerateOptions): InterchangeDocument {
  if (!Number.isInteger(options.nodes) || options.nodes < MIN_NODES) {
    throw new RangeError(`nodes must be a whole number of at least ${MIN_NODES}`);
  }
  return new PortfolioBuilder(options).build();
}

/** Tunables that are not sizes (those are in shape.ts). */
const PROPOSED_LINK_SHARE = 0.03;
const ORPHAN_SHARE = 0.02;
const OBJECTIVES_WITHOUT_DELIVERY_SHARE = 0.015;
const CASCADE_SHARE = 0.25;
const STALE_KEY_RESULT_SHARE = 0.03;
const MISSING_OWNER_SHARE = 0.005;
const PROJECTS_IN_PROGRAMMES = 0.85;
const SAME_UNIT_DEPENDENCY_SHARE = 0.55;

interface ObjectivePlan {
  key: string;
  theme: number;
  depth: number;
  children: number;
  keyResults: string[];
  status: NodeStatus;
  active: boolean;
  targetDate: string;
  /** How much work makes this objective its home (0: none, so the objective has no delivery). */
  attraction: number;
}

interface WorkPlan {
  key: string;
  kind: WorkKind;
  unit: string;
  home: number;
  orphan: boolean;
}

class PortfolioBuilder {
  private readonly random: Random;
  private readonly shape: PortfolioShape;
  private readonly anchor: string;

  private readonly businessUnits: InterchangeBusinessUnit[] = [];
  private readonly nodes: InterchangeNode[] = [];
  private readonly links: InterchangeLink[] = [];
  private readonly checkIns: InterchangeCheckIn[] = [];
  private readonly kinds = new Map<string, NodeKind>();
  private readonly linkIds = new Set<string>();

  private readonly themes: string[] = [];
  private readonly objectives: ObjectivePlan[] = [];
  private homes!: WeightedTable;
  private homesByTheme: { table: WeightedTable; members: number[] }[] = [];
  private readonly work: WorkPlan[] = [];
  private readonly programmes: number[] = [];
  private programmeSizes!: WeightedTable;
  private readonly changeByHome = new Map<number, number[]>();

  constructor(options: GenerateOptions) {
    this.random = createRandom(options.seed);
    this.shape = portfolioShape(options.nodes);
    this.anchor = options.anchor;
  }

  build(): InterchangeDocument {
    this.addBusinessUnits();
    this.addThemes();
    this.addObjectives();
    this.addKeyResults();
    this.addWork();
    this.addDelivers();
    this.addDependencies();
    return {
      format: INTERCHANGE_FORMAT,
      businessUnits: this.businessUnits,
      nodes: this.nodes,
      links: this.links,
      checkIns: this.checkIns,
    };
  }

  // ---- strategy

  /** A third of the units are top-level; the others sit under one of them. */
  private addBusinessUnits(): void {
    const topLevel = Math.ceil(this.shape.businessUnits / 3);
    for (let n = 0; n < this.shape.businessUnits; n++) {
      const parent = n < topLevel ? null : this.businessUnits[this.random.int(0, topLevel - 1)].key;
      this.businessUnits.push({ key: `BU-${String(n + 1).padStart(2, '0')}`, name: unitName(n), parent });
    }
  }

  private addThemes(): void {
    for (let n = 0; n < this.shape.themes; n++) {
      const key = this.addNode({
        key: `THM-${n + 1}`,
        kind: 'theme',
        title: themeTitle(n),
        owner: this.random.pick(EXECUTIVES),
        status: 'active',
        health: health(this.random),
        priority: this.random.int(1, 3),
      });
      this.themes.push(key);
    }
  }

  /**
   * Objectives, each under a theme; a quarter cascade under an earlier objective of the same
   * theme. An objective's targetDate is never after its parent's.
   */
  private addObjectives(): void {
    for (let n = 0; n < this.shape.objectives; n++) {
      const theme = n < this.shape.themes ? n : this.random.int(0, this.shape.themes - 1);
      const parent = n < this.shape.themes ? undefined : this.pickParentObjective(theme);
      const status: NodeStatus = this.random.pickWeighted([
        ['active', 94],
        ['proposed', 2],
        ['on_hold', 2],
        ['done', 2],
      ]);
      const latest = parent === undefined ? 1600 : 1600 - this.random.int(0, 300);
      const parentTarget = parent === undefined ? undefined : this.objectives[parent].targetDate;
      let targetDate = addDays(this.anchor, this.random.int(240, latest));
      if (parentTarget && targetDate > parentTarget) targetDate = parentTarget;
      const key = this.addNode({
        key: `OBJ-${n + 1}`,
        kind: 'objective',
        title: objectiveTitle(this.random),
        owner: this.maybeOwner(this.random.pick(EXECUTIVES)),
        status,
        health: health(this.random),
        startDate: addDays(this.anchor, -this.random.int(0, 700)),
        priority: this.random.int(1, 3),
        targetDate,
      });
      if (parent === undefined) {
        this.addLink(key, this.themes[theme], 'contributes_to');
        if (this.random.chance(0.03) && this.shape.themes > 1) {
          this.addLink(key, this.themes[(theme + 1) % this.shape.themes], 'contributes_to');
        }
      } else {
        this.addLink(key, this.objectives[parent].key, 'contributes_to');
        this.objectives[parent].children++;
      }
      this.objectives.push({
        key,
        theme,
        depth: parent === undefined ? 0 : this.objectives[parent].depth + 1,
        children: 0,
        keyResults: [],
        status,
        active: status === 'active',
        targetDate,
        // Log-normal, so objectives differ in size like real ones; inactive ones attract little work,
        // and a cascading objective is narrower than a top-level one.
        attraction:
          Math.exp(this.random.normal(0, 0.3)) * (status === 'active' ? 1 : 0.2) * (parent === undefined ? 1 : 0.6),
      });
    }
    this.planHomes();
  }

  /**
   * A parent for a cascading objective, or none. A top-level objective takes at most two children
   * and a child at most one, so no objective's chain swallows a whole theme (docs/performance.md puts
   * the largest objective's chain at ≈ 250–520 nodes).
   */
  private pickParentObjective(theme: number): number | undefined {
    if (!this.random.chance(CASCADE_SHARE)) return undefined;
    const candidates = this.objectives.flatMap((o, i) => (o.theme === theme && o.depth + o.children < 2 ? [i] : []));
    return candidates.length ? this.random.pick(candidates) : undefined;
  }

  /**
   * Decides where work goes. An objective with children is delivered mostly through them, so it
   * attracts less work of its own; a few childless active objectives attract none at all.
   */
  private planHomes(): void {
    for (const objective of this.objectives) if (objective.children) objective.attraction *= 0.3;
    const childless = this.objectives.flatMap((o, i) => (o.active && !o.children ? [i] : []));
    const empty = Math.max(1, Math.round(this.objectives.length * OBJECTIVES_WITHOUT_DELIVERY_SHARE));
    for (const i of this.random.shuffle(childless).slice(0, empty)) this.objectives[i].attraction = 0;

    this.homes = new WeightedTable(this.objectives.map((o) => o.attraction));
    this.homesByTheme = this.themes.map((_, theme) => {
      const members = this.objectives.flatMap((o, i) => (o.theme === theme ? [i] : []));
      return { members, table: new WeightedTable(members.map((i) => this.objectives[i].attraction)) };
    });
  }

  /** Two to four key results per objective, each with check-ins; a few are stale. */
  private addKeyResults(): void {
    this.objectives.forEach((objective, n) => {
      const count = this.random.int(2, 4);
      for (let k = 1; k <= count; k++) {
        const node: InterchangeNode = {
          key: `KR-${n + 1}.${k}`,
          kind: 'key_result',
          ...keyResultFields(this.random),
          owner: this.maybeOwner(ownerFor(this.random, this.random.pick(this.businessUnits).name)),
          status: objective.status,
          health: health(this.random),
        };
        this.addNode(node);
        this.addLink(node.key, objective.key, 'contributes_to');
        objective.keyResults.push(node.key);
        const newestAgo = this.random.chance(STALE_KEY_RESULT_SHARE)
          ? this.random.int(35, 150)
          : this.random.int(0, 20);
        this.checkIns.push(...checkInsFor(this.random, this.anchor, node, this.random.int(1, 4), newestAgo));
      }
    });
  }

  // ---- work

  /** Fills the document up to exactly `shape.nodes` nodes with work, in the mix of WORK_MIX. */
  private addWork(): void {
    const count = this.shape.nodes - this.nodes.length;
    const programmes = Math.max(1, Math.round(count * WORK_MIX.programme));
    const bau = Math.round(count * WORK_MIX.bau);
    const assets = Math.round(count * WORK_MIX.asset);
    const projects = count - programmes - bau - assets;
    for (let n = 1; n <= programmes; n++) this.addProgramme(n);
    this.programmeSizes = new WeightedTable(this.programmes.map(() => Math.exp(this.random.normal(0, 0.5))));
    for (let n = 1; n <= projects; n++) this.addProject(n);
    for (let n = 1; n <= bau; n++) this.addBau(n);
    for (let n = 1; n <= assets; n++) this.addAsset(n);
  }

  private addProgramme(n: number): void {
    const plan = this.planWork(`PRG-${n}`, 'programme', this.pickUnit(), this.homes.draw(this.random));
    const status = workStatus(this.random);
    this.addNode({
      key: plan.key,
      kind: 'programme',
      title: programmeTitle(this.random, n),
      ...this.commonWorkFields(plan, status),
      ...this.changeDates(plan, status, [540, 1800]),
      ...programmeFields(this.random),
    });
    this.programmes.push(this.work.length - 1);
    this.addToChangeByHome(plan.home, this.work.length - 1);
    if (!plan.orphan) this.contribute(plan, this.random.chance(0.75) ? 1 : 2);
  }

  /** Most projects belong to a programme, sharing its home objective and mostly its unit. */
  private addProject(n: number): void {
    const programme = this.random.chance(PROJECTS_IN_PROGRAMMES)
      ? this.work[this.programmes[this.programmeSizes.draw(this.random)]]
      : undefined;
    const unit = programme && this.random.chance(0.7) ? programme.unit : this.pickUnit();
    const home = programme && this.random.chance(0.9) ? programme.home : this.homes.draw(this.random);
    const plan = this.planWork(`PRJ-${n}`, 'project', unit, home, programme !== undefined);
    const status = workStatus(this.random);
    const rag = health(this.random);
    this.addNode({
      key: plan.key,
      kind: 'project',
      title: projectTitle(this.random),
      ...this.commonWorkFields(plan, status, rag),
      ...this.changeDates(plan, status, [60, 900]),
      ...projectFields(this.random, rag),
    });
    if (programme) this.addLink(plan.key, programme.key, 'part_of');
    if (!plan.orphan) this.addToChangeByHome(plan.home, this.work.length - 1);
    // A project in a programme is already in the chain through it; about half also serve a target directly.
    if (!plan.orphan && (!programme || this.random.chance(0.35))) {
      this.contribute(plan, programme ? this.random.int(1, 2) : this.random.int(1, 3));
    }
  }

  private addBau(n: number): void {
    const plan = this.planWork(`BAU-${n}`, 'bau', this.pickUnit(), this.homes.draw(this.random));
    const status = this.random.pickWeighted<NodeStatus>([
      ['active', 94],
      ['on_hold', 2],
      ['done', 2],
      ['cancelled', 2],
    ]);
    const startDate = addDays(this.anchor, -this.random.int(365, 4000));
    const ended = status === 'done' || status === 'cancelled';
    const { title, ...fields } = bauFields(this.random);
    this.addNode({
      key: plan.key,
      kind: 'bau',
      title,
      ...this.commonWorkFields(plan, status),
      startDate,
      ...(ended ? { endDate: addDays(this.anchor, -this.random.int(10, 300)) } : {}),
      ...fields,
    });
    if (!plan.orphan) this.contribute(plan, this.random.int(1, 3));
  }

  private addAsset(n: number): void {
    const plan = this.planWork(`AST-${n}`, 'asset', this.pickUnit(), this.homes.draw(this.random));
    const [assetType, nouns] = this.random.pick(ASSET_KINDS);
    const lifecycle = this.random.pickWeighted<'idea' | 'build' | 'run' | 'retire'>([
      ['idea', 10],
      ['build', 25],
      ['run', 55],
      ['retire', 10],
    ]);
    const status: NodeStatus = lifecycle === 'idea' ? 'proposed' : this.random.chance(0.95) ? 'active' : 'on_hold';
    this.addNode({
      key: plan.key,
      kind: 'asset',
      title: assetTitle(this.random, nouns),
      ...this.commonWorkFields(plan, status),
      ...(lifecycle === 'idea' ? {} : { startDate: addDays(this.anchor, -this.random.int(0, 4000)) }),
      assetType,
      lifecycle,
      annualValue: money(this.random, 1_500_000, 1.2),
    });
    if (!plan.orphan) this.contribute(plan, this.random.int(1, 2));
  }

  private planWork(key: string, kind: WorkKind, unit: string, home: number, inProgramme = false): WorkPlan {
    // A project in a programme is never an orphan of its own: its programme's chain holds it.
    const orphanShare = kind === 'programme' ? ORPHAN_SHARE / 2 : inProgramme ? 0 : ORPHAN_SHARE;
    const plan = { key, kind, unit, home, orphan: this.random.chance(orphanShare) };
    this.work.push(plan);
    return plan;
  }

  private commonWorkFields(plan: WorkPlan, status: NodeStatus, rag = health(this.random)): Partial<InterchangeNode> {
    const unitName = this.businessUnits.find((unit) => unit.key === plan.unit)!.name;
    return { businessUnit: plan.unit, owner: this.maybeOwner(ownerFor(this.random, unitName)), status, health: rag };
  }

  /**
   * Dates for change work. Nine times in ten, work still under way is planned to end by its home
   * objective's target date, so `timeline-mismatch` stays an exception, as in a managed portfolio.
   */
  private changeDates(
    plan: WorkPlan,
    status: NodeStatus,
    duration: readonly [number, number],
  ): { startDate: string; endDate: string } {
    const dates = changeDates(this.random, this.anchor, status, duration);
    const { targetDate } = this.objectives[plan.home];
    const underWay = status !== 'done' && status !== 'cancelled';
    if (underWay && dates.endDate > targetDate && this.random.chance(0.9)) {
      dates.endDate = targetDate > dates.startDate ? targetDate : dates.startDate;
    }
    return dates;
  }

  private addToChangeByHome(home: number, work: number): void {
    const list = this.changeByHome.get(home);
    if (list) list.push(work);
    else this.changeByHome.set(home, [work]);
  }

  /**
   * `contributes_to` links from a work item to `count` targets: mostly its home objective's key
   * results, sometimes the objective itself, another objective of the same theme or any objective.
   * The weights add up to 100 or less (a tenth of items leave them out).
   */
  private contribute(plan: WorkPlan, count: number): void {
    const targets = this.pickTargets(plan.home, count);
    const weights = this.splitWeights(targets.length);
    targets.forEach((target, i) => {
      const state = this.random.chance(PROPOSED_LINK_SHARE) ? 'proposed' : 'approved';
      this.addLink(plan.key, target, 'contributes_to', { weight: weights?.[i], state });
    });
  }

  private pickTargets(home: number, count: number): string[] {
    const targets = new Set<string>([this.targetOf(home)]);
    for (let attempt = 0; targets.size < count && attempt < count * 4; attempt++) {
      const roll = this.random.next();
      const source = roll < 0.8 ? home : roll < 0.95 ? this.sameThemeObjective(home) : this.homes.draw(this.random);
      targets.add(this.targetOf(source));
    }
    return [...targets];
  }

  private targetOf(objective: number): string {
    const { key, keyResults } = this.objectives[objective];
    return this.random.chance(0.15) ? key : this.random.pick(keyResults);
  }

  private sameThemeObjective(objective: number): number {
    const { members, table } = this.homesByTheme[this.objectives[objective].theme];
    return members[table.draw(this.random)];
  }

  private splitWeights(count: number): number[] | undefined {
    if (this.random.chance(0.1)) return undefined;
    const total = this.random.chance(0.6) ? 100 : this.random.int(40, 100);
    const shares = Array.from({ length: count }, () => 0.2 + this.random.next());
    const sum = shares.reduce((a, b) => a + b, 0);
    return shares.map((share) => Math.floor((total * share) / sum)); // floor: never more than `total`
  }

  /**
   * `delivers` links: seven assets in ten are built by one to three pieces of change work with the
   * same home objective (now and then a whole programme), so an asset's chain stays near its home.
   */
  private addDelivers(): void {
    const change = this.work.flatMap((w, i) => (w.kind === 'project' && !w.orphan ? [i] : []));
    for (const asset of this.work.filter((w) => w.kind === 'asset')) {
      if (!this.random.chance(0.7)) continue;
      const local = this.changeByHome.get(asset.home) ?? [];
      const builders = this.random.int(1, 3);
      for (let b = 0; b < builders; b++) {
        const pool = local.length && this.random.chance(0.8) ? local : change;
        const builder = this.work[this.random.pick(pool)];
        if (builder.kind === 'programme' && (builder.orphan || !this.random.chance(0.25))) continue;
        this.addLink(builder.key, asset.key, 'delivers');
      }
    }
  }

  // ---- dependencies

  /**
   * `depends_on` links up to the shape's links per node. Each goes from a higher to a lower place
   * in a random ranking of the work, so together they form no cycle; then a few deliberate cycles
   * across business units are closed on purpose.
   */
  private addDependencies(): void {
    const wanted = Math.round(this.shape.linksPerNode * this.shape.nodes) - this.links.length;
    const rank = this.random.shuffle(this.work.map((_, i) => i));
    const place = new Int32Array(this.work.length);
    rank.forEach((work, position) => (place[work] = position));
    const byUnit = new Map<string, number[]>();
    this.work.forEach((w, i) => {
      const members = byUnit.get(w.unit);
      if (members) members.push(i);
      else byUnit.set(w.unit, [i]);
    });

    let added = 0;
    for (let attempt = 0; added < wanted && attempt < wanted * 3; attempt++) {
      let from = this.random.int(0, this.work.length - 1);
      let to = this.random.chance(SAME_UNIT_DEPENDENCY_SHARE)
        ? this.random.pick(byUnit.get(this.work[from].unit)!)
        : this.random.int(0, this.work.length - 1);
      if (from === to) continue;
      if (place[from] < place[to]) [from, to] = [to, from];
      const state = this.random.chance(PROPOSED_LINK_SHARE) ? 'proposed' : 'approved';
      if (this.addLink(this.work[from].key, this.work[to].key, 'depends_on', { state })) added++;
    }
    for (let n = 0; n < this.shape.dependencyCycles; n++) this.addDependencyCycle();
  }

  /** A ring of two to four work items of different units, all links approved and new. */
  private addDependencyCycle(): void {
    for (let attempt = 0; attempt < 100; attempt++) {
      const ring = Array.from({ length: this.random.int(2, 4) }, () => this.random.pick(this.work));
      if (new Set(ring.map((w) => w.unit)).size < ring.length) continue;
      const pairs = ring.map((w, i) => [w.key, ring[(i + 1) % ring.length].key] as const);
      if (pairs.some(([from, to]) => this.linkIds.has(linkId(from, to, 'depends_on')))) continue;
      for (const [from, to] of pairs) this.addLink(from, to, 'depends_on');
      return;
    }
  }

  // ---- primitives

  private pickUnit(): string {
    return this.random.pick(this.businessUnits).key;
  }

  private maybeOwner(owner: string): string | undefined {
    return this.random.chance(MISSING_OWNER_SHARE) ? undefined : owner;
  }

  private addNode(node: InterchangeNode): string {
    this.nodes.push(node);
    this.kinds.set(node.key, node.kind);
    return node.key;
  }

  /**
   * Adds a link unless it already exists (answers false then). A self-link or a pair outside the
   * matrix is a bug in this generator, not a random event, so it throws.
   */
  private addLink(from: string, to: string, kind: LinkKind, extra: Partial<InterchangeLink> = {}): boolean {
    const fromKind = this.kinds.get(from)!;
    const toKind = this.kinds.get(to)!;
    if (from === to || !isLinkAllowed(kind, fromKind, toKind)) {
      throw new Error(`generator bug: ${kind} ${from} (${fromKind}) → ${to} (${toKind})`);
    }
    const id = linkId(from, to, kind);
    if (this.linkIds.has(id)) return false;
    this.linkIds.add(id);
    const link: InterchangeLink = { from, to, kind, state: extra.state ?? 'approved' };
    if (extra.weight !== undefined) link.weight = extra.weight;
    this.links.push(link);
    return true;
  }
}

function linkId(from: string, to: string, kind: LinkKind): string {
  return `${from}\u0000${to}\u0000${kind}`;
}
