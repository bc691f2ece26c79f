import { Injectable } from '@nestjs/common';
import type { ChangeLogEntry } from '@throughline/domain';
import { requireRole } from '../auth/current-principal.js';
import { ChangeLogRepository } from './change-log.repository.js';
import type { ChangeLogQuery } from './dto/change-log.dto.js';

/** The organisation's audit trail as an admin reads it: who changed what, when. */
@Injectable()
export class ChangeLogService {
  constructor(private readonly log: ChangeLogRepository) {}

  async list(query: ChangeLogQuery): Promise<{ entries: ChangeLogEntry[]; nextBefore: number | null }> {
    requireRole('admin');
    const limit = query.limit ?? 50;
    const entries = await this.log.list({
      actor: query.actor?.trim() || undefined,
      entityType: query.entityType,
      action: query.action,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      before: query.before,
      limit,
    });
    return { entries, nextBefore: entries.length === limit ? entries[entries.length - 1].id : null };
  }
}
