import type { Response } from 'express';

/** The client closed the connection (or stopped reading) while an answer was still being written. */
export class ClientGoneError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'ClientGoneError';
  }
}

export interface ResponseStream {
  /** Sets the status and headers (nothing is sent until the first write). */
  begin(): void;
  /** Writes a chunk; false when the socket's buffer is full and the writer should wait for `drained`. */
  write(chunk: string): boolean;
  /** Resolves when the client reads again; rejects when it left, or has not read for `stallMs`. */
  drained(): Promise<void>;
}

/**
 * A JSON answer written piece by piece with back-pressure, for documents too large to build in
 * memory. A client that stops reading for `stallMs` is cut off, so it cannot hold the database
 * snapshot (and its pooled connection) open for ever.
 */
export function jsonResponseStream(res: Response, stallMs = 30_000): ResponseStream {
  // One 'drain' listener for the whole answer, added once: with response compression (app.setup.ts) `res.on('drain')`
  // listens to the compressor, and `res.off` could not take a listener added per wait off it again.
  let drainWaiter: (() => void) | undefined;
  return {
    begin() {
      res.status(200);
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.on('drain', () => drainWaiter?.());
    },
    write(chunk) {
      if (res.destroyed || res.writableEnded) throw new ClientGoneError('The client closed the connection.');
      return res.write(chunk);
    },
    drained() {
      if (res.destroyed) return Promise.reject(new ClientGoneError('The client closed the connection.'));
      return new Promise<void>((resolve, reject) => {
        const done = (error?: Error) => {
          clearTimeout(timer);
          drainWaiter = undefined;
          res.off('close', onClose);
          if (error) reject(error);
          else resolve();
        };
        const onClose = () => done(new ClientGoneError('The client closed the connection.'));
        const timer = setTimeout(() => {
          res.destroy();
          done(new ClientGoneError(`The client read nothing for ${stallMs / 1000} s.`));
        }, stallMs);
        drainWaiter = () => done();
        res.once('close', onClose);
      });
    },
  };
}
