import { Body, Controller, Delete, Get, Headers, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Response } from 'express';
import { expectedVersion, UuidParam } from '../platform/http/params.js';
import { ApiErrors } from '../platform/openapi/api-errors.js';
import { CreateNodeDto } from './dto/create-node.dto.js';
import { ListNodesQuery } from './dto/list-nodes.query.js';
import { ChangeLogEntryDto, NodeDto, NodePageDto } from './dto/node.response.js';
import { UpdateNodeDto } from './dto/update-node.dto.js';
import { NodesService } from './nodes.service.js';

class HistoryQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

@ApiTags('nodes')
@Controller('nodes')
export class NodesController {
  constructor(private readonly nodes: NodesService) {}

  @Get()
  @ApiOperation({ summary: 'List nodes', description: 'Filtered, sorted and paged by cursor.' })
  @ApiOkResponse({ type: NodePageDto })
  @ApiErrors(400, 503)
  list(@Query() query: ListNodesQuery) {
    return this.nodes.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a node' })
  @ApiOkResponse({
    type: NodeDto,
    description: 'The node, with `ETag: "<version>"`.',
    headers: { ETag: { description: 'The node’s version, e.g. `"3"`.', schema: { type: 'string', example: '"3"' } } },
  })
  @ApiErrors(400, 404, 503)
  async get(@UuidParam() id: string, @Res({ passthrough: true }) res: Response) {
    const node = await this.nodes.get(id);
    res.setHeader('ETag', `"${node.version}"`);
    return node;
  }

  @Post()
  @ApiOperation({ summary: 'Create a node' })
  @ApiCreatedResponse({ type: NodeDto, description: 'The new node.' })
  @ApiErrors(400, [409, 'KEY_TAKEN: another node has that key.'], 413, 415, 422, 503)
  create(@Body() dto: CreateNodeDto) {
    return this.nodes.create(dto);
  }

  @Patch(':id')
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The version edited, e.g. "3" (or send `version` in the body).',
  })
  @ApiOperation({
    summary: 'Update a node',
    description: 'Optimistic concurrency: say which version you edited (body `version` or If-Match).',
  })
  @ApiOkResponse({ type: NodeDto, description: 'The updated node, with its new `ETag`.' })
  @ApiErrors(
    400,
    404,
    [409, 'VERSION_CONFLICT: someone saved first (`details.current` is the node as it is now); or KEY_TAKEN.'],
    413,
    415,
    422,
    428,
    503,
  )
  async update(
    @UuidParam() id: string,
    @Body() dto: UpdateNodeDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const node = await this.nodes.update(id, dto, expectedVersion(dto.version, ifMatch));
    res.setHeader('ETag', `"${node.version}"`);
    return node;
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a node', description: 'With its links and check-ins (all kept in the change log).' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'Delete only if the node is still at this version.' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiErrors(400, 404, [409, 'VERSION_CONFLICT: If-Match names a version that is no longer current.'], 503)
  delete(@UuidParam() id: string, @Headers('if-match') ifMatch: string | undefined) {
    return this.nodes.delete(id, expectedVersion(undefined, ifMatch));
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'A node’s history', description: 'Also after the node was deleted.' })
  @ApiOkResponse({
    type: [ChangeLogEntryDto],
    description: 'Newest first: the node’s own changes and those of its links and check-ins.',
  })
  @ApiErrors(400, 404, 503)
  history(@UuidParam() id: string, @Query() query: HistoryQuery) {
    return this.nodes.history(id, query.limit ?? 100);
  }
}
