import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { escapeFormulaCell, KIND_FIELDS, NODE_KINDS, toCsv, type NodeKind } from '@throughline/domain';
import { AuditService } from '../audit/audit.service.js';
import { DomainError } from '../platform/errors/domain-error.js';
import { requestContext } from '../platform/request-context/request-context.js';
import { Db } from '../platform/database/db.js';
import { NODE_COLUMNS } from '../portfolio-io/node-columns.js';

export interface Table {
  header: string[];
  rows: unknown[][];
}

/**
 * Spreadsheet exports: one node kind per file, with the interchange's field names as headers (so
 * the file imports back with the guessed mapping), and the audit's open findings. Every text cell
 * that begins with `=`, `+`, `-` or `@` gets a leading `'` (libs/domain escapeFormulaCell): a title
 * such as `=HYPERLINK(…)` must never run as a formula in whoever opens the file.
 */
@Injectable()
export class SheetExportService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  async nodes(kind: string): Promise<Table> {
    if (!(NODE_KINDS as readonly string[]).includes(kind)) {
      throw new DomainError('MALFORMED_REQUEST', `kind must be one of ${NODE_KINDS.join(', ')}.`, [
        { field: 'kind', problems: [`must be one of ${NODE_KINDS.join(', ')}`] },
      ]);
    }
    const own = new Set<string>(KIND_FIELDS[kind as NodeKind]);
    // Accountable units are unit ids in the table (keys in the interchange): left to the JSON export.
    const columns = NODE_COLUMNS.filter(
      (c) => (own.has(c.field) || !isKindField(c.field)) && (c.field as string) !== 'accountableUnits',
    );
    const rows = await this.db.query<Record<string, unknown>>(
      `SELECT n.key, ${columns.map((c) => (c.column === 'business_unit_id' ? 'u.key AS business_unit_id' : `n.${c.column}`)).join(', ')}
         FROM nodes n LEFT JOIN business_units u ON u.org_id = n.org_id AND u.id = n.business_unit_id
        WHERE n.org_id = $1 AND n.kind = $2 ORDER BY n.key`,
      [requestContext.orgId(), kind],
    );
    return {
      header: ['key', ...columns.map((c) => c.field)],
      rows: rows.map((r) => [r.key, ...columns.map((c) => r[c.column])]),
    };
  }

  async findings(): Promise<Table> {
    const report = await this.audit.report({});
    return {
      header: ['id', 'rule', 'severity', 'nodes', 'message', 'path'],
      rows: report.findings.map((f) => [
        f.id,
        f.rule,
        f.severity,
        f.nodeKeys.join(', '),
        f.message,
        f.path.join(' → '),
      ]),
    };
  }
}

const KIND_SPECIFIC = new Set<string>(Object.values(KIND_FIELDS).flat());
const isKindField = (field: string) => KIND_SPECIFIC.has(field);

export const tableCsv = (table: Table) => toCsv(table.header, table.rows);

/** The table as an XLSX workbook of one sheet; text escaped as in CSV, numbers left numbers. */
export async function tableXlsx(table: Table, sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(table.header);
  for (const row of table.rows) {
    sheet.addRow(
      row.map((cell) =>
        cell === null || cell === undefined
          ? null
          : typeof cell === 'number'
            ? cell
            : escapeFormulaCell(
                Array.isArray(cell) ? cell.join(', ') : typeof cell === 'string' ? cell : JSON.stringify(cell),
              ),
      ),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
