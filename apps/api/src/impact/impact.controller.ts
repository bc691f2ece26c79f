import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HeavyRead } from '../platform/http/heavy-requests.js';
import { UuidParam } from '../platform/http/params.js';
import { ApiErrors } from '../platform/openapi/api-errors.js';
import { WorkImpactDto } from './dto/impact.response.js';
import { ImpactService } from './impact.service.js';

/** Lives under `/graph` beside the graph views, as a question about the graph. */
@ApiTags('graph')
@Controller('graph')
export class ImpactController {
  constructor(private readonly impact: ImpactService) {}

  @Get('impact/:id')
  @HeavyRead()
  @ApiOperation({ summary: 'Impact of cancelling a work item' })
  @ApiOkResponse({
    type: WorkImpactDto,
    description:
      'WorkImpact (libs/domain, impact/impact.ts): if this work item were cancelled, the active key results and ' +
      'objectives that lose all their delivery, those that lose part (with the share lost by weight), and the work ' +
      'that depends on it.',
  })
  @ApiErrors(400, 404, [422, 'INVALID_FIELD: the node is not a work item.'], 503)
  ofCancelling(@UuidParam() id: string) {
    return this.impact.ofCancelling(id);
  }
}
