import { Global, Module } from '@nestjs/common';
import { ChangeLogRepository } from './change-log.repository.js';

/**
 * The change log: every create, update and delete of a node, link, business unit, check-in
 * or waiver, written by the service that makes the change, in the same transaction.
 */
@Global()
@Module({ providers: [ChangeLogRepository], exports: [ChangeLogRepository] })
export class ChangeLogModule {}
