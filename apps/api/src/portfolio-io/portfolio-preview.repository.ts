import { Injectable } from '@nestjs/common';
import {
  checkInIdentity,
  findingId,
  linkIdentity,
  raidAttachmentIdentity,
  raidIdentity,
  waiverIdentity,
  type InterchangeDocument,
  type InterchangeRaidAttachment,
  type RaidValues,
  type StoredEntries,
  type StoredGovernance,
} from '@throughline/domain';
import { requestContext } from '../platform/request-context/request-context.js';
import { Db } from '../platform/database/db.js';
import { NODE_COLUMNS } from './node-columns.js';
import { RAID_ATTACHMENTS_AS_DOCUMENT } from './portfolio-export.repository.js';

/**
 * What the organisation holds of the entries a document names, in the document's terms, for the
 * import's dry run: only those entries are read (one statement per section, keys passed as arrays).
 */
@Injectable()
export class PortfolioPreviewRepository {
  constructor(private readonly db: Db) {}

  async stored(doc: InterchangeDocument): Promise<StoredEntries> {
    const orgId = requestContext.orgId();
    const [units, nodes, links, checkIns] = await Promise.all([
      doc.businessUnits.length
        ? this.db.query<{ key: string; name: string; parent: string | null }>(
            `SELECT u.key, u.name, p.key AS parent
               FROM business_units u LEFT JOIN business_units p ON p.org_id = u.org_id AND p.id = u.parent_id
              WHERE u.org_id = $1 AND u.key = ANY($2::text[])`,
            [orgId, doc.businessUnits.map((u) => u.key)],
          )
        : [],
      doc.nodes.length
        ? this.db.query<Record<string, unknown>>(
            `SELECT n.key, ${NODE_COLUMNS.map((c) =>
              c.column === 'business_unit_id' ? 'u.key AS "businessUnit"' : `n.${c.column} AS "${c.field}"`,
            ).join(', ')}
               FROM nodes n LEFT JOIN business_units u ON u.org_id = n.org_id AND u.id = n.business_unit_id
              WHERE n.org_id = $1 AND n.key = ANY($2::text[])`,
            [orgId, doc.nodes.map((n) => n.key)],
          )
        : [],
      doc.links.length
        ? this.db.query<{
            from: string;
            to: string;
            kind: string;
            weight: number | null;
            rationale: string;
            state: string;
          }>(
            `SELECT f.key AS "from", t.key AS "to", l.kind, l.weight, l.rationale, l.state
               FROM links l
               JOIN nodes f ON f.org_id = l.org_id AND f.id = l.from_id
               JOIN nodes t ON t.org_id = l.org_id AND t.id = l.to_id
              WHERE l.org_id = $1 AND f.key = ANY($2::text[])`,
            [orgId, [...new Set(doc.links.map((l) => l.from))]],
          )
        : [],
      doc.checkIns.length
        ? this.db.query<{ node: string; at: string; value: number; confidence: number | null; note: string }>(
            `SELECT n.key AS node, c.at, c.value, c.confidence, c.note
               FROM key_result_check_ins c JOIN nodes n ON n.org_id = c.org_id AND n.id = c.node_id
              WHERE c.org_id = $1 AND n.key = ANY($2::text[])`,
            [orgId, [...new Set(doc.checkIns.map((c) => c.node))]],
          )
        : [],
    ]);
    return {
      units: new Map(units.map((u) => [u.key, { name: u.name, parent: u.parent }])),
      nodes: new Map(nodes.map((n) => [n.key as string, n])),
      links: new Map(links.map((l) => [linkIdentity(l), l])),
      checkIns: new Map(checkIns.map((c) => [checkInIdentity({ ...c, value: Number(c.value) }), c])),
    };
  }

  /**
   * The governance entries the document names, for the dry run of its optional sections: cycles by name, waivers by
   * the finding their nodes make here, RAID items by type and title (the oldest of each, as the import matches). One
   * statement per section (waivers: two, the node ids first), none for a section the document does not have.
   */
  async storedGovernance(doc: InterchangeDocument): Promise<StoredGovernance> {
    const orgId = requestContext.orgId();
    const [cycles, waivers, raid] = await Promise.all([
      doc.okrCycles?.length
        ? this.db.query<{ name: string; startsOn: string; endsOn: string }>(
            `SELECT name, to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(ends_on, 'YYYY-MM-DD') AS "endsOn"
               FROM okr_cycles WHERE org_id = $1 AND name = ANY($2::text[])`,
            [orgId, doc.okrCycles.map((c) => c.name)],
          )
        : [],
      doc.waivers?.length ? this.storedWaivers(doc.waivers) : new Map<string, never>(),
      doc.raid?.length
        ? this.db.query<RaidValues & { attachments: InterchangeRaidAttachment[] }>(
            `SELECT DISTINCT ON (r.type, r.title)
                    r.type, r.title, r.description, r.owner, r.status, to_char(r.due_date, 'YYYY-MM-DD') AS "dueDate",
                    r.likelihood, r.impact, to_char(r.decided_on, 'YYYY-MM-DD') AS "decidedOn", r.decided_by AS "decidedBy",
                    ${RAID_ATTACHMENTS_AS_DOCUMENT('r')} AS attachments
               FROM jsonb_to_recordset($2::jsonb) AS i(type text, title text)
               JOIN raid_items r ON r.org_id = $1 AND r.type = i.type AND r.title = i.title
              ORDER BY r.type, r.title, r.created_at, r.id`,
            [orgId, JSON.stringify(doc.raid.map((item) => ({ type: item.type, title: item.title.trim() })))],
          )
        : [],
    ]);
    return {
      okrCycles: new Map(cycles.map((c) => [c.name, { startsOn: c.startsOn, endsOn: c.endsOn }])),
      waivers,
      raid: new Map(
        raid.map((r) => [raidIdentity(r), { ...r, attachments: r.attachments.map(raidAttachmentIdentity) }]),
      ),
    };
  }

  /** The stored waivers of the findings the document's waivers make with this organisation's node ids. */
  private async storedWaivers(
    waivers: NonNullable<InterchangeDocument['waivers']>,
  ): Promise<Map<string, { path: string[]; reason: string; expiresOn: string }>> {
    const orgId = requestContext.orgId();
    const nodes = await this.db.query<{ key: string; id: string }>(
      `SELECT key, id FROM nodes WHERE org_id = $1 AND key = ANY($2::text[])`,
      [orgId, [...new Set(waivers.flatMap((w) => w.nodes))]],
    );
    const ids = new Map(nodes.map((n) => [n.key, n.id]));
    // A waiver naming a node the organisation does not hold yet is new: the import creates the node first.
    const findings = new Map<string, string>();
    for (const w of waivers) {
      if (w.nodes.every((key) => ids.has(key))) {
        findings.set(
          findingId(
            w.rule,
            w.nodes.map((key) => ids.get(key)!),
            w.linkKind ?? '',
          ),
          waiverIdentity(w),
        );
      }
    }
    if (findings.size === 0) return new Map();
    const rows = await this.db.query<{ finding_id: string; path: string[]; reason: string; expiresOn: string }>(
      `SELECT finding_id, path, reason, to_char(expires_on, 'YYYY-MM-DD') AS "expiresOn"
         FROM audit_waivers WHERE org_id = $1 AND finding_id = ANY($2::text[])`,
      [orgId, [...findings.keys()]],
    );
    return new Map(
      rows.map((r) => [findings.get(r.finding_id)!, { path: r.path, reason: r.reason, expiresOn: r.expiresOn }]),
    );
  }
}
