import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HeavyRead } from '../platform/http/heavy-requests.js';
import { ApiErrors } from '../platform/openapi/api-errors.js';
import { DashboardService } from './dashboard.service.js';
import { DashboardDto } from './dto/dashboard.response.js';

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
      'a card per objective with its accountable people, and accountability per business unit.',
  })
  @ApiOkResponse({ type: DashboardDto })
  @ApiErrors(503)
  dashboard() {
    return this.dashboards.dashboard();
  }
}
