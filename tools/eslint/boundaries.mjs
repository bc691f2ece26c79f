// The import boundaries docs/architecture.md describes, as one ESLint rule.
//
// Why a local rule and not eslint-plugin-boundaries or import-x/no-restricted-paths: the boundaries
// are about where an imported FILE lives, so relative specifiers must be resolved ('../../x.js' is
// x.ts under NodeNext). Those plugins resolve through eslint-import-resolver-typescript /
// unrs-resolver, a native binary package; resolving a relative path needs only node:path, and the
// package bans (frameworks in libs/domain) are ESLint's own `no-restricted-imports`.
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const API_SRC = 'apps/api/src/';
const TEST_FILE = /(\.spec\.tsx?|\.e2e-spec\.ts)$|\/(test|e2e)\//;

/** What part of the architecture a repository-relative path belongs to. */
export function areaOf(rel) {
  if (rel.startsWith('libs/domain/')) return { area: 'domain' };
  if (rel.startsWith('apps/web/')) return { area: 'web' };
  if (rel.startsWith('apps/api/src/platform/')) return { area: 'platform' };
  if (rel.startsWith(API_SRC)) {
    const parts = rel.slice(API_SRC.length).split('/');
    // apps/api/src/*.ts (app.module, app.setup, main) is the composition root: it wires everything.
    return parts.length > 1 ? { area: 'feature', feature: parts[0], inFeature: parts.slice(1) } : { area: 'root' };
  }
  if (rel.startsWith('apps/api/')) return { area: 'api' };
  return { area: 'other' };
}

/**
 * A feature's internals, which no other feature imports: anything in a subfolder (dto/, demo/…),
 * its controller (HTTP), its entities and SQL (persistence, reached through its repository).
 * Its public surface is the rest: module, services, repositories and providers such as Clock.
 */
function isFeatureInternal(inFeature) {
  if (inFeature.length > 1) return true;
  return /\.(controller|entity|sql)\.tsx?$/.test(inFeature[0]);
}

/** The repository-relative file a specifier names, or undefined for a package. */
function resolveTarget(fromFile, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const abs = path.resolve(path.dirname(fromFile), specifier).replace(/\.js$/, '.ts');
  return path.relative(ROOT, abs).split(path.sep).join('/');
}

/** The message id for an import of `specifier` from `fromRel`, or undefined when it is allowed. */
export function violation(fromRel, specifier) {
  const from = areaOf(fromRel);
  const targetRel = resolveTarget(path.join(ROOT, fromRel), specifier);
  if (targetRel === undefined) {
    if (from.area === 'web' && /^@throughline\/api(\/|$)/.test(specifier)) return 'webImportsApi';
    return undefined;
  }
  const to = areaOf(targetRel);
  if (from.area === 'domain' && to.area !== 'domain') return 'domainLeaves';
  if (from.area === 'web' && targetRel.startsWith('apps/api/')) return 'webImportsApi';
  if (from.area === 'platform' && (to.area === 'feature' || to.area === 'root')) return 'platformImportsFeature';
  if (from.area === 'feature' && to.area === 'feature' && from.feature !== to.feature) {
    if (isFeatureInternal(to.inFeature)) return 'featureInternals';
  }
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Import boundaries between libs/domain, apps/web, the API platform and API features' },
    schema: [],
    messages: {
      domainLeaves: "libs/domain is framework-free and self-contained: '{{specifier}}' leaves it.",
      webImportsApi: "The web app never imports the API ('{{specifier}}'): use the generated API types.",
      platformImportsFeature:
        "platform/ is infrastructure and imports no feature ('{{specifier}}'): invert it (a token the feature provides).",
      featureInternals:
        "'{{specifier}}' is another feature's internals (subfolder, controller, entity or SQL): go through its module, service or repository.",
    },
  },
  create(context) {
    const fromRel = path.relative(ROOT, context.filename).split(path.sep).join('/');
    // API tests reach into any feature to set up state; domain and web tests keep their boundaries.
    const area = areaOf(fromRel).area;
    if (TEST_FILE.test(fromRel) && area !== 'domain' && area !== 'web') return {};
    const check = (node) => {
      const source = node.source;
      if (!source || typeof source.value !== 'string') return;
      const messageId = violation(fromRel, source.value);
      if (messageId) context.report({ node: source, messageId, data: { specifier: source.value } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default { meta: { name: 'throughline' }, rules: { boundaries: rule } };
