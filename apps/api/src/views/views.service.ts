import { Injectable } from '@nestjs/common';
import type { LinkState } from '@throughline/domain';
import { DomainError } from '../platform/errors/domain-error.js';
import type { ViewQuery, TraceQuery } from './dto/views.query.js';
import { ViewsRepository, type ViewText } from './views.repository.js';

export const DEFAULT_VIEW_LIMIT = 2000;

/**
 * The graph as the map and PMO tools read it. A large organisation's whole graph is ~50 MB
 * of JSON, so the map asks for scoped views; each is one query whose JSON PostgreSQL builds.
 */
@Injectable()
export class ViewsService {
  constructor(private readonly views: ViewsRepository) {}

  async view(query: ViewQuery): Promise<string> {
    const states = statesFor(query.includeProposed ?? true);
    const limit = query.limit ?? DEFAULT_VIEW_LIMIT;
    const scope =
      query.scope === 'auto'
        ? (await this.views.nodeCount()) <= limit
          ? 'all'
          : 'strategy'
        : (query.scope ?? 'strategy');
    switch (scope) {
      case 'strategy':
        return found(await this.views.strategyView(states), 'organisation');
      case 'all':
        return found(await this.views.allView(states, limit), 'organisation');
      case 'chain':
        return found(await this.views.chainView(query.rootId!, states, limit), `node ${query.rootId}`);
      case 'business_unit':
        return found(
          await this.views.businessUnitView(query.businessUnitId!, states, limit),
          `business unit ${query.businessUnitId}`,
        );
    }
  }

  async trace(id: string, query: TraceQuery): Promise<string> {
    const view = await this.views.trace(id, query.direction ?? 'down', statesFor(query.includeProposed ?? false));
    return found(view, `node ${id}`);
  }
}

function statesFor(includeProposed: boolean): LinkState[] {
  return includeProposed ? ['approved', 'proposed'] : ['approved'];
}

function found(view: ViewText, what: string): string {
  if (!view.found) throw new DomainError('NOT_FOUND', `No ${what} in this organisation.`);
  return view.json;
}
