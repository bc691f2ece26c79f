import { type ArgumentsHost, BadRequestException, NotFoundException } from '@nestjs/common';
import pg from 'pg';
import { pino } from 'pino';
import { QueryFailedError } from 'typeorm';
import { BusyError } from '../concurrency/concurrency.js';
import { DomainError } from './domain-error.js';
import { HttpErrorFilter } from './http-error.filter.js';
import { requestContext } from '../request-context/request-context.js';

/** A response that records what the filter answered. */
function capture() {
  const sent: { status?: number; body?: Record<string, unknown>; headers?: Record<string, string> } = {};
  const response = {
    headersSent: false,
    setHeader(name: string, value: string) {
      sent.headers = { ...sent.headers, [name.toLowerCase()]: value };
    },
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: Record<string, unknown>) {
      sent.body = body;
      return this;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  return { host, sent };
}

describe(HttpErrorFilter.name, () => {
  const logged: string[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => logged.push(line) });
  const filter = new HttpErrorFilter(logger);

  it('answers a domain error with its code, status, message and details', () => {
    const { host, sent } = capture();
    filter.catch(new DomainError('LINK_CYCLE', 'would close a cycle', { cycle: ['A', 'B', 'A'] }), host);
    expect(sent).toEqual({
      status: 409,
      body: {
        statusCode: 409,
        code: 'LINK_CYCLE',
        message: 'would close a cycle',
        details: { cycle: ['A', 'B', 'A'] },
      },
    });
  });

  it('names HTTP errors by their status', () => {
    const { host, sent } = capture();
    filter.catch(new NotFoundException('Cannot GET /api/x'), host);
    expect(sent.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: 'Cannot GET /api/x' });
  });

  it('says a body that is not JSON is malformed', () => {
    const { host, sent } = capture();
    const parseError = Object.assign(new SyntaxError('Unexpected token'), { type: 'entity.parse.failed' });
    filter.catch(new BadRequestException('Unexpected token', { cause: parseError }), host);
    expect(sent.body).toMatchObject({ statusCode: 400, code: 'MALFORMED_REQUEST' });
  });

  it('turns a constraint a service missed into a 4xx naming the constraint', () => {
    const { host, sent } = capture();
    const driverError = Object.assign(new Error('duplicate key'), { code: '23505', constraint: 'nodes_org_key_uq' });
    filter.catch(new QueryFailedError('INSERT …', [], driverError), host);
    expect(sent.body).toEqual({
      statusCode: 409,
      code: 'CONFLICT',
      message: 'That already exists.',
      details: { constraint: 'nodes_org_key_uq' },
    });
  });

  it('maps the same refusal when it comes straight from pg (reads outside a transaction)', () => {
    const { host, sent } = capture();
    const refusal = Object.assign(new pg.DatabaseError('invalid byte sequence for encoding "UTF8": 0x00', 0, 'error'), {
      code: '22021',
    });
    filter.catch(refusal, host);
    expect(sent.body).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Text may not contain the NUL character (\\u0000).',
    });
  });

  it('answers anything else with a plain 500: no message, no stack, only the request id to quote', () => {
    const { host, sent } = capture();
    requestContext.run({ requestId: 'req-42', actor: 'x' }, () =>
      filter.catch(new TypeError("Cannot read properties of undefined (reading 'secret')"), host),
    );
    expect(sent).toEqual({
      status: 500,
      body: { statusCode: 500, code: 'INTERNAL', message: 'Internal server error.', details: { requestId: 'req-42' } },
    });
    expect(JSON.stringify(sent.body)).not.toMatch(/secret|at |TypeError/);
    // …while the log keeps what the client is not told.
    expect(logged.some((line) => line.includes("reading 'secret'") && line.includes('"level":50'))).toBe(true);
  });

  describe('a database that cannot serve now: 503 UNAVAILABLE with Retry-After, never a 500', () => {
    const pgError = (code: string, message = 'refused') =>
      Object.assign(new pg.DatabaseError(message, 0, 'error'), { code });
    const cases: [string, unknown][] = [
      ['terminated by an administrator (57P01)', pgError('57P01')],
      ['crash shutdown (57P02)', pgError('57P02')],
      ['starting up (57P03)', pgError('57P03')],
      ['a connection exception (08006)', pgError('08006')],
      ['the statement timeout (57014), through TypeORM', new QueryFailedError('SELECT', [], pgError('57014'))],
      ['the lock timeout (55P03)', pgError('55P03')],
      ['too many connections (53300)', pgError('53300')],
      ['connection refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
      [
        'refused on every address of localhost',
        new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })], 'connect failed'),
      ],
      ['a connection lost mid-query', new Error('Connection terminated unexpectedly')],
      ['a connection that could not be opened in time', new Error('Connection terminated due to connection timeout')],
      ['no pooled connection within 2 s', new Error('timeout exceeded when trying to connect')],
      ['no answer within the read timeout', new Error('Query read timeout')],
      [
        'a server socket gone',
        Object.assign(new Error('connect ENOENT /x/.s.PGSQL.5432'), { code: 'ENOENT', syscall: 'connect' }),
      ],
    ];

    it.each(cases)('%s', (_name, error) => {
      const { host, sent } = capture();
      filter.catch(error, host);
      expect(sent.status).toBe(503);
      expect(sent.body).toMatchObject({ statusCode: 503, code: 'UNAVAILABLE' });
      expect(Number(sent.headers?.['retry-after'])).toBeGreaterThan(0);
      expect(JSON.stringify(sent.body)).not.toMatch(/ECONNREFUSED|57P01|terminated|5432/);
    });

    it('a full lane: 503 with its Retry-After', () => {
      const { host, sent } = capture();
      filter.catch(new BusyError('busy', 3), host);
      expect(sent).toMatchObject({
        status: 503,
        body: { code: 'UNAVAILABLE', message: 'busy' },
        headers: { 'retry-after': '3' },
      });
    });

    it('a missing file is not a database outage', () => {
      const { host, sent } = capture();
      filter.catch(Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT', syscall: 'open' }), host);
      expect(sent.status).toBe(500);
    });
  });
});
