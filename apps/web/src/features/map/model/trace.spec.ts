import type { TraceView } from '@throughline/domain';
import { summariseTrace, traceHighlight } from './trace';
import { graphLink, graphNode } from './testGraph';

const trace: TraceView = {
  rootId: 'OBJ-2',
  direction: 'both',
  nodes: [
    graphNode('THM-1', 'theme'),
    graphNode('OBJ-1', 'objective'),
    graphNode('OBJ-2', 'objective'),
    graphNode('KR-2', 'key_result'),
    graphNode('PRJ-7', 'project'),
    graphNode('PRJ-10', 'project'),
    graphNode('BAU-3', 'bau'),
  ],
  links: [
    graphLink('OBJ-1', 'THM-1'),
    graphLink('OBJ-2', 'OBJ-1'),
    graphLink('OBJ-2', 'THM-1'),
    graphLink('KR-2', 'OBJ-2'),
    graphLink('PRJ-10', 'KR-2'),
    graphLink('PRJ-7', 'KR-2'),
    graphLink('BAU-3', 'OBJ-2'),
    graphLink('PRJ-7', 'PRJ-10', 'depends_on'),
  ],
};

describe(summariseTrace.name, () => {
  it('lists the paths up to the themes, shortest first, theme first', () => {
    const summary = summariseTrace(trace)!;
    expect(summary.paths.map((p) => p.map((n) => n.key))).toEqual([
      ['THM-1', 'OBJ-2'],
      ['THM-1', 'OBJ-1', 'OBJ-2'],
    ]);
  });

  it('lists the work below in key order, numbers compared as numbers', () => {
    expect(summariseTrace(trace)!.delivery.map((n) => n.key)).toEqual(['BAU-3', 'PRJ-7', 'PRJ-10']);
  });

  it('gives a theme its own one-step path and nothing for a root it does not hold', () => {
    const themeTrace = { ...trace, rootId: 'THM-1' };
    expect(summariseTrace(themeTrace)!.paths.map((p) => p.map((n) => n.key))).toEqual([['THM-1']]);
    expect(summariseTrace({ ...trace, rootId: 'nope' })).toBeNull();
  });
});

describe(traceHighlight.name, () => {
  it('lights every node and link of the trace', () => {
    const lit = traceHighlight(trace);
    expect(lit.nodeIds.size).toBe(7);
    expect(lit.linkIds.has('KR-2>OBJ-2:contributes_to')).toBe(true);
  });
});
