import { Injectable } from '@nestjs/common';
import {
  applyWaivers,
  AUDIT_RULE_IDS,
  AUDIT_RULES,
  describeRules,
  describeWaivers,
  filterFindings,
  runAudit,
  summarise,
  todayIso,
  waiverStanding,
  type AuditFilter,
  type AuditFinding,
  type AuditReportWithWaivers,
  type AuditRulesView,
  type AuditSettings,
  type AuditWaiver,
  type AuditWaiverView,
} from '@throughline/domain';
import { ChangeLogRepository } from '../change-log/change-log.repository.js';
import { DomainError } from '../platform/errors/domain-error.js';
import { requestContext } from '../platform/request-context/request-context.js';
import { Db } from '../platform/database/db.js';
import { Clock } from '../topology/clock.js';
import { TopologySnapshots, type TopologySnapshot } from '../topology/topology-snapshots.js';
import type { CreateWaiverDto, UpdateAuditSettingsDto } from './dto/audit.dto.js';
import { AuditSettingsRepository } from './audit-settings.repository.js';
import { WaiversRepository } from './waivers.repository.js';

/**
 * The gap audit of docs/domain.md on the organisation's current graph: one snapshot load, then the
 * pure rules of libs/domain over the topology (topology/); waivers move accepted findings to a list of their own.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly snapshots: TopologySnapshots,
    private readonly settings: AuditSettingsRepository,
    private readonly waivers: WaiversRepository,
    private readonly changeLog: ChangeLogRepository,
    private readonly clock: Clock,
    private readonly db: Db,
  ) {}

  async report(filter: AuditFilter): Promise<AuditReportWithWaivers> {
    const now = this.clock.now();
    const [snapshot, waivers] = await Promise.all([
      this.snapshots.current(requestContext.orgId()),
      this.waivers.list(),
    ]);
    const { open, waived } = applyWaivers(this.findings(snapshot, now), waivers, todayIso(now));
    const unitOf = unitLookup(snapshot);
    const findings = filterFindings(open, filter, unitOf);
    return {
      generatedAt: now.toISOString(),
      summary: summarise(findings),
      findings,
      waived: filterFindings(waived, filter, unitOf),
    };
  }

  async rules(): Promise<AuditRulesView> {
    return describeRules(await this.settings.current());
  }

  async updateSettings(patch: UpdateAuditSettingsDto): Promise<AuditSettings> {
    const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    if (Object.keys(changes).length === 0) return this.settings.current();
    return this.settings.update(changes);
  }

  async listWaivers(): Promise<AuditWaiverView[]> {
    const now = this.clock.now();
    const [snapshot, waivers] = await Promise.all([
      this.snapshots.current(requestContext.orgId()),
      this.waivers.list(),
    ]);
    return describeWaivers(waivers, this.findings(snapshot, now), todayIso(now));
  }

  /**
   * Waives an open finding until `expiresOn`, remembering its path. A finding already under a
   * waiver in force is refused (409); a lapsed waiver of the same finding is replaced.
   */
  async createWaiver(dto: CreateWaiverDto): Promise<AuditWaiver> {
    const now = this.clock.now();
    const today = todayIso(now);
    if (dto.expiresOn < today) {
      throw new DomainError('INVALID_FIELD', `expiresOn (${dto.expiresOn}) is in the past; today is ${today}.`, [
        { field: 'expiresOn', problems: ['must be today or later'] },
      ]);
    }
    const snapshot = await this.snapshots.current(requestContext.orgId());
    const finding = this.findings(snapshot, now).find((f) => f.id === dto.findingId);
    if (!finding) {
      throw new DomainError('NOT_FOUND', `No open audit finding has the id ${dto.findingId}.`, {
        findingId: dto.findingId,
      });
    }
    const reason = dto.reason.trim();
    const fields = { findingId: finding.id, rule: finding.rule, nodeIds: finding.nodeIds, path: finding.path };
    return this.db.transaction(async () => {
      const existing = await this.waivers.findByFindingForUpdate(finding.id);
      if (existing && waiverStanding(existing, finding, today) === 'in_force') {
        throw new DomainError('CONFLICT', `This finding is already waived until ${existing.expiresOn}.`, {
          waiver: existing,
        });
      }
      const waiver = existing
        ? await this.waivers.replace(existing.id, { ...fields, reason, expiresOn: dto.expiresOn })
        : await this.waivers.insert({ ...fields, reason, expiresOn: dto.expiresOn });
      await this.changeLog.append([
        {
          action: existing ? 'update' : 'create',
          entityType: 'waiver',
          entityId: waiver.id,
          nodeIds: finding.nodeIds,
          before: existing ?? null,
          after: waiver,
        },
      ]);
      return waiver;
    });
  }

  async deleteWaiver(id: string): Promise<void> {
    await this.db.transaction(async () => {
      const waiver = await this.waivers.find(id);
      if (!waiver) throw new DomainError('NOT_FOUND', `No waiver has the id ${id}.`, { id });
      await this.waivers.delete(id);
      await this.changeLog.append([
        { action: 'delete', entityType: 'waiver', entityId: id, nodeIds: waiver.nodeIds, before: waiver, after: null },
      ]);
    });
  }

  /**
   * How many `error` findings are open (not waived): the dashboard's headline. Only the error rules run — the
   * whole audit would cost the dashboard several times more for a number it does not need.
   */
  async openErrorCount(): Promise<number> {
    const now = this.clock.now();
    const [snapshot, waivers] = await Promise.all([
      this.snapshots.current(requestContext.orgId()),
      this.waivers.list(),
    ]);
    const rules = AUDIT_RULE_IDS.filter((id) => AUDIT_RULES[id].severity === 'error');
    const findings = runAudit({ index: snapshot.index, settings: snapshot.settings, now }, { rules });
    return applyWaivers(findings, waivers, todayIso(now)).open.length;
  }

  private findings(snapshot: TopologySnapshot, now: Date): AuditFinding[] {
    return runAudit({ index: snapshot.index, settings: snapshot.settings, now });
  }
}

/** A node's business unit, for the `businessUnit` filter. */
function unitLookup({ index }: TopologySnapshot): (nodeId: string) => string | null | undefined {
  return (nodeId) => {
    const i = index.position(nodeId);
    return i === undefined ? undefined : index.node(i).businessUnitId;
  };
}
