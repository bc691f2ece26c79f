// Proves the lint guards catch what they are for: run by `npm run lint` (node --test).
// Each snippet is linted with the repository's real eslint.config.mjs at a path inside the
// repository (as text: nothing is written), type-aware rules aside (they need a program, and
// the guards tested here do not).
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const ROOT = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfigFile: path.join(ROOT, 'eslint.config.mjs'),
  overrideConfig: [tseslint.configs.disableTypeChecked],
});

/** The rule ids reported for `code` as if it were the file `file`. */
async function problems(file, code) {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

const lines = (n) => Array.from({ length: n }, (_, i) => `export const v${i} = ${i};`).join('\n') + '\n';

describe('import boundaries', () => {
  it('libs/domain imports no framework', async () => {
    const found = await problems(
      'libs/domain/src/lint-fixture.ts',
      "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n",
    );
    assert.equal(found.length, 1, found.join('\n'));
    assert.match(found[0], /^no-restricted-imports: .*framework-free/);
  });

  it('libs/domain reaches no file outside itself', async () => {
    const found = await problems(
      'libs/domain/src/lint-fixture.ts',
      "import { NodesService } from '../../../apps/api/src/nodes/nodes.service.js';\nexport const x = NodesService;\n",
    );
    assert.deepEqual(
      found.map((p) => p.split(':')[0]),
      ['throughline/boundaries'],
    );
  });

  it('the web app never imports the API', async () => {
    const found = await problems(
      'apps/web/src/features/lint-fixture.ts',
      "import type { CreateNodeDto } from '../../../api/src/nodes/dto/create-node.dto.js';\nexport type X = CreateNodeDto;\n",
    );
    assert.deepEqual(
      found.map((p) => p.split(':')[0]),
      ['throughline/boundaries'],
    );
    assert.match(found[0], /never imports the API/);
  });

  it('platform/ imports no feature', async () => {
    const found = await problems(
      'apps/api/src/platform/database/lint-fixture.ts',
      "import { NodeEntity } from '../../nodes/node.entity.js';\nexport const x = NodeEntity;\n",
    );
    assert.deepEqual(
      found.map((p) => p.split(':')[0]),
      ['throughline/boundaries'],
    );
  });

  it("a feature does not reach into another feature's internals, only its public surface", async () => {
    const internal = await problems(
      'apps/api/src/audit/lint-fixture.ts',
      "import { CreateNodeDto } from '../nodes/dto/create-node.dto.js';\nexport const x = CreateNodeDto;\n",
    );
    assert.deepEqual(
      internal.map((p) => p.split(':')[0]),
      ['throughline/boundaries'],
    );
    assert.match(internal[0], /another feature's internals/);
    const publicSurface = await problems(
      'apps/api/src/audit/lint-fixture.ts',
      "import { NodesRepository } from '../nodes/nodes.repository.js';\nexport const x = NodesRepository;\n",
    );
    assert.deepEqual(publicSurface, []);
  });
});

describe('max-lines', () => {
  it('reports a 301-line source file and accepts 300 (blank lines and comments not counted)', async () => {
    const over = await problems('apps/api/src/nodes/lint-fixture.ts', lines(301));
    assert.deepEqual(over, ['max-lines: File has too many lines (301). Maximum allowed is 300.']);
    const padded = `${lines(300)}\n\n// a comment\n/** another */\n`;
    assert.deepEqual(await problems('libs/domain/src/lint-fixture.ts', padded), []);
  });

  it('exempts generated files', async () => {
    assert.deepEqual(await problems('apps/web/src/api/lint-fixture.gen.ts', lines(400)), []);
  });
});
