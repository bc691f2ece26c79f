import { createLogger } from './logger.js';
import { requestContext } from '../request-context/request-context.js';

describe(createLogger.name, () => {
  it('writes JSON lines stamped with the request id of the request they belong to', () => {
    const lines: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((chunk: string) => lines.push(String(chunk)) > 0) as typeof process.stdout.write;
    try {
      const logger = createLogger('info');
      requestContext.run({ requestId: 'req-7', actor: 'x' }, () => logger.info({ nodes: 3 }, 'inside a request'));
      logger.info('outside any request');
      logger.flush();
    } finally {
      process.stdout.write = write;
    }
    const [inside, outside] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(inside).toMatchObject({
      level: 30,
      msg: 'inside a request',
      requestId: 'req-7',
      nodes: 3,
      service: 'throughline-api',
    });
    expect(typeof inside.time).toBe('string');
    expect(outside.requestId).toBeUndefined();
  });
});
