import { Module } from '@nestjs/common';
import { CheckInsRepository } from './check-ins.repository.js';

/** The check-ins repository alone, for the nodes module (deleting a key result keeps its check-ins in the change log). */
@Module({ providers: [CheckInsRepository], exports: [CheckInsRepository] })
export class CheckInsRepositoryModule {}
