/** Fields whose words are not their identifier's split: an acronym, a unit, or a key that must be written as one. */
const SPECIAL: Record<string, string> = {
  kpi: 'KPI',
  effort: 'Effort (person-days)',
  businessUnit: 'Business unit (its key)',
  from: 'From (a node’s key)',
  to: 'To (a node’s key)',
  rationale: 'Note',
};

/**
 * A spreadsheet or interchange field as a person reads it: `startDate` → "Start date", `annualCost` → "Annual cost".
 * The identifier stays the option's value (and the column name a file may use); only the words change.
 */
export function fieldLabel(field: string): string {
  if (SPECIAL[field]) return SPECIAL[field];
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
