import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { INTERCHANGE_EXAMPLE } from './interchange.example.js';
import { PortfolioService } from './portfolio.service.js';

@ApiTags('interchange')
@Controller('portfolio')
export class PortfolioController {
  constructor(private readonly portfolio: PortfolioService) {}

  @Get('export')
  @ApiOkResponse({
    description: 'The organisation’s portfolio as one interchange document (format throughline/v1).',
    schema: { example: INTERCHANGE_EXAMPLE },
  })
  export() {
    return this.portfolio.export();
  }

  /** The document is checked as a whole by the domain's validator (every error with its JSON path), not by a DTO. */
  @Post('import')
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
