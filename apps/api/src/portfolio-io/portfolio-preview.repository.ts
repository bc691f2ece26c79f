import { Injectable } from '@nestjs/common';
import { checkInIdentity, linkIdentity, type InterchangeDocument, type StoredEntries } from '@throughline/domain';
import { requestContext } from '../platform/request-context/request-context.js';
import { Db } from '../platform/database/db.js';
import { NODE_COLUMNS } from './node-columns.js';

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
}
