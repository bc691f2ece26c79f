import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { InterchangeDocument } from '@throughline/domain';

/**
 * Writes an interchange document as compact JSON with one business unit, node, link or check-in
 * per line: as small as plain `JSON.stringify`, yet `head`, `grep` and `diff` still work on it.
 * Answers the number of bytes written.
 */
export function writeDocument(path: string, document: InterchangeDocument): number {
  const section = (name: string, items: readonly unknown[]) =>
    `"${name}":[\n${items.map((item) => JSON.stringify(item)).join(',\n')}\n]`;
  const text =
    `{"format":${JSON.stringify(document.format)},\n` +
    [
      section('businessUnits', document.businessUnits),
      section('nodes', document.nodes),
      section('links', document.links),
      section('checkIns', document.checkIns),
    ].join(',\n') +
    '}\n';
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return Buffer.byteLength(text);
}
