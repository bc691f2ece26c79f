import { Injectable } from '@nestjs/common';
import { cycleDatesProblem, type OkrCycle } from '@throughline/domain';
import { ChangeLogRepository } from '../change-log/change-log.repository.js';
import { Db } from '../platform/database/db.js';
import { DomainError } from '../platform/errors/domain-error.js';
import { requestContext } from '../platform/request-context/request-context.js';
import type { CreateOkrCycleDto, UpdateOkrCycleDto } from './dto/okr-cycle.dto.js';
import { OkrCyclesRepository, type CycleValues } from './okr-cycles.repository.js';

/**
 * OKR cycles (docs/domain.md, "OKR cycles"): everyone reads them, a PMO or admin defines them (the route table says
 * who). Each change is in the change log, in the same transaction.
 */
@Injectable()
export class OkrCyclesService {
  constructor(
    private readonly db: Db,
    private readonly cycles: OkrCyclesRepository,
    private readonly changeLog: ChangeLogRepository,
  ) {}

  list(): Promise<OkrCycle[]> {
    return this.cycles.list();
  }

  async get(id: string): Promise<OkrCycle> {
    return (await this.cycles.find(id)) ?? notFound(id);
  }

  create(dto: CreateOkrCycleDto): Promise<OkrCycle> {
    return this.write(async () => {
      const values = await this.checked({ name: dto.name.trim(), startsOn: dto.startsOn, endsOn: dto.endsOn });
      const id = await this.cycles.insert(values);
      const after = (await this.cycles.find(id))!;
      await this.log('create', id, null, after);
      return after;
    });
  }

  update(id: string, dto: UpdateOkrCycleDto): Promise<OkrCycle> {
    return this.write(async () => {
      const before = (await this.cycles.find(id)) ?? notFound(id);
      const values = await this.checked(
        {
          name: dto.name?.trim() ?? before.name,
          startsOn: dto.startsOn ?? before.startsOn,
          endsOn: dto.endsOn ?? before.endsOn,
        },
        id,
      );
      if (values.name === before.name && values.startsOn === before.startsOn && values.endsOn === before.endsOn) {
        return before;
      }
      await this.cycles.update(id, values);
      const after = (await this.cycles.find(id))!;
      await this.log('update', id, before, after);
      return after;
    });
  }

  /** The cycle goes; its key results stay, in no cycle. */
  delete(id: string): Promise<void> {
    return this.write(async () => {
      const before = (await this.cycles.find(id)) ?? notFound(id);
      await this.cycles.delete(id);
      await this.log('delete', id, before, null);
    });
  }

  /** Under the organisation's graph lock: a key result being assigned cannot see its cycle vanish mid-way. */
  private write<T>(work: () => Promise<T>): Promise<T> {
    return this.db.transaction(work, { lockGraphOf: requestContext.orgId() });
  }

  private async checked(values: CycleValues, except?: string): Promise<CycleValues> {
    if (!values.name) {
      throw new DomainError('INVALID_FIELD', 'A cycle needs a name.', [
        { field: 'name', problems: ['must not be blank'] },
      ]);
    }
    const datesProblem = cycleDatesProblem(values.startsOn, values.endsOn);
    if (datesProblem) {
      throw new DomainError('INVALID_FIELD', `endsOn ${datesProblem}.`, [
        { field: 'endsOn', problems: [datesProblem] },
      ]);
    }
    if (await this.cycles.nameTaken(values.name, except)) {
      throw new DomainError('KEY_TAKEN', `A cycle named “${values.name}” already exists.`, [
        { field: 'name', problems: ['is taken'] },
      ]);
    }
    return values;
  }

  private log(action: 'create' | 'update' | 'delete', id: string, before: OkrCycle | null, after: OkrCycle | null) {
    // The count of key results is derived, not part of the cycle: leave it out of the record.
    const plain = (c: OkrCycle | null) => c && { id: c.id, name: c.name, startsOn: c.startsOn, endsOn: c.endsOn };
    return this.changeLog.append([
      { action, entityType: 'okr_cycle', entityId: id, nodeIds: [], before: plain(before), after: plain(after) },
    ]);
  }
}

function notFound(id: string): never {
  throw new DomainError('NOT_FOUND', `No OKR cycle ${id} in this organisation.`);
}
