import { Injectable } from '@nestjs/common';
import {
  INTERCHANGE_FORMAT,
  type InterchangeBusinessUnit,
  type InterchangeCheckIn,
  type InterchangeLink,
  type InterchangeNode,
} from '@throughline/domain';
import { NODE_COLUMNS } from './node-columns.js';
import {
  PortfolioExportRepository,
  type ExportCheckInRow,
  type ExportLinkRow,
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
      await section('nodes', reader.nodes(), exportNode);
      await section('links', reader.links(), exportLink);
      await section('checkIns', reader.checkIns(), exportCheckIn);
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
