import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { ApiErrors } from '../platform/openapi/api-errors.js';
import { requirePrincipal } from './current-principal.js';
import { TotpService } from './totp.service.js';

export class TotpCodeDto {
  @ApiProperty({ example: '123456', description: 'The current 6-digit code of the authenticator app.' })
  @Matches(/^\d{6}$/, { message: 'code must be 6 digits' })
  code: string;
}

export class TotpSetupDto {
  @ApiProperty({
    example: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
    description: 'Base32; type it into the app if it cannot scan.',
  })
  secret: string;

  @ApiProperty({ example: 'otpauth://totp/Throughline:ada%40example.com?secret=…&issuer=Throughline' })
  otpauthUrl: string;
}

@ApiTags('accounts')
@Controller('auth/totp')
export class TotpController {
  constructor(private readonly totp: TotpService) {}

  @Post('setup')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Start setting up TOTP: a new secret to scan',
    description: 'Not in force until confirmed with a code (`POST /api/auth/totp/enable`).',
  })
  @ApiOkResponse({ type: TotpSetupDto })
  @ApiErrors(401, [409, 'CONFLICT: TOTP is already on.'], 503)
  setup() {
    return this.totp.setup(requirePrincipal());
  }

  @Post('enable')
  @HttpCode(204)
  @ApiOperation({ summary: 'Turn TOTP on with a first code', description: 'Every log-in then asks for a code.' })
  @ApiNoContentResponse()
  @ApiErrors(
    400,
    401,
    [409, 'CONFLICT: already on.'],
    [422, 'INVALID_FIELD: wrong code; INVALID_STATE: not set up.'],
    503,
  )
  async enable(@Body() dto: TotpCodeDto) {
    await this.totp.enable(requirePrincipal(), dto.code);
  }

  @Post('disable')
  @HttpCode(204)
  @ApiOperation({ summary: 'Turn TOTP off with a current code' })
  @ApiNoContentResponse()
  @ApiErrors(400, 401, [422, 'INVALID_FIELD: wrong code; INVALID_STATE: not on, or the organisation requires it.'], 503)
  async disable(@Body() dto: TotpCodeDto) {
    await this.totp.disable(requirePrincipal(), dto.code);
  }
}
