import { DomainError } from '../errors/domain-error.js';

/** Frees the slot a `Lane` handed out; calling it again does nothing. */
export type Release = () => void;

export interface LaneOptions {
  /** How many holders at once. */
  concurrency: number;
  /** How many may wait for a slot; one more is refused at once. */
  queue: number;
  /** How long one may wait before it is refused. */
  maxWaitMs: number;
  /** What a refusal says (it is a 503 with Retry-After). */
  busyMessage: string;
}

/** Thrown when a lane is full or a wait ran out: a 503 `UNAVAILABLE` the error filter sends with `Retry-After`. */
export class BusyError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds = 1,
  ) {
    super('UNAVAILABLE', message);
  }
}

interface Waiter {
  grant: (release: Release) => void;
  timer: NodeJS.Timeout;
}

/**
 * A counting semaphore with a bounded FIFO queue and a bounded wait: the one primitive behind
 * the heavy-request limits (a few at once, a small queue, then 503) and the per-organisation
 * writer queue (one at a time). Nothing waits forever and nothing queues without bound.
 */
export class Lane {
  private active = 0;
  private readonly waiting: Waiter[] = [];

  constructor(private readonly options: LaneOptions) {}

  get holders(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** A slot, at once or after waiting in line; refused (BusyError) when the line is full or the wait too long. */
  acquire(signal?: AbortSignal): Promise<Release> {
    if (this.active < this.options.concurrency && this.waiting.length === 0) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.options.queue) {
      return Promise.reject(new BusyError(this.options.busyMessage));
    }
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = {
        grant: resolve,
        timer: setTimeout(() => {
          this.leave(waiter);
          reject(new BusyError(this.options.busyMessage));
        }, this.options.maxWaitMs),
      };
      this.waiting.push(waiter);
      signal?.addEventListener(
        'abort',
        () => {
          if (this.leave(waiter)) reject(new BusyError('The request was abandoned while it waited.'));
        },
        { once: true },
      );
    });
  }

  /** Runs `work` holding a slot. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }

  private leave(waiter: Waiter): boolean {
    clearTimeout(waiter.timer);
    const index = this.waiting.indexOf(waiter);
    if (index === -1) return false;
    this.waiting.splice(index, 1);
    return true;
  }

  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) {
        // The slot passes straight to the next in line: `active` does not change.
        clearTimeout(next.timer);
        next.grant(this.releaser());
      } else {
        this.active--;
      }
    };
  }
}

/**
 * One `Lane` of concurrency 1 per key (an organisation), created on first use and forgotten
 * when nobody holds or waits for it, so the map never grows with the number of tenants seen.
 */
export class KeyedMutex {
  private readonly lanes = new Map<string, Lane>();

  constructor(private readonly options: Omit<LaneOptions, 'concurrency'>) {}

  async acquire(key: string): Promise<Release> {
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = new Lane({ ...this.options, concurrency: 1 });
      this.lanes.set(key, lane);
    }
    const owned = lane;
    let release: Release;
    try {
      release = await owned.acquire();
    } catch (error) {
      this.forgetIfIdle(key, owned);
      throw error;
    }
    return () => {
      release();
      this.forgetIfIdle(key, owned);
    };
  }

  private forgetIfIdle(key: string, lane: Lane) {
    if (lane.holders === 0 && lane.queued === 0 && this.lanes.get(key) === lane) this.lanes.delete(key);
  }
}
