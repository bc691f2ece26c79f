import { Body, Controller, Delete, Get, HttpCode, Patch, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { clearSessionCookie } from '../auth/session-cookie.js';
import { PortfolioExportService } from '../portfolio-io/portfolio-export.service.js';
import { AppConfig } from '../platform/config/app-config.js';
import { HeavyRead } from '../platform/http/heavy-requests.js';
import { ClientGoneError, jsonResponseStream } from '../platform/http/response-stream.js';
import { ApiErrors } from '../platform/openapi/api-errors.js';
import { DeleteOrganisationDto, OrganisationDto, UpdateOrganisationDto } from './dto/organisation.dto.js';
import { OrganisationAdminService } from './organisation-admin.service.js';

@ApiTags('organisation')
@Controller('organisation')
export class OrganisationController {
  constructor(
    private readonly organisation: OrganisationAdminService,
    private readonly portfolio: PortfolioExportService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The organisation of the session, with its settings' })
  @ApiOkResponse({ type: OrganisationDto })
  @ApiErrors(401, 503)
  get() {
    return this.organisation.get();
  }

  @Patch()
  @ApiOperation({ summary: 'Change the organisation’s name, currency, locale or TOTP requirement (admin)' })
  @ApiOkResponse({ type: OrganisationDto })
  @ApiErrors(400, 401, 403, 503)
  update(@Body() dto: UpdateOrganisationDto) {
    return this.organisation.update(dto);
  }

  /** Streamed: the envelope and members first, then the interchange document as the portfolio export writes it. */
  @Get('export')
  @HeavyRead()
  @ApiOperation({
    summary: 'Export the whole organisation (admin)',
    description:
      '`{ format, exportedAt, organisation, members, portfolio }`: the settings, the members without any secret, and ' +
      'the portfolio as an interchange document (throughline/v1), importable into another organisation.',
  })
  @ApiOkResponse({
    description: 'The organisation as one document.',
    schema: { type: 'object', additionalProperties: true },
  })
  @ApiErrors(401, 403, 503)
  async export(@Res() res: Response): Promise<void> {
    const header = await this.organisation.exportHeader();
    const stream = jsonResponseStream(res);
    const head = JSON.stringify(header).slice(0, -1);
    try {
      await this.portfolio.writeTo({
        begin: () => {
          stream.begin();
          res.setHeader('Content-Disposition', `attachment; filename="${header.organisation.slug}.json"`);
          stream.write(`${head},"portfolio":`);
        },
        write: (chunk) => stream.write(chunk),
        drained: () => stream.drained(),
      });
      stream.write('}');
      res.end();
    } catch (error) {
      if (!(error instanceof ClientGoneError)) throw error;
    }
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete the organisation and everything in it (admin)',
    description: 'Cannot be undone: export first. Members who belong to no other organisation lose their account.',
  })
  @ApiNoContentResponse()
  @ApiErrors(400, 401, 403, [422, 'INVALID_STATE: the demo organisation.'], 503)
  async delete(@Body() dto: DeleteOrganisationDto, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.organisation.delete(dto.confirmName);
    clearSessionCookie(res, this.config.nodeEnv);
  }
}
