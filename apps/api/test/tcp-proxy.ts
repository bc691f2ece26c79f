import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy between the API and PostgreSQL, for outages a test can switch on and off: the
 * database gone (connections cut and refused), or frozen (nothing answers, nothing is closed —
 * a hung server or a dead network, which no server-side timeout can catch).
 */
export class TcpProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private frozen = false;
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  /** Listens (again) on its port, or a free one the first time. */
  async start(): Promise<void> {
    this.frozen = false;
    const server = createServer((client) => this.forward(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  /** The database is gone: every connection cut, new ones refused. */
  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The database hangs: connections stay open, nothing more goes through either way. */
  freeze() {
    this.frozen = true;
    for (const socket of this.sockets) socket.pause();
  }

  private forward(client: Socket) {
    const upstream = connect(this.targetPort, this.targetHost);
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => this.sockets.delete(socket));
      if (this.frozen) socket.pause();
    }
    client.on('data', (chunk) => this.frozen || upstream.write(chunk));
    upstream.on('data', (chunk) => this.frozen || client.write(chunk));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }
}
