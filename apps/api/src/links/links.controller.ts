import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../platform/http/params.js';
import { ApiErrors } from '../platform/openapi/api-errors.js';
import { CreateLinkDto, LinkDto, LinkProposalDto, ListLinksQuery, UpdateLinkDto } from './dto/link.dto.js';
import { LinksService } from './links.service.js';

@ApiTags('links')
@Controller('links')
export class LinksController {
  constructor(private readonly links: LinksService) {}

  @Get()
  @ApiOperation({ summary: 'List links', description: 'Filtered by node (either end), state and kind.' })
  @ApiOkResponse({ type: [LinkDto] })
  @ApiErrors(400, 503)
  list(@Query() query: ListLinksQuery) {
    return this.links.list(query);
  }

  /** Declared before `:id`, so that `proposals` is not read as a link id. */
  @Get('proposals')
  @ApiOperation({
    summary: 'The proposals queue',
    description: 'Proposed links waiting for a pmo or admin, oldest first, with who proposed them and their ends.',
  })
  @ApiOkResponse({ type: [LinkProposalDto] })
  @ApiErrors(503)
  proposals() {
    return this.links.proposals();
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a link' })
  @ApiOkResponse({ type: LinkDto })
  @ApiErrors(400, 404, 503)
  get(@UuidParam() id: string) {
    return this.links.get(id);
  }

  @Post()
  @ApiOperation({ summary: 'Create a link', description: 'Within the allowed-link matrix; proposed or approved.' })
  @ApiCreatedResponse({ type: LinkDto })
  @ApiErrors(
    400,
    [404, 'NOT_FOUND: an end of the link does not exist.'],
    [409, 'LINK_DUPLICATE, or LINK_CYCLE with `details.cycle` (the keys around the cycle).'],
    413,
    415,
    [422, 'LINK_NOT_ALLOWED (kind pair outside the matrix), LINK_SELF or INVALID_FIELD.'],
    503,
  )
  create(@Body() dto: CreateLinkDto) {
    return this.links.create(dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a link', description: 'Its weight and rationale.' })
  @ApiOkResponse({ type: LinkDto })
  @ApiErrors(400, 404, [409, 'VERSION_CONFLICT: a stale `version`.'], 413, 415, 503)
  update(@UuidParam() id: string, @Body() dto: UpdateLinkDto) {
    return this.links.update(id, dto);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve a proposed link' })
  @ApiOkResponse({ type: LinkDto })
  @ApiErrors(400, 404, [422, 'INVALID_STATE: the link is not proposed.'], 503)
  approve(@UuidParam() id: string) {
    return this.links.approve(id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject a proposed link' })
  @ApiOkResponse({ type: LinkDto })
  @ApiErrors(400, 404, [422, 'INVALID_STATE: the link is not proposed.'], 503)
  reject(@UuidParam() id: string) {
    return this.links.reject(id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a link' })
  @ApiNoContentResponse({ description: 'Deleted (kept in the change log).' })
  @ApiErrors(400, 404, 503)
  delete(@UuidParam() id: string) {
    return this.links.delete(id);
  }
}
