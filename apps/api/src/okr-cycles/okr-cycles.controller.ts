import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../platform/http/params.js';
import { ApiErrors } from '../platform/openapi/api-errors.js';
import { CreateOkrCycleDto, OkrCycleDto, UpdateOkrCycleDto } from './dto/okr-cycle.dto.js';
import { OkrCyclesService } from './okr-cycles.service.js';

@ApiTags('okr cycles')
@Controller('okr-cycles')
export class OkrCyclesController {
  constructor(private readonly cycles: OkrCyclesService) {}

  @Get()
  @ApiOperation({ summary: 'List the OKR cycles, newest first' })
  @ApiOkResponse({ type: [OkrCycleDto] })
  @ApiErrors(503)
  list() {
    return this.cycles.list();
  }

  @Post()
  @ApiOperation({ summary: 'Define an OKR cycle (e.g. a quarter)' })
  @ApiCreatedResponse({ type: OkrCycleDto })
  @ApiErrors(
    400,
    [409, 'KEY_TAKEN: another cycle has that name.'],
    413,
    415,
    [422, 'INVALID_FIELD: it ends before it starts.'],
    503,
  )
  create(@Body() dto: CreateOkrCycleDto) {
    return this.cycles.create(dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename an OKR cycle or change its days', description: 'Leave a field out to keep it.' })
  @ApiOkResponse({ type: OkrCycleDto })
  @ApiErrors(400, 404, [409, 'KEY_TAKEN: another cycle has that name.'], 413, 415, 422, 503)
  update(@UuidParam() id: string, @Body() dto: UpdateOkrCycleDto) {
    return this.cycles.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an OKR cycle', description: 'Its key results stay, in no cycle.' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiErrors(400, 404, 503)
  delete(@UuidParam() id: string) {
    return this.cycles.delete(id);
  }
}
