/**
 * The graph request a map address makes, worked out from the address alone and with no imports:
 * `boot.js` (vite.config.ts) runs this very function from `<head>`, before the app's script has
 * arrived, so that the map's biggest request starts with the page (docs/performance.md, "Map").
 * It must agree with the app's own reading of the address (`parseMapUrl`, `viewParams`,
 * `graphViewPath`), or the early answer is simply not used: earlyGraphPath.spec.ts holds them together.
 */
export function earlyGraphPath(search: string): string {
  const params = new URLSearchParams(search);
  const asked = params.get('scope');
  const scope = asked && ['all', 'chain', 'business_unit', 'strategy'].includes(asked) ? asked : 'auto';
  const limit = Number(params.get('limit'));
  const query = new URLSearchParams({ scope, includeProposed: 'true' });
  const root = params.get('root');
  const unit = params.get('unit');
  if (scope === 'chain' && root) query.set('rootId', root);
  if (scope === 'business_unit' && unit) query.set('businessUnitId', unit);
  if (scope === 'all' || scope === 'auto') {
    query.set('limit', String(Number.isInteger(limit) && limit > 0 ? Math.min(limit, 2000) : 2000));
  }
  return `/graph?${query.toString()}`;
}
