import type { AuditRuleId } from '../audit-types.js';
import type { AuditRule } from '../finding.js';
import { changeOnlyObjective } from './change-only-objective.js';
import { danglingProposal } from './dangling-proposal.js';
import { dependencyCycle } from './dependency-cycle.js';
import { healthMismatch } from './health-mismatch.js';
import { keyResultWithoutWork } from './key-result-without-work.js';
import { missingOwner } from './missing-owner.js';
import { objectiveWithoutDelivery } from './objective-without-delivery.js';
import { objectiveWithoutKeyResults } from './objective-without-key-results.js';
import { orphanWork } from './orphan-work.js';
import { overAllocatedWork } from './over-allocated-work.js';
import { singlePointOfFailure } from './single-point-of-failure.js';
import { staleKeyResult } from './stale-key-result.js';
import { themeWithoutObjectives } from './theme-without-objectives.js';
import { timelineMismatch } from './timeline-mismatch.js';
import { unapprovedCrossUnitDependency } from './unapproved-cross-unit-dependency.js';

/** Every rule of docs/domain.md, keyed by id: the `Record` makes a rule id without a rule a type error. */
export const AUDIT_RULES: Record<AuditRuleId, AuditRule> = {
  'objective-without-delivery': objectiveWithoutDelivery,
  'key-result-without-work': keyResultWithoutWork,
  'orphan-work': orphanWork,
  'missing-owner': missingOwner,
  'objective-without-key-results': objectiveWithoutKeyResults,
  'theme-without-objectives': themeWithoutObjectives,
  'dependency-cycle': dependencyCycle,
  'unapproved-cross-unit-dependency': unapprovedCrossUnitDependency,
  'single-point-of-failure': singlePointOfFailure,
  'stale-key-result': staleKeyResult,
  'health-mismatch': healthMismatch,
  'timeline-mismatch': timelineMismatch,
  'over-allocated-work': overAllocatedWork,
  'change-only-objective': changeOnlyObjective,
  'dangling-proposal': danglingProposal,
};
