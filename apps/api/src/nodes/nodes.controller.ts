import { Body, Controller, Delete, Get, Headers, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiPreconditionFailedResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Response } from 'express';
import { expectedVersion, UuidParam } from '../platform/http/params.js';
import { CreateNodeDto } from './dto/create-node.dto.js';
import { ListNodesQuery } from './dto/list-nodes.query.js';
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

class NodePageDto {
  @ApiProperty({ type: [Object], description: 'NodeRecord[] (see libs/domain nodes.ts)' }) items: unknown[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last.' })
  nextCursor: string | null;
}

@ApiTags('nodes')
@Controller('nodes')
export class NodesController {
  constructor(private readonly nodes: NodesService) {}

  @Get()
  @ApiOkResponse({ type: NodePageDto })
  list(@Query() query: ListNodesQuery) {
    return this.nodes.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ description: 'The node (NodeRecord), with `ETag: "<version>"`.' })
  async get(@UuidParam() id: string, @Res({ passthrough: true }) res: Response) {
    const node = await this.nodes.get(id);
    res.setHeader('ETag', `"${node.version}"`);
    return node;
  }

  @Post()
  @ApiCreatedResponse({ description: 'The new node (NodeRecord).' })
  create(@Body() dto: CreateNodeDto) {
    return this.nodes.create(dto);
  }

  @Patch(':id')
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The version edited, e.g. "3" (or send `version` in the body).',
  })
  @ApiOkResponse({ description: 'The updated node.' })
  @ApiConflictResponse({
    description: 'VERSION_CONFLICT: someone saved first; `details.current` is the node as it is now.',
  })
  @ApiPreconditionFailedResponse({ description: '428 PRECONDITION_REQUIRED: no version in the body or If-Match.' })
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
  @ApiNoContentResponse({ description: 'Deleted, with its links and check-ins (all kept in the change log).' })
  delete(@UuidParam() id: string, @Headers('if-match') ifMatch: string | undefined) {
    return this.nodes.delete(id, expectedVersion(undefined, ifMatch));
  }

  @Get(':id/history')
  @ApiOkResponse({
    description: 'ChangeLogEntry[], newest first: the node’s own changes and those of its links and check-ins.',
  })
  history(@UuidParam() id: string, @Query() query: HistoryQuery) {
    return this.nodes.history(id, query.limit ?? 100);
  }
}
