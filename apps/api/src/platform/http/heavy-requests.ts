import { Injectable, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { from, mergeMap, type Observable } from 'rxjs';
import { Lane, type LaneOptions } from '../concurrency/concurrency.js';

/**
 * The kinds of request whose memory grows with the organisation: reads of the whole graph (the
 * map's views, the audit, coverage, impact, the export) and the import. Each kind gets a lane
 * per process: a few at once, a small queue, then 503 with Retry-After — so twelve exports of
 * a 60,000-node organisation at once wait their turn instead of running the heap out.
 */
export type HeavyKind = 'read' | 'import';

export type HeavyLimits = Record<HeavyKind, Omit<LaneOptions, 'busyMessage'>>;

/**
 * Two cores: more than three whole-graph computations at once only share the CPU and add up
 * their memory. The read queue is long because a queued read holds only its socket (memory is
 * bounded by the three that run), and a map load alone sends several heavy reads at once: 90
 * concurrent GETs over the parameterless routes put ~40 heavy reads in flight. The wait, not
 * the queue, bounds how long a client can be kept. One import at a time (imports of an
 * organisation are serialised anyway).
 */
export const DEFAULT_HEAVY_LIMITS: HeavyLimits = {
  read: { concurrency: 3, queue: 256, maxWaitMs: 5_000 },
  import: { concurrency: 1, queue: 4, maxWaitMs: 5_000 },
};

const BUSY: Record<HeavyKind, string> = {
  read: 'The server is busy with other large reads; try again shortly.',
  import: 'The server is busy with another import; try again shortly.',
};

const HEAVY_KIND = 'throughline:heavy-kind';

/** A read whose cost grows with the organisation: bounded concurrency per process, then 503 with Retry-After. */
export const HeavyRead = () => SetMetadata(HEAVY_KIND, 'read' satisfies HeavyKind);

/** A write that takes a whole document (the import): one at a time per process, before its body is read. */
export const HeavyWrite = () => SetMetadata(HEAVY_KIND, 'import' satisfies HeavyKind);

/**
 * Holds a slot of the route's lane from before the body is read until the response is closed
 * (finished, or abandoned by the client), so a streamed answer keeps its slot while it streams.
 * Registered globally in app.setup.ts, before body parsing.
 */
@Injectable()
export class HeavyRequestInterceptor implements NestInterceptor {
  private readonly lanes: Record<HeavyKind, Lane>;

  constructor(limits: HeavyLimits = DEFAULT_HEAVY_LIMITS) {
    this.lanes = {
      read: new Lane({ ...limits.read, busyMessage: BUSY.read }),
      import: new Lane({ ...limits.import, busyMessage: BUSY.import }),
    };
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const kind = Reflect.getMetadata(HEAVY_KIND, context.getHandler()) as HeavyKind | undefined;
    if (!kind || context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const abandoned = new AbortController();
    const onClose = () => abandoned.abort();
    res.once('close', onClose);
    return from(this.lanes[kind].acquire(abandoned.signal)).pipe(
      mergeMap((release) => {
        res.off('close', onClose);
        if (res.closed || req.destroyed) release();
        else res.once('close', release);
        return next.handle();
      }),
    );
  }
}
