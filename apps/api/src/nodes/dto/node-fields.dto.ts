import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACCOUNTABLE_UNITS_RULES,
  KEY_RESULT_CYCLE_RULES,
  NODE_FIELD_RULES as R,
  type AssetLifecycle,
  type FieldRule,
  type KeyResultDirection,
  type NodeHealth,
  type NodeStatus,
  type RagRating,
} from '@throughline/domain';
import { apiPropertyFor, FollowsRule } from '../../platform/validation/field-rule.js';

const UNIT_ID: FieldRule = { type: 'uuid', nullable: true };

/**
 * The editable fields of a node other than its title and key, shared by create and update.
 * Every rule (type, limits, decimals, nullability) is `NODE_FIELD_RULES` of libs/domain, the
 * one the interchange validation and the web form use. Whether a kind-specific field applies to
 * the node's kind is checked by the service (`nodeFieldProblems`), so the message can name the kind.
 */
export class NodeFieldsDto {
  @ApiPropertyOptional(apiPropertyFor(R.description, { example: 'Second wave of the regulated roll-out.' }))
  @FollowsRule(R.description)
  description?: string;

  @ApiPropertyOptional(apiPropertyFor(UNIT_ID))
  @FollowsRule(UNIT_ID)
  businessUnitId?: string | null;

  @ApiPropertyOptional(apiPropertyFor(R.owner, { example: 'Programme Director' }))
  @FollowsRule(R.owner)
  owner?: string | null;

  @ApiPropertyOptional(apiPropertyFor(R.status, { example: 'active' }))
  @FollowsRule(R.status)
  status?: NodeStatus;

  @ApiPropertyOptional(apiPropertyFor(R.health, { example: 'amber' }))
  @FollowsRule(R.health)
  health?: NodeHealth;

  @ApiPropertyOptional(apiPropertyFor(R.startDate, { example: '2026-04-01' }))
  @FollowsRule(R.startDate)
  startDate?: string | null;

  @ApiPropertyOptional(apiPropertyFor(R.endDate, { example: '2027-09-30' }))
  @FollowsRule(R.endDate)
  endDate?: string | null;

  @ApiPropertyOptional(apiPropertyFor(R.tags, { example: ['regulated', 'smart'] }))
  @FollowsRule(R.tags)
  tags?: string[];

  @ApiPropertyOptional(
    apiPropertyFor(ACCOUNTABLE_UNITS_RULES.accountableUnitIds, {
      description: 'objective: the business units accountable for it (ids, each once); [] for none.',
    }),
  )
  @FollowsRule(ACCOUNTABLE_UNITS_RULES.accountableUnitIds)
  accountableUnitIds?: string[];

  @ApiPropertyOptional(
    apiPropertyFor(KEY_RESULT_CYCLE_RULES.cycleId, {
      description: 'key_result: the OKR cycle it belongs to (an id of GET /api/okr-cycles); null for none.',
    }),
  )
  @FollowsRule(KEY_RESULT_CYCLE_RULES.cycleId)
  cycleId?: string | null;

  @ApiPropertyOptional(apiPropertyFor(R.priority, { description: 'theme, objective: 1 = highest.', example: 1 }))
  @FollowsRule(R.priority)
  priority?: number | null;

  @ApiPropertyOptional(apiPropertyFor(R.targetDate, { description: 'objective.', example: '2028-03-31' }))
  @FollowsRule(R.targetDate)
  targetDate?: string | null;

  @ApiPropertyOptional(apiPropertyFor(R.unit, { description: 'key_result.', example: '%' }))
  @FollowsRule(R.unit)
  unit?: string | null;

  @ApiPropertyOptional(apiPropertyFor(R.baseline, { description: 'key_result.', example: 38 }))
  @FollowsRule(R.baseline)
  baseline?: number | null;

  @ApiPropertyOptional(apiPropertyFor(R.target, { description: 'key_result (required).', example: 80 }))
  @FollowsRule(R.target)
  target?: number | null;

  @ApiPropertyOptional(apiPropertyFor(R.current, { description: 'key_result.', example: 51 }))
  @FollowsRule(R.current)
  current?: number | null;

  @ApiPropertyOptional(
    apiPropertyFor(R.direction, { description: 'key_result; never empty (increase when left out).' }),
  )
  // null passes here: another kind's null field clears nothing; a key result's null direction is refused by the service.
  @FollowsRule({ ...R.direction, nullable: true })
  direction?: KeyResultDirection;

  @ApiPropertyOptional(apiPropertyFor(R.confidence, { description: 'key_result, 0–1.', example: 0.6 }))
  @FollowsRule(R.confidence)
  confidence?: number | null;

  @ApiPropertyOptional(apiPropertyFor(R.budget, { description: 'programme, project.', example: 42000000 }))
  @FollowsRule(R.budget)
  budget?: number | null;

  @ApiPropertyOptional(apiPropertyFor(R.stage, { description: 'programme, project.', example: 'build' }))
  @FollowsRule(R.stage)
  stage?: string | null;

  @ApiPropertyOptional(apiPropertyFor(R.effort, { description: 'project, person-days.', example: 1200 }))
  @FollowsRule(R.effort)
  effort?: number | null;

  @ApiPropertyOptional(apiPropertyFor(R.deliveryConfidence, { description: 'project.' }))
  @FollowsRule(R.deliveryConfidence)
  deliveryConfidence?: RagRating | null;

  @ApiPropertyOptional(apiPropertyFor(R.kpi, { description: 'bau.', example: 'Bills sent on time' }))
  @FollowsRule(R.kpi)
  kpi?: string | null;

  @ApiPropertyOptional(apiPropertyFor(R.cadence, { description: 'bau.', example: 'monthly' }))
  @FollowsRule(R.cadence)
  cadence?: string | null;

  @ApiPropertyOptional(apiPropertyFor(R.annualCost, { description: 'bau.', example: 3500000 }))
  @FollowsRule(R.annualCost)
  annualCost?: number | null;

  @ApiPropertyOptional(
    apiPropertyFor(R.assetType, {
      description: 'asset: product, platform, service, data, brand, site…',
      example: 'platform',
    }),
  )
  @FollowsRule(R.assetType)
  assetType?: string | null;

  @ApiPropertyOptional(apiPropertyFor(R.lifecycle, { description: 'asset.' }))
  @FollowsRule(R.lifecycle)
  lifecycle?: AssetLifecycle | null;

  @ApiPropertyOptional(apiPropertyFor(R.annualValue, { description: 'asset.', example: 12000000 }))
  @FollowsRule(R.annualValue)
  annualValue?: number | null;
}
