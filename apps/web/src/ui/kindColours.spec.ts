import { LINK_KINDS, NODE_KINDS } from '@throughline/domain';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { KIND_COLOURS, LINK_COLOURS, applyKindColours } from './kindColours';

const SRC = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(tsx?|css)$/.test(name) && !/\.spec\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('kind colours', () => {
  it('sets a custom property for every node kind and link kind', () => {
    const style = document.createElement('div').style;
    applyKindColours(style);
    for (const kind of NODE_KINDS) expect(style.getPropertyValue(`--kind-${kind}`)).toBe(KIND_COLOURS[kind]);
    for (const kind of LINK_KINDS) expect(style.getPropertyValue(`--link-${kind}`)).toBe(LINK_COLOURS[kind]);
  });

  it('sets them on the document root by default', () => {
    applyKindColours();
    expect(document.documentElement.style.getPropertyValue('--kind-objective')).toBe(KIND_COLOURS.objective);
  });

  it('is what the stylesheets read: each .kind-<kind> and .link-<kind> maps its property', () => {
    const ui = readFileSync(join(SRC, 'ui/ui.css'), 'utf8');
    const edges = readFileSync(join(SRC, 'features/map/edges/edges.css'), 'utf8');
    for (const kind of NODE_KINDS) expect(ui).toContain(`.kind-${kind} {\n  --kind: var(--kind-${kind});\n}`);
    for (const kind of LINK_KINDS) expect(edges).toContain(`.link-${kind} {\n  --link: var(--link-${kind});\n}`);
  });

  it('are written nowhere else in the web app', () => {
    const colours = new Set(
      [...Object.values(KIND_COLOURS), ...Object.values(LINK_COLOURS)].map((c) => c.toLowerCase()),
    );
    const elsewhere = sourceFiles(SRC)
      .filter((path) => !path.endsWith('kindColours.ts'))
      .flatMap((path) =>
        (
          readFileSync(path, 'utf8')
            .toLowerCase()
            .match(/#[0-9a-f]{6}\b/g) ?? []
        )
          .filter((hex) => colours.has(hex))
          .map((hex) => `${relative(SRC, path)}: ${hex}`),
      );
    expect(elsewhere).toEqual([]);
  });
});
