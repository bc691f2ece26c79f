import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DomainError } from '../platform/errors/domain-error.js';
import { AppConfig } from '../platform/config/app-config.js';
import { ApiErrors } from '../platform/openapi/api-errors.js';
import { AuthService } from './auth.service.js';
import { requirePrincipal } from './current-principal.js';
import { ChangePasswordDto, LogInDto, SessionDto, SignUpDto, SwitchOrganisationDto } from './dto/auth.dto.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';
import { addressOf, withRetryAfter } from './login-throttle.js';
import { DemoAccountDto } from './dto/auth.dto.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';
import type { SessionView } from './session-view.js';

@ApiTags('accounts')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  @Post('sign-up')
  @ApiOperation({
    summary: 'Create an organisation and its first admin, and sign in',
    description: 'Sets the session cookie and answers the session with its token.',
  })
  @ApiCreatedResponse({ type: SessionDto })
  @ApiErrors(
    400,
    [409, 'CONFLICT: an account with this email exists.'],
    [422, 'WEAK_PASSWORD: too short or too common.'],
    503,
  )
  async signUp(@Body() dto: SignUpDto, @Res({ passthrough: true }) res: Response): Promise<SessionDto> {
    return this.withCookie(res, await this.auth.signUp(dto));
  }

  @Post('log-in')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with email and password (and TOTP code when the account has it)' })
  @ApiOkResponse({ type: SessionDto })
  @ApiErrors(400, [401, 'INVALID_CREDENTIALS, or TOTP_REQUIRED (send `totpCode`).'], 429, 503)
  async logIn(
    @Body() dto: LogInDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionDto> {
    return withRetryAfter(res, async () => this.withCookie(res, await this.auth.logIn(dto, addressOf(req))));
  }

  @Post('log-out')
  @HttpCode(204)
  @ApiOperation({ summary: 'End this session', description: 'Its token stops working at once, wherever it is.' })
  @ApiNoContentResponse()
  @ApiErrors(401, 403, 503)
  async logOut(@Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logOut(requirePrincipal());
    clearSessionCookie(res, this.config.nodeEnv);
  }

  @Get('session')
  @ApiOperation({ summary: 'The signed-in session, with a fresh token' })
  @ApiOkResponse({ type: SessionDto })
  @ApiErrors(401, 503)
  async session(@Res({ passthrough: true }) res: Response): Promise<SessionDto> {
    const principal = requirePrincipal();
    const view = await this.auth.current(principal);
    return res.req.headers.authorization ? view : this.withCookie(res, view);
  }

  @Post('switch-organisation')
  @HttpCode(200)
  @ApiOperation({ summary: 'Work in another organisation the user belongs to (a new session)' })
  @ApiOkResponse({ type: SessionDto })
  @ApiErrors(400, 401, 403, [404, 'NOT_FOUND: not a member of that organisation.'], 503)
  async switchOrganisation(
    @Body() dto: SwitchOrganisationDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionDto> {
    return this.withCookie(res, await this.auth.switchOrganisation(requirePrincipal(), dto.organisationId));
  }

  @Post('password')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Change one’s password',
    description: 'The other sessions of this account in this organisation end.',
  })
  @ApiNoContentResponse()
  @ApiErrors(400, [401, 'INVALID_CREDENTIALS: the current password is wrong.'], 403, [422, 'WEAK_PASSWORD.'], 429, 503)
  async changePassword(
    @Body() dto: ChangePasswordDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await withRetryAfter(res, () =>
      this.auth.changePassword(requirePrincipal(), dto.currentPassword, dto.newPassword, addressOf(req)),
    );
  }

  @Get('demo-accounts')
  @ApiOperation({
    summary: 'The demo users’ credentials, one per role (public, only while DEMO_SEED is on)',
    description: 'For the log-in page of a demo install; 404 when DEMO_SEED is off.',
  })
  @ApiOkResponse({ type: [DemoAccountDto] })
  @ApiErrors([404, 'ROUTE_NOT_FOUND: DEMO_SEED is off.'])
  demoAccounts(): DemoAccountDto[] {
    if (!this.config.demoSeed) throw new DomainError('ROUTE_NOT_FOUND', 'There are no demo accounts here.');
    return DEMO_ACCOUNTS.map(({ email, password, role, name }) => ({ email, password, role, name }));
  }

  private withCookie(res: Response, view: SessionView): SessionView {
    setSessionCookie(res, view.token, this.config.nodeEnv);
    return view;
  }
}
