import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { UuidParam } from '../platform/http/params.js';
import { ApiErrors } from '../platform/openapi/api-errors.js';
import {
  CreatedInviteDto,
  CreateInviteDto,
  InviteDto,
  MemberDto,
  PasswordResetLinkDto,
  UpdateMemberDto,
} from './dto/members.dto.js';
import { MembersService } from './members.service.js';

/** This API's own origin, where one-time links open (the Host is checked in production). */
const originOf = (req: Request) => `${req.protocol}://${req.get('host') ?? 'localhost'}`;

@ApiTags('members')
@Controller('members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @ApiOperation({ summary: 'List the members of the organisation (admin)' })
  @ApiOkResponse({ type: [MemberDto] })
  @ApiErrors(401, 403, 503)
  list() {
    return this.members.list();
  }

  @Get('invites')
  @ApiOperation({ summary: 'List the open invites (admin)' })
  @ApiOkResponse({ type: [InviteDto] })
  @ApiErrors(401, 403, 503)
  invites() {
    return this.members.invites();
  }

  @Post('invites')
  @ApiOperation({
    summary: 'Invite someone by email with a role (admin)',
    description: 'Answers a one-time link (valid 7 days) to hand over: no mail is sent.',
  })
  @ApiCreatedResponse({ type: CreatedInviteDto })
  @ApiErrors(
    400,
    401,
    403,
    [409, 'CONFLICT: already a member.'],
    [422, 'INVALID_FIELD: unknown units, or units for a role other than contributor.'],
    503,
  )
  invite(@Body() dto: CreateInviteDto, @Req() req: Request) {
    return this.members.invite(dto, originOf(req));
  }

  @Delete('invites/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Withdraw an open invite (admin)' })
  @ApiNoContentResponse()
  @ApiErrors(400, 401, 403, 404, 503)
  async withdrawInvite(@UuidParam() id: string) {
    await this.members.withdrawInvite(id);
  }

  @Patch(':userId')
  @ApiOperation({
    summary: 'Change a member’s role or units (admin)',
    description: 'Takes effect at the member’s next request.',
  })
  @ApiOkResponse({ type: MemberDto })
  @ApiErrors(400, 401, 403, 404, [422, 'INVALID_STATE: the last admin; INVALID_FIELD: units.'], 503)
  update(@UuidParam('userId') userId: string, @Body() dto: UpdateMemberDto) {
    return this.members.update(userId, dto);
  }

  @Delete(':userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a member (admin)', description: 'Their sessions in this organisation end at once.' })
  @ApiNoContentResponse()
  @ApiErrors(400, 401, 403, 404, [422, 'INVALID_STATE: the last admin.'], 503)
  async remove(@UuidParam('userId') userId: string) {
    await this.members.remove(userId);
  }

  @Post(':userId/password-reset')
  @ApiOperation({
    summary: 'Issue a one-time password-reset link for a member (admin)',
    description: 'Valid 24 hours; an earlier unused link stops working.',
  })
  @ApiCreatedResponse({ type: PasswordResetLinkDto })
  @ApiErrors(400, 401, 403, 404, 503)
  passwordReset(@UuidParam('userId') userId: string, @Req() req: Request) {
    return this.members.passwordResetLink(userId, originOf(req));
  }
}
