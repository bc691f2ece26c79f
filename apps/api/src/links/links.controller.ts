import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../platform/http/params.js';
import { ApiErrors } from '../platform/openapi/api-errors.js';
import {
  ApproveLinkDto,
  BulkLinkDecisionDto,
  BulkLinkDecisionResultDto,
  CreateLinkDto,
  LinkDto,
  LinkProposalDto,
  ListLinksQuery,
  RejectLinkDto,
  UpdateLinkDto,
} from './dto/link.dto.js';
import { LinkDecisionsService } from './link-decisions.service.js';
import { LinksService } from './links.service.js';

@ApiTags('links')
@Controller('links')
export class LinksController {
  constructor(
    private readonly links: LinksService,
    private readonly decisions: LinkDecisionsService,
  ) {}

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
    description:
      'Proposed links waiting for a decision, oldest first: the work item and the target (`from`, `to`), the ' +
      'interpretation note (`rationale`) and who proposed it (`proposedBy`, `proposedById`).',
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

  /** Declared before `:id/…`, so that `decisions` is not read as a link id. */
  @Post('decisions')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Decide several proposals',
    description:
      'Each link is re-checked (still proposed, the version given, not your own proposal, no cycle) and decided in ' +
      'a transaction of its own; the answer reports each, in the order of `ids`.',
  })
  @ApiOkResponse({ type: BulkLinkDecisionResultDto })
  @ApiErrors(400, [422, 'INVALID_FIELD: a rejection without a comment, or a bad `versions` entry.'], 503)
  decideMany(@Body() dto: BulkLinkDecisionDto) {
    return this.decisions.decideMany(dto);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve a proposed link', description: 'With an optional comment, told to the proposer.' })
  @ApiOkResponse({ type: LinkDto })
  @ApiErrors(
    400,
    [403, 'FORBIDDEN: your own proposal (nobody decides their own).'],
    404,
    [409, 'VERSION_CONFLICT (a stale `version`) or LINK_CYCLE.'],
    [422, 'INVALID_STATE: the link is not proposed.'],
    503,
  )
  approve(@UuidParam() id: string, @Body() dto: ApproveLinkDto) {
    return this.decisions.approve(id, dto);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject a proposed link', description: 'With a comment (required), told to the proposer.' })
  @ApiOkResponse({ type: LinkDto })
  @ApiErrors(
    400,
    [403, 'FORBIDDEN: your own proposal (nobody decides their own).'],
    404,
    [409, 'VERSION_CONFLICT: a stale `version`.'],
    [422, 'INVALID_STATE: the link is not proposed.'],
    503,
  )
  reject(@UuidParam() id: string, @Body() dto: RejectLinkDto) {
    return this.decisions.reject(id, dto);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Acknowledge a cross-unit dependency',
    description:
      'A proposed depends_on from one business unit’s work to another’s, acknowledged by the owner of the unit ' +
      'depended on (or a pmo/admin): it becomes approved.',
  })
  @ApiOkResponse({ type: LinkDto })
  @ApiErrors(
    400,
    [403, 'FORBIDDEN: not the owner of the unit depended on, nor a pmo/admin; or your own proposal.'],
    404,
    [409, 'VERSION_CONFLICT: a stale `version`.'],
    [422, 'INVALID_STATE: not a proposed dependency between two units.'],
    503,
  )
  acknowledge(@UuidParam() id: string, @Body() dto: ApproveLinkDto) {
    return this.decisions.acknowledge(id, dto);
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
