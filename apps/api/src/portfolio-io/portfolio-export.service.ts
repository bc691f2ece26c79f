import { Injectable } from '@nestjs/common';
import {
  findingId,
  INTERCHANGE_FORMAT,
  LINK_KINDS,
  type InterchangeBusinessUnit,
  type InterchangeOkrCycle,
  type InterchangeRaidItem,
  type InterchangeWaiver,
  type InterchangeCheckIn,
  type InterchangeLink,
  type InterchangeNode,
} from '@throughline/domain';
import { NODE_COLUMNS } from './node-columns.js';
import {
  PortfolioExportRepository,
  type ExportCheckInRow,
  type ExportCycleRow,
  type ExportLinkRow,
  type ExportRaidRow,
  type ExportWaiverRow,
  type ExportUnitRow,
} from './portfolio-export.repository.js';

/** Where the document goes: an HTTP response, in practice. `write` returns false when the sink wants a pause. */
export interface ExportSink {
  write(chunk: string): boolean;
  /** Resolves when the sink takes more; rejects when it never will (the client went away, or stopped reading). */
  drained(): Promise<void>;
  /** Called once, before the first byte: the database answered, the document follows. */
  begin(): void;
}

/**
 * The organisation's interchange document, written as it is read: section by section, batch by
 * batch, each element serialised on its own, so memory stays at one batch of rows whatever the
 * organisation's size. The bytes are exactly `JSON.stringify` of the whole document (the
 * canonical form: export → import into an empty organisation → export gives the same bytes).
 */
@Injectable()
export class PortfolioExportService {
  constructor(private readonly exports: PortfolioExportRepository) {}

  async writeTo(sink: ExportSink): Promise<void> {
    await this.exports.read(async (reader) => {
      // The snapshot is open, so the database answers: from here on the answer is the document.
      sink.begin();
      const write = async (text: string) => {
        if (!sink.write(text)) await sink.drained();
      };
      const section = async <R, T>(name: string, batches: AsyncIterable<R[]>, element: (row: R) => T) => {
        let text = `,${JSON.stringify(name)}:[`;
        let first = true;
        for await (const rows of batches) {
          for (const row of rows) {
            text += (first ? '' : ',') + JSON.stringify(element(row));
            first = false;
          }
          await write(text);
          text = '';
        }
        await write(`${text}]`);
      };
      await write(`{"format":${JSON.stringify(INTERCHANGE_FORMAT)}`);
      await section('businessUnits', reader.units(), exportUnit);
      await section('okrCycles', reader.okrCycles(), exportCycle);
      await section('nodes', reader.nodes(), exportNode);
      await section('links', reader.links(), exportLink);
      await section('checkIns', reader.checkIns(), exportCheckIn);
      await section('waivers', reader.waivers(), exportWaiver);
      await section('raid', reader.raid(), exportRaid);
      await write('}');
    });
  }
}

function exportUnit(u: ExportUnitRow): InterchangeBusinessUnit {
  return { key: u.key, name: u.name, parent: u.parent_key };
}

/** The canonical form: defaults written out for status and health, empty and null fields left out. */
function exportNode(row: Record<string, unknown>): InterchangeNode {
  const node: Record<string, unknown> = { key: row.key, kind: row.kind };
  for (const { field, column } of NODE_COLUMNS) {
    const value = row[column];
    const empty = value === null || value === '' || (Array.isArray(value) && value.length === 0);
    if (!empty || field === 'status' || field === 'health') node[field] = value;
  }
  if (row.cycle) node.cycle = row.cycle;
  return node as unknown as InterchangeNode;
}

function exportLink(l: ExportLinkRow): InterchangeLink {
  return {
    from: l.from_key,
    to: l.to_key,
    kind: l.kind,
    ...(l.weight !== null ? { weight: l.weight } : {}),
    ...(l.rationale ? { rationale: l.rationale } : {}),
    state: l.state,
  };
}

function exportCheckIn(c: ExportCheckInRow): InterchangeCheckIn {
  return {
    node: c.node_key,
    at: c.at,
    value: c.value,
    ...(c.confidence !== null ? { confidence: c.confidence } : {}),
    ...(c.note ? { note: c.note } : {}),
  };
}

function exportCycle(c: ExportCycleRow): InterchangeOkrCycle {
  return { name: c.name, startsOn: c.starts_on, endsOn: c.ends_on };
}

/**
 * A waiver by its finding's rule and nodes (keys). The finding's id is a hash of node ids, which another organisation
 * does not share, so the import computes it again; a dangling proposal's id also hashes the link's kind, recovered
 * here by trying each.
 */
function exportWaiver(w: ExportWaiverRow): InterchangeWaiver {
  const linkKind =
    findingId(w.rule, w.node_ids) === w.finding_id
      ? undefined
      : LINK_KINDS.find((kind) => findingId(w.rule, w.node_ids, kind) === w.finding_id);
  return {
    rule: w.rule,
    nodes: w.node_keys,
    ...(linkKind ? { linkKind } : {}),
    path: w.path,
    reason: w.reason,
    expiresOn: w.expires_on,
  };
}

/** The canonical form, as for nodes: the status written out, empty and null fields left out. */
function exportRaid(r: ExportRaidRow): InterchangeRaidItem {
  const item: Record<string, unknown> = { type: r.type, title: r.title };
  const fields: [string, unknown][] = [
    ['description', r.description],
    ['owner', r.owner],
    ['status', r.status],
    ['dueDate', r.due_date],
    ['likelihood', r.likelihood],
    ['impact', r.impact],
    ['decidedOn', r.decided_on],
    ['decidedBy', r.decided_by],
  ];
  for (const [field, value] of fields) if (value !== null && value !== '') item[field] = value;
  if (r.attachments.length > 0) item.attachments = r.attachments;
  return item as unknown as InterchangeRaidItem;
}
