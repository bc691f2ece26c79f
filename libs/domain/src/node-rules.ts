import { KIND_FIELDS, type KindField, type KindFields } from './nodes.js';
import { kindWithArticle, type NodeKind } from './kinds.js';

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * The rules a node's fields must keep whatever the way in (REST or import), beyond each
 * field's own format: kind-specific fields only on their kind, a key result measurable,
 * dates in order. Returns every problem, not only the first.
 */
export function nodeFieldProblems(
  kind: NodeKind,
  fields: KindFields & { startDate?: string | null; endDate?: string | null },
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const own = KIND_FIELDS[kind];
  for (const field of Object.keys(fields) as KindField[]) {
    const value = fields[field];
    if (value !== undefined && value !== null && isKindField(field) && !own.includes(field)) {
      problems.push({
        field,
        message: `${field} does not apply to ${kindWithArticle(kind)} (it has: ${own.join(', ')})`,
      });
    }
  }
  if (kind === 'key_result' && (fields.target === undefined || fields.target === null)) {
    problems.push({ field: 'target', message: 'a key result needs a target' });
  }
  if (fields.startDate && fields.endDate && fields.endDate < fields.startDate) {
    problems.push({ field: 'endDate', message: `endDate ${fields.endDate} is before startDate ${fields.startDate}` });
  }
  return problems;
}

const KIND_FIELD_SET = new Set<string>(Object.values(KIND_FIELDS).flat());

function isKindField(field: string): field is KindField {
  return KIND_FIELD_SET.has(field);
}
