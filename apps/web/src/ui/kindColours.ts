import type { LinkKind, NodeKind } from '@throughline/domain';

/**
 * The colours of the kinds, defined here only. The canvas needs them as values (React Flow draws the
 * minimap and the links' arrowheads with colours it is given, and SVG presentation attributes cannot
 * read CSS variables); the stylesheets get them as custom properties on :root (`applyKindColours`),
 * which `.kind-<kind>` and `.link-<kind>` map to `--kind` and `--link` (ui/ui.css, edges/edges.css).
 */

/** One colour per node kind: a card's band, icon and key, the palette, the panel head, the minimap. */
export const KIND_COLOURS: Readonly<Record<NodeKind, string>> = {
  theme: '#6d28d9',
  objective: '#1d4ed8',
  key_result: '#0e7490',
  programme: '#a16207',
  project: '#c2410c',
  bau: '#15803d',
  asset: '#be185d',
};

/** One colour per link kind: the line and its arrowhead, on the map and in the far-zoom picture. */
export const LINK_COLOURS: Readonly<Record<LinkKind, string>> = {
  contributes_to: '#5b6b82',
  part_of: '#a16207',
  delivers: '#0f766e',
  depends_on: '#ea580c',
};

/** The custom properties the stylesheets read: `--kind-<kind>` and `--link-<kind>`. */
export function kindColourProperties(): [name: string, value: string][] {
  return [
    ...Object.entries(KIND_COLOURS).map(([kind, colour]): [string, string] => [`--kind-${kind}`, colour]),
    ...Object.entries(LINK_COLOURS).map(([kind, colour]): [string, string] => [`--link-${kind}`, colour]),
  ];
}

/** Sets the kinds' colours as custom properties (on the document's root unless told), before the app renders. */
export function applyKindColours(style: CSSStyleDeclaration = document.documentElement.style) {
  for (const [name, value] of kindColourProperties()) style.setProperty(name, value);
}
