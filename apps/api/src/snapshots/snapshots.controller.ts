import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HeavyRead } from '../platform/http/heavy-requests.js';
import { ApiErrors } from '../platform/openapi/api-errors.js';
import { SnapshotDiffDto, SnapshotDiffQuery, SnapshotDto, TakeSnapshotDto, TrendPointDto } from './dto/snapshot.dto.js';
import { SnapshotsService } from './snapshots.service.js';

@ApiTags('snapshots')
@Controller('snapshots')
export class SnapshotsController {
  constructor(private readonly snapshots: SnapshotsService) {}

  @Post()
  @HeavyRead()
  @ApiOperation({
    summary: 'Take a snapshot',
    description: 'Stores the graph, coverage and audit summary as they are now. Snapshots are never changed.',
  })
  @ApiCreatedResponse({ type: SnapshotDto })
  @ApiErrors(400, 413, 415, 503)
  take(@Body() dto: TakeSnapshotDto) {
    return this.snapshots.take(dto.name);
  }

  @Get()
  @ApiOperation({ summary: 'List snapshots, newest first' })
  @ApiOkResponse({ type: [SnapshotDto] })
  @ApiErrors(503)
  list() {
    return this.snapshots.list();
  }

  @Get('trend')
  @ApiOperation({ summary: 'Objective coverage at each snapshot, oldest first (the dashboard’s trend)' })
  @ApiOkResponse({ type: [TrendPointDto] })
  @ApiErrors(503)
  trend() {
    return this.snapshots.trend();
  }

  @Get('diff')
  @HeavyRead()
  @ApiOperation({ summary: 'Diff two snapshots, or a snapshot and now' })
  @ApiOkResponse({ type: SnapshotDiffDto })
  @ApiErrors(400, 404, 503)
  diff(@Query() query: SnapshotDiffQuery) {
    return this.snapshots.diff(query.from, query.to);
  }
}
