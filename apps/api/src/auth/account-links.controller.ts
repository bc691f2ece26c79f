import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppConfig } from '../platform/config/app-config.js';
import { ApiErrors } from '../platform/openapi/api-errors.js';
import { AccountLinksService } from './account-links.service.js';
import { AcceptInviteDto, InviteSummaryDto, ResetPasswordDto, SessionDto } from './dto/auth.dto.js';
import { addressOf, withRetryAfter } from './login-throttle.js';
import { setSessionCookie } from './session-cookie.js';

/** The public ends of one-time links: invites and password resets (no session needed). */
@ApiTags('accounts')
@Controller()
export class AccountLinksController {
  constructor(
    private readonly links: AccountLinksService,
    private readonly config: AppConfig,
  ) {}

  @Get('invites/:token')
  @ApiOperation({ summary: 'What an invite link is for (public)' })
  @ApiOkResponse({ type: InviteSummaryDto })
  @ApiErrors([404, 'NOT_FOUND: unknown, used or expired link.'], 503)
  describeInvite(@Param('token') token: string) {
    return this.links.describeInvite(token);
  }

  @Post('invites/:token/accept')
  @ApiOperation({ summary: 'Accept an invite: join the organisation and sign in (public)' })
  @ApiCreatedResponse({ type: SessionDto })
  @ApiErrors(
    400,
    [401, 'INVALID_CREDENTIALS: wrong password for an existing account.'],
    [404, 'NOT_FOUND: unknown, used or expired link.'],
    [409, 'CONFLICT: already a member.'],
    [422, 'WEAK_PASSWORD.'],
    429,
    503,
  )
  async acceptInvite(
    @Param('token') token: string,
    @Body() dto: AcceptInviteDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionDto> {
    const session = await withRetryAfter(res, () => this.links.acceptInvite(token, dto, addressOf(req)));
    setSessionCookie(res, session.token, this.config.nodeEnv);
    return session;
  }

  @Post('password-resets/:token')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Set a new password from a reset link (public)',
    description: 'The member’s sessions end; sign in again.',
  })
  @ApiNoContentResponse()
  @ApiErrors(400, [404, 'NOT_FOUND: unknown, used or expired link.'], [422, 'WEAK_PASSWORD.'], 503)
  async resetPassword(@Param('token') token: string, @Body() dto: ResetPasswordDto): Promise<void> {
    await this.links.resetPassword(token, dto.password);
  }
}
