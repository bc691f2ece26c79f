import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { toCsv } from '@throughline/domain';
import type { Response } from 'express';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../platform/http/params.js';
import { ApiErrors } from '../platform/openapi/api-errors.js';
import { CreateRaidItemDto, RaidItemDto, RaidListQuery, RedRisksDto, UpdateRaidItemDto } from './dto/raid.dto.js';
import { RaidService } from './raid.service.js';

@ApiTags('raid')
@Controller('raid')
export class RaidController {
  constructor(private readonly raid: RaidService) {}

  @Get()
  @ApiOperation({ summary: 'The RAID log, newest first, filtered' })
  @ApiOkResponse({ type: [RaidItemDto] })
  @ApiErrors(400, 503)
  list(@Query() query: RaidListQuery) {
    return this.raid.list(query);
  }

  @Get('red-risks')
  @ApiOperation({
    summary: 'Open red risks (likelihood × impact ≥ 15) per node, for badges',
    description: 'A risk on a link counts on both of its ends.',
  })
  @ApiOkResponse({ type: [RedRisksDto] })
  @ApiErrors(503)
  redRisks() {
    return this.raid.redRisksByNode();
  }

  /** Declared before `:id`, which would otherwise take `export.csv` for an id. */
  @Get('export.csv')
  @ApiOperation({
    summary: 'The RAID log as CSV, with the list’s filters',
    description: 'Cells beginning with =, +, - or @ are escaped so a spreadsheet does not run them as formulas.',
  })
  @ApiOkResponse({ description: 'text/csv', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiErrors(400, 503)
  async exportCsv(@Query() query: RaidListQuery, @Res() res: Response) {
    const table = await this.raid.table(query);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="raid-log.csv"');
    res.status(200).send(toCsv(table.header, table.rows));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One RAID item' })
  @ApiOkResponse({ type: RaidItemDto })
  @ApiErrors(400, 404, 503)
  get(@UuidParam() id: string) {
    return this.raid.get(id);
  }

  @Post()
  @ApiOperation({
    summary: 'Log a risk, action, issue or decision',
    description: 'A contributor attaches it to its own units’ work or links from that work only.',
  })
  @ApiCreatedResponse({ type: RaidItemDto })
  @ApiErrors(400, 413, 415, [422, 'INVALID_FIELD: a risk without scores, an unknown node or link.'], 503)
  create(@Body() dto: CreateRaidItemDto) {
    return this.raid.create(dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a RAID item (attachments, when given, replace the old ones)' })
  @ApiOkResponse({ type: RaidItemDto })
  @ApiErrors(400, 404, [409, 'VERSION_CONFLICT: a stale `version`.'], 413, 415, 422, 503)
  update(@UuidParam() id: string, @Body() dto: UpdateRaidItemDto) {
    return this.raid.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a RAID item' })
  @ApiNoContentResponse()
  @ApiErrors(400, 404, 503)
  delete(@UuidParam() id: string) {
    return this.raid.delete(id);
  }
}
