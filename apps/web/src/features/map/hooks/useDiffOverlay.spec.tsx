import type { GraphNode } from '@throughline/domain';
import { render, screen, within } from '@testing-library/react';
import { ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { MapActionsContext } from '../MapActionsContext';
import { buildNodes } from '../model/elements';
import { FarContext } from '../nodes/FarContext';
import { nodeTypes } from '../nodes/nodeTypes';
import { diffMarks, MapOverlayContext, type MapOverlay } from './useDiffOverlay';

const node = (id: string, key: string): GraphNode => ({
  id,
  key,
  kind: 'project',
  title: `Project ${key}`,
  owner: 'Programme Director',
  businessUnitId: null,
  status: 'active',
  health: 'green',
  version: 1,
});

function renderCards(overlay: MapOverlay, far = false) {
  const list = [node('n1', 'PRJ-1'), node('n2', 'PRJ-2'), node('n3', 'PRJ-3')];
  const data = new Map(
    list.map((n) => [n.id, { node: n, businessUnit: null, rollup: null, findings: { total: 0, errors: 0 } }]),
  );
  const positions = Object.fromEntries(list.map((n, i) => [n.id, { x: i * 300, y: 0 }]));
  render(
    <MapActionsContext.Provider value={{ expand: jest.fn() }}>
      <FarContext.Provider value={far}>
        <MapOverlayContext.Provider value={overlay}>
          <ReactFlowProvider>
            <div style={{ width: 1000, height: 600 }}>
              <ReactFlow
                nodes={buildNodes(list, data, positions, { selectedId: null, highlight: null })}
                edges={[]}
                nodeTypes={nodeTypes}
              />
            </div>
          </ReactFlowProvider>
        </MapOverlayContext.Provider>
      </FarContext.Provider>
    </MapActionsContext.Provider>,
  );
}

describe('the map overlays', () => {
  it('marks the nodes added and changed since the snapshot, by id', () => {
    const marks = diffMarks({
      nodes: {
        added: [{ id: 'n1', key: 'PRJ-1' }],
        removed: [{ id: 'gone', key: 'PRJ-9' }],
        changed: [{ id: 'n2', record: { id: 'n2' }, changes: [{ field: 'title', from: 'a', to: 'b' }] }],
      },
    });
    expect([...marks]).toEqual([
      ['n1', 'added'],
      ['n2', 'changed'],
    ]);
    expect(diffMarks(undefined).size).toBe(0);
  });

  it('outlines added and changed cards, says so in words, and badges open red risks with a spoken count', () => {
    renderCards({
      redRisks: new Map([
        ['n1', 2],
        ['n3', 1],
      ]),
      diff: new Map([
        ['n1', 'added'],
        ['n2', 'changed'],
      ]),
    });
    const [one, two, three] = ['PRJ-1', 'PRJ-2', 'PRJ-3'].map((k) => screen.getByTestId(`node-${k}`));
    expect(one).toHaveClass('diff-added');
    expect(within(one).getByTestId('diff-tag')).toHaveTextContent('new');
    expect(two).toHaveClass('diff-changed');
    expect(within(two).getByTestId('diff-tag')).toHaveTextContent('changed');
    expect(three).not.toHaveClass('diff-added');
    expect(within(three).queryByTestId('diff-tag')).toBeNull();
    expect(within(one).getByRole('img', { name: '2 open red risks' })).toHaveTextContent('2');
    expect(within(three).getByRole('img', { name: '1 open red risk' })).toHaveTextContent('1');
    expect(within(two).queryByTestId('risk-badge')).toBeNull();
  });

  it('keeps the outline on far cards', () => {
    renderCards({ redRisks: new Map(), diff: new Map([['n1', 'added']]) }, true);
    expect(screen.getByTestId('node-PRJ-1')).toHaveClass('diff-added', 'is-far');
  });
});
