/** A start refused for a reason the operator must fix; the message says what and how. */
export class EmbeddedPostgresError extends Error {
  constructor(
    message: string,
    readonly reason: 'in-use' | 'pglite-data' | 'incompatible-cluster' | 'no-binaries' | 'failed',
  ) {
    super(message);
    this.name = 'EmbeddedPostgresError';
  }
}
