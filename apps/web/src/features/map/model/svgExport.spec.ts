import { mapToSvg, wrap } from './svgExport';
import { graphLink, graphNode } from './testGraph';

describe(mapToSvg.name, () => {
  const nodes = [graphNode('OBJ-1', 'objective'), graphNode('PRJ-1', 'project'), graphNode('PRJ-2', 'project')];
  const links = [
    graphLink('PRJ-1', 'OBJ-1'),
    { ...graphLink('PRJ-2', 'PRJ-1', 'depends_on'), state: 'proposed' as const },
  ];
  const positions = { 'OBJ-1': { x: 0, y: 0 }, 'PRJ-1': { x: 0, y: 300 }, 'PRJ-2': { x: 400, y: 300 } };

  it('draws real SVG — rectangles, text and paths, no HTML — with a title, subtitle and legend', () => {
    const { svg, width, height } = mapToSvg({
      nodes,
      links,
      positions,
      title: 'Northwind Energy — strategy map',
      subtitle: '30 Nov 2026 · Whole organisation',
    });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).not.toMatch(/foreignObject|<div|<span/);
    expect(svg.match(/<g transform="translate\(\d+ \d+\)"><rect/g)).toHaveLength(3); // one card per node
    expect(svg).toContain('>OBJ-1</text>');
    expect(svg.match(/<path d="M[^"]+" fill="none"/g)).toHaveLength(2); // one path per link
    expect(svg).toContain('stroke-dasharray="2 4"'); // a dependency, dotted
    expect(svg).toContain('Northwind Energy — strategy map');
    expect(svg).toContain('30 Nov 2026 · Whole organisation');
    expect(svg).toContain('Key result'); // the legend names every kind
    expect(width).toBeGreaterThanOrEqual(660);
    expect(height).toBeGreaterThan(420);
  });

  it('escapes text and refuses an empty view', () => {
    const odd = { ...graphNode('OBJ-2', 'objective'), title: 'Grow <fast> & "well"' };
    const { svg } = mapToSvg({
      nodes: [odd],
      links: [],
      positions: { 'OBJ-2': { x: 0, y: 0 } },
      title: 't',
      subtitle: 's',
    });
    expect(svg).toContain('Grow &#60;fast&#62; &#38; &#34;well&#34;');
    expect(() => mapToSvg({ nodes: [], links: [], positions: {}, title: 't', subtitle: 's' })).toThrow(/Nothing/);
  });

  it('wraps a title into lines with an ellipsis when it does not fit', () => {
    expect(wrap('Make every home smart-ready by 2028 across the whole network area', 20, 2)).toEqual([
      'Make every home',
      'smart-ready by 2028…',
    ]);
    expect(wrap('Short', 20, 2)).toEqual(['Short']);
  });
});
