import { Controller, Get, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { HealthService } from './health.service.js';

class HealthDto {
  @ApiProperty({ enum: ['ok', 'degraded'], example: 'ok' })
  status: 'ok' | 'degraded';

  @ApiProperty({ enum: ['connected', 'unreachable'], example: 'connected' })
  database: 'connected' | 'unreachable';

  @ApiPropertyOptional({ enum: [true], description: 'Present once the process is shutting down.' })
  shuttingDown?: true;
}

/** Seconds a 503 health answer asks a prober to wait. */
const RETRY_AFTER = 5;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** Readiness: 200 when this process takes work and its database answers, 503 otherwise (with Retry-After). */
  @Get()
  @ApiOperation({ summary: 'Readiness', description: '200 when this process takes work and its database answers.' })
  @ApiOkResponse({ type: HealthDto, description: 'The API answered and ran a query on its database.' })
  @ApiServiceUnavailableResponse({
    type: HealthDto,
    description: 'The database did not answer within 3 s, or the process is shutting down.',
    headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer', example: 5 } } },
  })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthDto> {
    const health = await this.health.check();
    if (health.status !== 'ok') res.setHeader('Retry-After', String(RETRY_AFTER));
    res.status(health.status === 'ok' ? 200 : 503);
    return health;
  }
}
