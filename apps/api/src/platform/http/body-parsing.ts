import { Injectable, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import type { Request } from 'express';
import type { IncomingMessage } from 'node:http';
import type { Duplex, Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { from, mergeMap, type Observable } from 'rxjs';
import { DomainError } from '../errors/domain-error.js';

const MB = 1024 * 1024;

/** How much of a JSON body a route reads. */
export interface BodyPolicy {
  /** Bytes after decompression. */
  limit: number;
  /**
   * Objects and arrays in the document. What a parsed body costs in memory and time is mostly
   * its number of values, not its bytes: 30 MB of `[{},{},…]` is 10 million objects, 670 MB of
   * heap and 10 s of `JSON.parse` — so that count is refused from the raw bytes, before parsing.
   */
  maxContainers: number;
}

/** Every route with a body, unless it says otherwise: a node, a link or a waiver is a few hundred bytes. */
export const DEFAULT_BODY_POLICY: BodyPolicy = { limit: 1 * MB, maxContainers: 10_000 };

/** Deeper JSON is refused with a 400 before anything recursive (class-transformer, class-validator) sees it. */
export const MAX_JSON_DEPTH = 64;

const BODY_POLICY = 'throughline:body-policy';

/**
 * A route's own body limits, for the few that take large documents (the import). Routes without
 * it that take a `@Body()` get `DEFAULT_BODY_POLICY`; routes without a `@Body()` never read one.
 */
export const JsonBody = (policy: Partial<BodyPolicy>) =>
  SetMetadata(BODY_POLICY, { ...DEFAULT_BODY_POLICY, ...policy });

/** Nest's `@Body()` is stored as `"<RouteParamtypes.BODY>:<index>"` in the handler's route-argument metadata. */
const BODY_PARAM = /^3:\d+$/;

/**
 * Reads and parses JSON bodies after routing, for the handler that will use them: a 404, a GET
 * or any route without `@Body()` never reads a byte of the body (Node discards it). Registered
 * globally in app.setup.ts, after the heavy-request limits, so a queued import has not yet
 * buffered its document.
 */
@Injectable()
export class BodyParsingInterceptor implements NestInterceptor {
  private readonly policies = new WeakMap<object, BodyPolicy | null>();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const policy = this.policyOf(context);
    const req = context.switchToHttp().getRequest<Request>();
    if (!policy || req.body !== undefined) return next.handle();
    return from(readJsonBody(req, policy)).pipe(
      mergeMap((body) => {
        req.body = body;
        return next.handle();
      }),
    );
  }

  private policyOf(context: ExecutionContext): BodyPolicy | null {
    const handler = context.getHandler();
    let policy = this.policies.get(handler);
    if (policy === undefined) {
      const own = Reflect.getMetadata(BODY_POLICY, handler) as BodyPolicy | undefined;
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), handler.name) ?? {}) as object;
      const takesBody = Object.keys(args).some((key) => BODY_PARAM.test(key));
      policy = own ?? (takesBody ? DEFAULT_BODY_POLICY : null);
      this.policies.set(handler, policy);
    }
    return policy;
  }
}

/**
 * The request's JSON body, or undefined when it has none. Enforced while the bytes arrive, so
 * nothing past a limit is ever held: the byte limit counted on the inflated bytes (a gzip bomb
 * stops at the limit), the nesting depth and the number of objects and arrays (scanned on the
 * raw bytes, iteratively); then strict UTF-8 and `JSON.parse`.
 */
export async function readJsonBody(req: IncomingMessage, policy: BodyPolicy): Promise<unknown> {
  if (!hasBody(req)) return undefined;
  checkContentType(req.headers['content-type']);
  const declared = Number(req.headers['content-length']);
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity' && declared > policy.limit) {
    await drained(req);
    throw tooLarge(policy);
  }
  const bytes = await readBytes(req, encoding, policy);
  if (bytes.length === 0) return {};
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DomainError('MALFORMED_REQUEST', 'The request body is not valid UTF-8.');
  }
  const first = /\S/.exec(text)?.[0];
  if (first !== '{' && first !== '[') {
    throw new DomainError('MALFORMED_REQUEST', 'The request body must be a JSON object or array.');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new DomainError('MALFORMED_REQUEST', `The request body is not valid JSON: ${(error as Error).message}`);
  }
}

/** As body-parser decides it: a body is announced by Transfer-Encoding or a Content-Length (even 0). */
function hasBody(req: IncomingMessage): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = req.headers['content-length'];
  return length !== undefined && length !== '0' && !Number.isNaN(Number(length));
}

function checkContentType(header: string | undefined) {
  const [type = '', ...parameters] = (header ?? '').split(';');
  const mime = type.trim().toLowerCase();
  if (mime !== 'application/json' && !/^application\/[\w.+-]+\+json$/.test(mime)) {
    throw new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      `The request body must be JSON (Content-Type: application/json); got ${mime ? `"${mime}"` : 'no Content-Type'}.`,
    );
  }
  for (const parameter of parameters) {
    const [name, value = ''] = parameter.split('=').map((s) => s.trim().toLowerCase());
    const charset = value.replace(/^"(.*)"$/, '$1');
    if (name === 'charset' && charset !== 'utf-8' && charset !== 'utf8') {
      throw new DomainError('UNSUPPORTED_MEDIA_TYPE', `The request body must be UTF-8; got charset "${charset}".`);
    }
  }
}

function decoderFor(encoding: string): Duplex | undefined {
  switch (encoding) {
    case 'identity':
      return undefined;
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      throw new DomainError(
        'UNSUPPORTED_MEDIA_TYPE',
        `Content-Encoding "${encoding}" is not supported (gzip, deflate and br are).`,
      );
  }
}

function tooLarge(policy: BodyPolicy): DomainError {
  return new DomainError(
    'PAYLOAD_TOO_LARGE',
    `The request body is larger than the ${formatBytes(policy.limit)} limit of this route (counted after decompression).`,
    { limitBytes: policy.limit },
  );
}

function formatBytes(bytes: number): string {
  return bytes % MB === 0 ? `${bytes / MB} MB` : `${bytes} bytes`;
}

/** Reads the (inflated) body, stopping the moment a limit is passed; the rest of the request is discarded. */
function readBytes(req: IncomingMessage, encoding: string, policy: BodyPolicy): Promise<Buffer> {
  const decoder = decoderFor(encoding);
  const source: Readable = decoder ? req.pipe(decoder) : req;
  const scanner = new JsonShapeScanner(policy.maxContainers);
  const chunks: Buffer[] = [];
  let received = 0;
  return new Promise<Buffer>((resolve, reject) => {
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      source.off('data', onData);
      source.off('end', onEnd);
      source.off('error', onError);
      req.off('aborted', onAborted);
      req.off('error', onRequestError);
      if (decoder) {
        req.unpipe(decoder);
        decoder.destroy();
      }
      if (error) {
        chunks.length = 0;
        void drained(req).then(() => reject(error));
      } else {
        resolve(Buffer.concat(chunks, received));
      }
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > policy.limit) return finish(tooLarge(policy));
      const problem = scanner.scan(chunk);
      if (problem) return finish(problem);
      chunks.push(chunk);
    };
    const onEnd = () => finish();
    const onError = (error: Error) =>
      finish(
        decoder
          ? new DomainError('MALFORMED_REQUEST', `The request body could not be decompressed (${encoding}).`)
          : error,
      );
    const onAborted = () => finish(new DomainError('MALFORMED_REQUEST', 'The request was aborted while it was sent.'));
    const onRequestError = onAborted;
    source.on('data', onData);
    source.once('end', onEnd);
    source.on('error', onError);
    req.once('aborted', onAborted);
    if (decoder) req.on('error', onRequestError);
  });
}

/**
 * Reads and drops what is left of the request before we answer (a few seconds at most). Answering
 * while the client is still uploading, then closing, resets the connection: the client sees
 * ECONNRESET instead of our 413 (a 32 KB gzip bomb is refused after a few KB of it).
 */
function drained(req: IncomingMessage, maxMs = 2_000): Promise<void> {
  if (req.complete || req.destroyed) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      req.off('end', done);
      req.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, maxMs);
    req.on('end', done);
    req.on('close', done);
    req.resume();
  });
}

/**
 * Follows JSON's structure over raw bytes without building anything: strings (with escapes)
 * are skipped, `{` and `[` counted and nested, `}` and `]` unnested. The bytes it reacts to are
 * ASCII and never occur inside a multi-byte UTF-8 sequence, so chunk boundaries do not matter.
 * Malformed JSON is left for `JSON.parse` to name.
 */
class JsonShapeScanner {
  private depth = 0;
  private containers = 0;
  private inString = false;
  private escaped = false;

  constructor(private readonly maxContainers: number) {}

  scan(chunk: Buffer): DomainError | undefined {
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (byte === 0x5c) this.escaped = true;
        else if (byte === 0x22) this.inString = false;
        continue;
      }
      if (byte === 0x22) this.inString = true;
      else if (byte === 0x7b || byte === 0x5b) {
        if (++this.depth > MAX_JSON_DEPTH) {
          return new DomainError('MALFORMED_REQUEST', `The request body nests deeper than ${MAX_JSON_DEPTH} levels.`);
        }
        if (++this.containers > this.maxContainers) {
          return new DomainError(
            'PAYLOAD_TOO_LARGE',
            `The request body has more than ${this.maxContainers.toLocaleString('en')} objects and arrays (the limit of this route).`,
            { maxContainers: this.maxContainers },
          );
        }
      } else if (byte === 0x7d || byte === 0x5d) this.depth--;
    }
    return undefined;
  }
}
