import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { HeavyRead } from '../platform/http/heavy-requests.js';
import { UuidParam } from '../platform/http/params.js';
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
  @ApiOkResponse({ description: 'GraphView (libs/domain views.ts): { scope, rootId, truncated, nodes, links }.' })
  @ApiNotFoundResponse({ description: 'The chain root or business unit is not in this organisation.' })
  view(@Query() query: ViewQuery): Promise<string> {
    return this.views.view(query);
  }

  @Get('trace/:id')
  @Header('Content-Type', 'application/json; charset=utf-8')
  @ApiOkResponse({
    description: 'TraceView (libs/domain views.ts): { rootId, direction, nodes, links } — the chain from the node.',
  })
  @ApiNotFoundResponse()
  trace(@UuidParam() id: string, @Query() query: TraceQuery): Promise<string> {
    return this.views.trace(id, query);
  }
}
