import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HeavyRead } from '../platform/http/heavy-requests.js';
import { ApiErrors } from '../platform/openapi/api-errors.js';
import { CoverageService } from './coverage.service.js';
import { CoverageMatrixDto, CoverageReportDto } from './dto/coverage.response.js';

@ApiTags('coverage')
@Controller('coverage')
export class CoverageController {
  constructor(private readonly coverage: CoverageService) {}

  @Get()
  @HeavyRead()
  @ApiOperation({ summary: 'Coverage report' })
  @ApiErrors(503)
  @ApiOkResponse({
    type: CoverageReportDto,
    description:
      'CoverageReport (libs/domain, coverage-types.ts): objective coverage overall, per theme and per business unit; ' +
      'work alignment by count and money per unit (asset value apart); the investment mix per theme and objective; ' +
      'and the roll-up (progress, reported and derived health) of every strategy node.',
  })
  report() {
    return this.coverage.report();
  }

  @Get('matrix')
  @HeavyRead()
  @ApiOperation({ summary: 'Coverage matrix: objectives × business units' })
  @ApiErrors(503)
  @ApiOkResponse({
    type: CoverageMatrixDto,
    description:
      'CoverageMatrix: active objectives × business units; each listed cell holds the unit’s active work items in the ' +
      'objective’s delivery (count, money, asset value, node ids). Empty cells are left out.',
  })
  matrix() {
    return this.coverage.matrix();
  }
}
