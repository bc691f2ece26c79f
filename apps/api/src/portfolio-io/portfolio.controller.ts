import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { JsonBody } from '../platform/http/body-parsing.js';
import { HeavyRead, HeavyWrite } from '../platform/http/heavy-requests.js';
import { ClientGoneError, jsonResponseStream } from '../platform/http/response-stream.js';
import { StatementTimeout } from '../platform/database/statement-timeout.js';
import { ApiErrors } from '../platform/openapi/api-errors.js';
import { ImportDiffDto, ImportResultDto } from './dto/import-result.response.js';
import { INTERCHANGE_EXAMPLE } from './interchange.example.js';
import { PortfolioExportService } from './portfolio-export.service.js';
import { PortfolioService } from './portfolio.service.js';
import { parseDryRun } from './dry-run.js';

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
  @ApiOperation({ summary: 'Export the portfolio', description: 'Streamed from one consistent snapshot.' })
  @ApiOkResponse({
    description: 'The organisation’s portfolio as one interchange document (format throughline/v1, docs/api.md).',
    schema: { type: 'object', additionalProperties: true, example: INTERCHANGE_EXAMPLE },
  })
  @ApiErrors(503)
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
  @ApiOperation({
    summary: 'Import a portfolio',
    description:
      'Upserts by key; the whole document or nothing. One import at a time per process. With `dryRun=true` nothing is written: the answer is the diff (per section: counts, the entries to create, the entries to change field by field).',
  })
  @ApiQuery({ name: 'dryRun', required: false, enum: ['true', 'false'] })
  @ApiBody({
    description: 'An interchange document (format throughline/v1).',
    schema: { type: 'object', additionalProperties: true, example: INTERCHANGE_EXAMPLE },
  })
  @ApiExtraModels(ImportResultDto, ImportDiffDto)
  @ApiOkResponse({
    description:
      'What changed, per section (ImportResultDto); with dryRun=true, what would change (ImportDiffDto), the optional sections (okrCycles, waivers, raid) when the document has them.',
    schema: { anyOf: [{ $ref: getSchemaPath(ImportResultDto) }, { $ref: getSchemaPath(ImportDiffDto) }] },
  })
  @ApiErrors(
    400,
    [409, 'CONFLICT: a concurrent change got there first; try again.'],
    [413, 'PAYLOAD_TOO_LARGE: over 64 MB or 600,000 objects and arrays.'],
    415,
    [422, 'IMPORT_INVALID: `details` lists every problem as { path, message }; nothing was written.'],
    [503, 'UNAVAILABLE: another import holds the queue, or the database cannot answer; retry after `Retry-After`.'],
  )
  import(@Body() document: unknown, @Query('dryRun') dryRun?: string) {
    return parseDryRun(dryRun) ? this.portfolio.preview(document) : this.portfolio.import(document);
  }
}
