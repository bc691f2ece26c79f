import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HeavyRead } from '../platform/http/heavy-requests.js';
import { UuidParam } from '../platform/http/params.js';
import { ApiErrors } from '../platform/openapi/api-errors.js';
import { DashboardService } from './dashboard.service.js';
import { CellWorkQuery } from './dto/cell-work.query.js';
import { DashboardCellWorkDto, DashboardDto, DashboardRedRisksDto } from './dto/dashboard.response.js';

@ApiTags('dashboard')
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboards: DashboardService) {}

  @Get()
  @HeavyRead()
  @ApiOperation({
    summary: 'The executive dashboard',
    description:
      'Headline figures, the objectives × business units heatmap, the investment mix (change budgets annualised), ' +
      'a card per objective with its accountable people, and accountability per business unit. The work behind a ' +
      'heatmap cell is `GET /api/dashboard/objectives/{id}/work`; red risks along the chains `GET /api/dashboard/red-risks`.',
  })
  @ApiOkResponse({ type: DashboardDto })
  @ApiErrors(503)
  dashboard() {
    return this.dashboards.dashboard();
  }

  @Get('objectives/:id/work')
  @HeavyRead()
  @ApiOperation({
    summary: 'The work behind one heatmap cell',
    description:
      'A business unit’s active work in an active objective’s delivery (or, without `businessUnitId`, the ' +
      'objective’s work without a unit), in the cell’s order: what a click on the cell lists.',
  })
  @ApiOkResponse({ type: DashboardCellWorkDto })
  @ApiErrors(400, [404, 'NOT_FOUND: no active objective of the organisation has this id.'], 503)
  cellWork(@UuidParam() id: string, @Query() query: CellWorkQuery) {
    return this.dashboards.cellWork(id, query.businessUnitId ?? null);
  }

  @Get('red-risks')
  @HeavyRead()
  @ApiOperation({
    summary: 'Open red risks, and how many lie along each objective’s chain',
    description:
      'The RAID log’s open red risks (likelihood × impact ≥ 15), each counted once, and for each active objective ' +
      'the distinct ones on it, its key results and the work in its delivery (the cards’ badges).',
  })
  @ApiOkResponse({ type: DashboardRedRisksDto })
  @ApiErrors(503)
  redRisks() {
    return this.dashboards.redRisks();
  }
}
