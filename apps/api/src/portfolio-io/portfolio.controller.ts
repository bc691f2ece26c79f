import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { PortfolioService } from './portfolio.service.js';

const EXAMPLE = {
  format: 'throughline/v1',
  businessUnits: [{ key: 'NET', name: 'Networks', parent: null }],
  nodes: [
    {
      key: 'OBJ-3',
      kind: 'objective',
      title: 'Make every home smart-ready',
      owner: 'Chief Customer Officer',
      status: 'active',
      health: 'amber',
      priority: 1,
      targetDate: '2028-03-31',
    },
    {
      key: 'KR-3.1',
      kind: 'key_result',
      title: 'Customers with a smart meter',
      unit: '%',
      baseline: 38,
      target: 80,
      current: 51,
      direction: 'increase',
      confidence: 0.6,
      owner: 'Head of Metering',
    },
    {
      key: 'PRJ-7',
      kind: 'project',
      title: 'Smart meter roll-out, wave 2',
      businessUnit: 'NET',
      owner: 'Programme Director',
      status: 'active',
      health: 'red',
      budget: 42000000,
      startDate: '2026-04-01',
      endDate: '2027-09-30',
    },
  ],
  links: [
    { from: 'KR-3.1', to: 'OBJ-3', kind: 'contributes_to' },
    { from: 'PRJ-7', to: 'KR-3.1', kind: 'contributes_to', weight: 40, state: 'approved' },
  ],
  checkIns: [{ node: 'KR-3.1', at: '2026-10-31', value: 51, confidence: 0.6, note: '' }],
};

@ApiTags('interchange')
@Controller('portfolio')
export class PortfolioController {
  constructor(private readonly portfolio: PortfolioService) {}

  @Get('export')
  @ApiOkResponse({
    description: 'The organisation’s portfolio as one interchange document (format throughline/v1).',
    schema: { example: EXAMPLE },
  })
  export() {
    return this.portfolio.export();
  }

  /** The document is checked as a whole by the domain's validator (every error with its JSON path), not by a DTO. */
  @Post('import')
  @HttpCode(200)
  @ApiBody({ description: 'An interchange document (format throughline/v1).', schema: { example: EXAMPLE } })
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
