import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../platform/http/params.js';
import { ApiErrors } from '../platform/openapi/api-errors.js';
import { RestoredDto } from './dto/restored.response.js';
import { RestoreService } from './restore.service.js';

/** Undo of a delete, beside the nodes it brings back. */
@ApiTags('nodes')
@Controller('nodes')
export class RestoreController {
  constructor(private readonly restore: RestoreService) {}

  @Post(':id/restore')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Restore a deleted node',
    description:
      'Brings a deleted node back with the same id and key, its check-ins and the links deleted with it, in one ' +
      'transaction, from the change log. Links that cannot come back (the other end is gone, the same link exists ' +
      'again, or it would close a chain loop) are listed in skippedLinks.',
  })
  @ApiOkResponse({ type: RestoredDto })
  @ApiErrors(
    400,
    [404, 'NOT_FOUND: no deleted node with this id.'],
    [409, 'CONFLICT: the node exists; KEY_TAKEN: another node has its key now.'],
    503,
  )
  restoreNode(@UuidParam() id: string) {
    return this.restore.restoreNode(id);
  }
}
