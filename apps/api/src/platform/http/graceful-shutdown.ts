import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** How long connections may take to end by themselves once every answer is written. */
const LINGER_MS = 2_000;

export interface DrainResult {
  /** Requests still unanswered when the time ran out (their connections were closed). */
  abandoned: number;
  ms: number;
}

/**
 * Lets the HTTP server stop without dropping a request: from the moment `drain` is called it
 * accepts no new connection, answers every request it already has (each with
 * `Connection: close`, so keep-alive clients reconnect elsewhere), closes idle keep-alive
 * sockets, and resolves when the last answer is sent — or when the time is up, closing what is
 * left. Install it before the server listens, so it sees every request.
 */
export class HttpDrain {
  private readonly inFlight = new Set<ServerResponse>();
  private draining = false;
  private idle?: () => void;

  constructor(private readonly server: Server) {
    // Before Express: the request is counted before anything can answer it.
    server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
      this.inFlight.add(res);
      if (this.draining) res.setHeader('Connection', 'close');
      res.once('close', () => {
        this.inFlight.delete(res);
        if (this.inFlight.size === 0) this.idle?.();
      });
    });
  }

  get pending(): number {
    return this.inFlight.size;
  }

  async drain(timeoutMs: number): Promise<DrainResult> {
    const started = Date.now();
    this.draining = true;
    for (const res of this.inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    // Stops listening and closes the connections that are between requests (Node ≥ 19); calls
    // back once the last connection has ended.
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    // A keep-alive socket whose answer was just sent becomes idle: close those as they appear.
    const sweeper = setInterval(() => this.server.closeIdleConnections(), 250);
    let timer: NodeJS.Timeout | undefined;
    try {
      await new Promise<void>((resolve) => {
        if (this.inFlight.size === 0) return resolve();
        this.idle = resolve;
        timer = setTimeout(resolve, timeoutMs);
      });
    } finally {
      clearInterval(sweeper);
      clearTimeout(timer);
      this.idle = undefined;
    }
    const abandoned = this.inFlight.size;
    if (abandoned === 0) {
      // Every answer is written: let the sockets end as they do after a `Connection: close`
      // answer (destroying one whose answer the client has not read yet would reset it).
      let grace: NodeJS.Timeout | undefined;
      await Promise.race([closed, new Promise((resolve) => (grace = setTimeout(resolve, LINGER_MS)))]);
      clearTimeout(grace);
    }
    this.server.closeAllConnections();
    return { abandoned, ms: Date.now() - started };
  }
}
