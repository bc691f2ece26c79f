import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { HeavyRead } from '../platform/http/heavy-requests.js';
import { UuidParam } from '../platform/http/params.js';
import { GraphQuery, TraceQuery } from './dto/graph.query.js';
import { GraphService } from './graph.service.js';

/** Both answers are JSON built by PostgreSQL and sent as they are (see graph.sql.ts). */
@ApiTags('graph')
@Controller('graph')
export class GraphController {
  constructor(private readonly graph: GraphService) {}

  @Get()
  @HeavyRead()
  @Header('Content-Type', 'application/json; charset=utf-8')
  @ApiOkResponse({ description: 'GraphView (libs/domain graph.ts): { scope, rootId, truncated, nodes, links }.' })
  @ApiNotFoundResponse({ description: 'The chain root or business unit is not in this organisation.' })
  view(@Query() query: GraphQuery): Promise<string> {
    return this.graph.view(query);
  }

  @Get('trace/:id')
  @Header('Content-Type', 'application/json; charset=utf-8')
  @ApiOkResponse({
    description: 'TraceView (libs/domain graph.ts): { rootId, direction, nodes, links } — the chain from the node.',
  })
  @ApiNotFoundResponse()
  trace(@UuidParam() id: string, @Query() query: TraceQuery): Promise<string> {
    return this.graph.trace(id, query);
  }
}
