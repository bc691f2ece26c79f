import { Controller, Get } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { HeavyRead } from '../platform/http/heavy-requests.js';
import { UuidParam } from '../platform/http/params.js';
import { ImpactService } from './impact.service.js';

/** Lives under `/graph` beside the graph views, as a question about the graph. */
@ApiTags('graph')
@Controller('graph')
export class ImpactController {
  constructor(private readonly impact: ImpactService) {}

  @Get('impact/:id')
  @HeavyRead()
  @ApiOkResponse({
    description:
      'WorkImpact (libs/domain, impact/impact.ts): if this work item were cancelled, the active key results and ' +
      'objectives that lose all their delivery, those that lose part (with the share lost by weight), and the work ' +
      'that depends on it.',
  })
  @ApiNotFoundResponse({ description: 'No node has that id.' })
  @ApiUnprocessableEntityResponse({ description: 'INVALID_FIELD: the node is not a work item.' })
  ofCancelling(@UuidParam() id: string) {
    return this.impact.ofCancelling(id);
  }
}
