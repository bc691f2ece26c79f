import { Global, Module } from '@nestjs/common';
import { ChangeLogController } from './change-log.controller.js';
import { ChangeLogRepository } from './change-log.repository.js';
import { ChangeLogService } from './change-log.service.js';

/**
 * The change log: every create, update and delete of a node, link, business unit, check-in,
 * waiver, RAID item or OKR cycle, written by the service that makes the change, in the same transaction; and its
 * listing for admins (`GET /api/change-log`).
 */
@Global()
@Module({
  controllers: [ChangeLogController],
  providers: [ChangeLogRepository, ChangeLogService],
  exports: [ChangeLogRepository],
})
export class ChangeLogModule {}
