import { Module } from '@nestjs/common';
import { ChangeLogModule } from '../change-log/change-log.module.js';
import { LinksModule } from '../links/links.module.js';
import { NodesModule } from '../nodes/nodes.module.js';
import { RestoreController } from './restore.controller.js';
import { RestoreRepository } from './restore.repository.js';
import { RestoreService } from './restore.service.js';

/** Undoing a delete (`POST /api/nodes/:id/restore`), read from the change log. */
@Module({
  imports: [ChangeLogModule, LinksModule, NodesModule],
  controllers: [RestoreController],
  providers: [RestoreService, RestoreRepository],
})
export class RestoreModule {}
