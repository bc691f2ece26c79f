/**
 * Checks an interchange document against docs/domain.md and the schema, and describes it.
 *
 *   tsx bench/check-document.ts <file> [--today YYYY-MM-DD] [--findings]
 *
 * Prints what an import would refuse (exit code 1 if anything), the counts of nodes and links,
 * the chain-size distribution of objectives and themes, and the findings of a reference audit
 * run as if the document had just been imported on `--today` (default: the demo's anchor date).
 */
import { readFileSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  AUDIT_RULE_IDS,
  validateInterchange,
  type InterchangeDocument,
  type InterchangeError,
} from '@throughline/domain';
import { ANCHOR_DATE, isIsoDate } from './lib/dates.js';
import { describeDocument, type ChainDistribution, type DocumentStats } from './lib/document-stats.js';
import { PortfolioIndex } from './lib/portfolio-index.js';
import { referenceAudit, type ReferenceFinding } from './lib/reference-audit.js';

/** Findings are listed one by one up to this many (a demo); beyond it only counted (a synthetic portfolio). */
const LIST_FINDINGS_UP_TO = 40;
const LIST_PROBLEMS_UP_TO = 50;

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { today: { type: 'string', default: ANCHOR_DATE }, findings: { type: 'boolean', default: false } },
  });
  const [file] = positionals;
  if (!file || !isIsoDate(values.today)) {
    console.error('usage: tsx bench/check-document.ts <file> [--today YYYY-MM-DD] [--findings]');
    process.exit(2);
  }

  const document = timed(`read and parse ${file} (${megabytes(statSync(file).size)})`, () => readDocument(file));
  // The import's own validator: a document that passes here is one the API accepts.
  const result = timed('validate', () => validateInterchange(document));
  const problems = result.ok ? [] : result.errors;
  if (problems.length) {
    // Counts and an audit of a document an import would refuse would only mislead.
    printProblems(problems);
    process.exitCode = 1;
    return;
  }
  const index = timed('index', () => new PortfolioIndex(document));
  const stats = timed('describe', () => describeDocument(index));
  const findings = timed('reference audit', () => referenceAudit(index, { today: values.today }));

  console.log('\nvalid: no problems');
  printStats(stats);
  printFindings(findings, values.today, values.findings);
}

function readDocument(file: string): InterchangeDocument {
  return JSON.parse(readFileSync(file, 'utf8')) as InterchangeDocument;
}

function timed<T>(label: string, work: () => T): T {
  const start = performance.now();
  const result = work();
  console.log(`${label}: ${Math.round(performance.now() - start)} ms`);
  return result;
}

function printProblems(problems: InterchangeError[]): void {
  console.log(`\nINVALID: ${problems.length} problem(s)`);
  for (const { path, message } of problems.slice(0, LIST_PROBLEMS_UP_TO)) console.log(`  ${path}: ${message}`);
  if (problems.length > LIST_PROBLEMS_UP_TO) console.log(`  … and ${problems.length - LIST_PROBLEMS_UP_TO} more`);
}

function printStats(stats: DocumentStats): void {
  console.log();
  console.log(
    `business units ${count(stats.businessUnits)}, nodes ${count(stats.nodes)}, ` +
      `links ${count(stats.links)} (${(stats.links / Math.max(1, stats.nodes)).toFixed(2)} per node), ` +
      `check-ins ${count(stats.checkIns)}`,
  );
  console.log(`nodes: ${pairs(stats.nodesByKind)}`);
  for (const [kind, states] of Object.entries(stats.linksByKind)) console.log(`links ${kind}: ${pairs(states)}`);
  console.log('chain sizes (root included, approved links):');
  console.log(`  objectives ${distribution(stats.objectiveChains)}`);
  console.log(`  themes     ${distribution(stats.themeChains)}`);
}

function printFindings(findings: ReferenceFinding[], today: string, listAll: boolean): void {
  const byRule = new Map(AUDIT_RULE_IDS.map((rule) => [rule, 0]));
  for (const { rule } of findings) byRule.set(rule, byRule.get(rule)! + 1);
  console.log();
  console.log(`reference audit as of ${today}: ${findings.length} finding(s)`);
  for (const [rule, total] of byRule) if (total) console.log(`  ${rule}: ${count(total)}`);
  if (!listAll && findings.length > LIST_FINDINGS_UP_TO) return;
  for (const { severity, rule, nodeKeys, message } of findings) {
    console.log(`  ${severity.padEnd(7)} ${rule.padEnd(32)} ${nodeKeys.join(', ').padEnd(24)} ${message}`);
  }
}

function distribution(d: ChainDistribution): string {
  return `(${d.count}): min ${d.min}, median ${d.median}, p90 ${d.p90}, max ${d.max}${d.maxKey ? ` (${d.maxKey})` : ''}`;
}

function pairs(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([name, total]) => `${name} ${count(total)}`)
    .join(', ');
}

function count(value: number): string {
  return value.toLocaleString('en-GB');
}

function megabytes(bytes: number): string {
  return bytes < 1e6 ? `${(bytes / 1e3).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

main();
