import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HeavyRead } from '../platform/http/heavy-requests.js';
import { UuidParam } from '../platform/http/params.js';
import { ApiErrors } from '../platform/openapi/api-errors.js';
import { GraphViewDto, TraceViewDto } from './dto/view.response.js';
import { ViewQuery, TraceQuery } from './dto/views.query.js';
import { ViewsService } from './views.service.js';

/**
 * The map's views of the graph. The routes keep their public name, `/api/graph…` (the web app
 * and the API contract use it). Both answers are JSON built by PostgreSQL and sent as they are
 * (see views.sql.ts).
 */
@ApiTags('graph')
@Controller('graph')
export class ViewsController {
  constructor(private readonly views: ViewsService) {}

  @Get()
  @HeavyRead()
  @Header('Content-Type', 'application/json; charset=utf-8')
  @ApiOperation({
    summary: 'A view of the graph',
    description: 'The whole organisation, a chain, a unit or the strategy.',
  })
  @ApiOkResponse({ type: GraphViewDto })
  @ApiErrors(400, [404, 'NOT_FOUND: the chain root or business unit is not in this organisation.'], 503)
  view(@Query() query: ViewQuery): Promise<string> {
    return this.views.view(query);
  }

  @Get('trace/:id')
  @Header('Content-Type', 'application/json; charset=utf-8')
  @ApiOperation({ summary: 'Trace the chain through a node', description: 'Up to its themes, down to its delivery.' })
  @ApiOkResponse({ type: TraceViewDto })
  @ApiErrors(400, 404, 503)
  trace(@UuidParam() id: string, @Query() query: TraceQuery): Promise<string> {
    return this.views.trace(id, query);
  }
}
