import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../platform/openapi/api-errors.js';
import { ChangeLogService } from './change-log.service.js';
import { ChangeLogPageDto, ChangeLogQuery } from './dto/change-log.dto.js';

@ApiTags('change log')
@Controller('change-log')
export class ChangeLogController {
  constructor(private readonly log: ChangeLogService) {}

  @Get()
  @ApiOperation({
    summary: 'The organisation’s change log, newest first (admin)',
    description: 'Filter by who (`actor`), what (`entityType`, `action`) and when (`from`, `to`); page with `before`.',
  })
  @ApiOkResponse({ type: ChangeLogPageDto })
  @ApiErrors(400, 401, 403, 503)
  list(@Query() query: ChangeLogQuery) {
    return this.log.list(query);
  }
}
