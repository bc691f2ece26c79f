import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { JsonBody } from '../platform/http/body-parsing.js';
import { HeavyRead, HeavyWrite } from '../platform/http/heavy-requests.js';
import { ClientGoneError, jsonResponseStream } from '../platform/http/response-stream.js';
import { StatementTimeout } from '../platform/database/statement-timeout.js';
import { INTERCHANGE_EXAMPLE } from './interchange.example.js';
import { PortfolioExportService } from './portfolio-export.service.js';
import { PortfolioService } from './portfolio.service.js';

@ApiTags('interchange')
@Controller('portfolio')
export class PortfolioController {
  constructor(
    private readonly portfolio: PortfolioService,
    private readonly exports: PortfolioExportService,
  ) {}

  /** Streamed as it is read (one consistent snapshot, in batches), never built whole in memory. */
  @Get('export')
  @HeavyRead()
  @ApiOkResponse({
    description: 'The organisation’s portfolio as one interchange document (format throughline/v1).',
    schema: { example: INTERCHANGE_EXAMPLE },
  })
  async export(@Res() res: Response): Promise<void> {
    try {
      await this.exports.writeTo(jsonResponseStream(res));
      res.end();
    } catch (error) {
      // Nobody is left to answer; the snapshot was rolled back and its connection handed back.
      if (!(error instanceof ClientGoneError)) throw error;
    }
  }

  /**
   * The document is checked as a whole by the domain's validator (every error with its JSON path), not by a DTO.
   * A 60,000-node organisation is a 36 MB document of ~300,000 objects and arrays; the limits leave it twice that room,
   * while a hostile document of a million empty objects is refused before it is parsed (parsing costs ~3 µs a value).
   * One import at a time per process; its statements may run for minutes.
   */
  @Post('import')
  @HeavyWrite()
  @JsonBody({ limit: 64 * 1024 * 1024, maxContainers: 600_000 })
  @StatementTimeout(600_000)
  @HttpCode(200)
  @ApiBody({
    description: 'An interchange document (format throughline/v1).',
    schema: { example: INTERCHANGE_EXAMPLE },
  })
  @ApiOkResponse({
    description: 'What changed, per section: { created, updated, unchanged }.',
    schema: {
      example: {
        businessUnits: { created: 1, updated: 0, unchanged: 0 },
        nodes: { created: 3, updated: 0, unchanged: 0 },
        links: { created: 2, updated: 0, unchanged: 0 },
        checkIns: { created: 1, updated: 0, unchanged: 0 },
      },
    },
  })
  @ApiUnprocessableEntityResponse({
    description: 'IMPORT_INVALID: `details` lists every problem as { path, message }; nothing was written.',
  })
  import(@Body() document: unknown) {
    return this.portfolio.import(document);
  }
}
