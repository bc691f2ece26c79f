import { Injectable } from '@nestjs/common';
import { Db } from '../database/db.js';

@Injectable()
export class HealthRepository {
  constructor(private readonly db: Db) {}

  /** A real round trip that also proves the schema is there (the first migration's table). */
  async ping(): Promise<void> {
    await this.db.query(`SELECT 1 FROM organisations LIMIT 1`);
  }
}
