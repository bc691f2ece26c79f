import { NODE_KIND_LABELS, type GraphNode, type NodeKind, type NodeRollup } from '@throughline/domain';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { MapActionsContext } from '../MapActionsContext';
import { FarContext } from './FarContext';
import { buildNodes } from '../model/elements';
import { nodeTypes } from './nodeTypes';
import type { MapNodeData } from './types';

function graphNode(kind: NodeKind, extra: Partial<GraphNode> = {}): GraphNode {
  return {
    id: `${kind}-1`,
    key: 'OBJ-3',
    kind,
    title: 'Make every home smart-ready',
    owner: 'Chief Customer Officer',
    businessUnitId: 'u1',
    status: 'active',
    health: 'amber',
    version: 1,
    ...extra,
  };
}

const rollup = (progress: number | null, derivedHealth: NodeRollup['derivedHealth'] = 'amber'): NodeRollup => ({
  nodeId: 'x',
  key: 'x',
  kind: 'objective',
  progress,
  reportedHealth: 'amber',
  derivedHealth,
});

function renderNode(node: GraphNode, data: Partial<MapNodeData> = {}, expand = jest.fn(), far = false) {
  const full: MapNodeData = {
    node,
    businessUnit: { key: 'NET', name: 'Networks' },
    rollup: null,
    findings: { total: 0, errors: 0 },
    ...data,
  };
  const nodes = buildNodes(
    [node],
    new Map([[node.id, full]]),
    { [node.id]: { x: 0, y: 0 } },
    { selectedId: null, highlight: null },
  );
  render(
    <MapActionsContext.Provider value={{ expand }}>
      <FarContext.Provider value={far}>
        <ReactFlowProvider>
          <div style={{ width: 800, height: 600 }}>
            <ReactFlow nodes={nodes} edges={[]} nodeTypes={nodeTypes} />
          </div>
        </ReactFlowProvider>
      </FarContext.Provider>
    </MapActionsContext.Provider>,
  );
  return screen.getByTestId(`node-${node.key}`);
}

describe('map node components', () => {
  it.each<NodeKind>(['theme', 'objective', 'key_result', 'programme', 'project', 'bau', 'asset'])(
    'draws a %s with its kind, key, title, owner, unit and health',
    (kind) => {
      const card = renderNode(graphNode(kind));
      expect(card).toHaveClass(`kind-${kind}`);
      expect(within(card).getByText('OBJ-3')).toBeInTheDocument();
      expect(within(card).getByText('Make every home smart-ready')).toBeInTheDocument();
      expect(within(card).getByText('Chief Customer Officer')).toBeInTheDocument();
      expect(within(card).getByText('NET')).toHaveAttribute('title', 'Networks');
      expect(within(card).getByTitle('Health: amber')).toHaveAttribute('data-health', 'amber');
      expect(within(card).getByRole('img')).toHaveAccessibleName(/./);
      // Named for a screen reader: kind, key, title and health.
      expect(card).toHaveAccessibleName(
        new RegExp(`^${NODE_KIND_LABELS[kind]} OBJ-3: Make every home smart-ready\\. Health amber\\.$`),
      );
    },
  );

  it('shows the roll-up as a progress bar on objectives and key results only', () => {
    const objective = renderNode(graphNode('objective'), { rollup: rollup(0.62) });
    expect(within(objective).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '62');
    expect(within(objective).getByText('62%')).toBeInTheDocument();
  });

  it('shows a key result with nothing measured as a dash, and no bar at all on work', () => {
    const kr = renderNode(graphNode('key_result', { key: 'KR-1' }), { rollup: rollup(null) });
    expect(within(kr).getByText('—')).toBeInTheDocument();
    const project = renderNode(graphNode('project', { key: 'PRJ-1' }), { rollup: rollup(0.5) });
    expect(within(project).queryByRole('progressbar')).toBeNull();
    expect(within(project).queryByText('50%')).toBeNull();
  });

  it('puts the number of audit findings on a badge and a red ring on nodes with errors', () => {
    const card = renderNode(graphNode('objective'), { findings: { total: 3, errors: 1 } });
    expect(within(card).getByTestId('finding-badge')).toHaveTextContent('3');
    expect(within(card).getByTestId('finding-badge')).toHaveAttribute('title', '3 audit findings, 1 error');
    expect(card).toHaveClass('has-error');
  });

  it('shows no badge and no ring without findings, and warnings without the ring', () => {
    const clean = renderNode(graphNode('project', { key: 'PRJ-1' }));
    expect(within(clean).queryByTestId('finding-badge')).toBeNull();
    const warned = renderNode(graphNode('project', { key: 'PRJ-2' }), { findings: { total: 1, errors: 0 } });
    expect(warned).not.toHaveClass('has-error');
    expect(within(warned).getByTestId('finding-badge')).toHaveClass('tl-badge-warning');
  });

  it('says when a node has no owner, and shows a status other than active', () => {
    const card = renderNode(graphNode('project', { owner: null, status: 'on_hold' }));
    expect(within(card).getByText('No owner')).toHaveClass('is-missing');
    expect(within(card).getByText('on hold')).toBeInTheDocument();
  });

  it('shows the health derived from delivery beside the reported one when they differ', () => {
    const card = renderNode(graphNode('objective', { health: 'green' }), { rollup: rollup(0.4, 'red') });
    expect(within(card).getByTitle('Reported health: green. From its delivery: red.')).toBeInTheDocument();
  });

  it('shows collapsed delivery as counts with a button that expands the chain', async () => {
    const expand = jest.fn();
    const node = graphNode('objective', { collapsed: { project: 4, bau: 1, asset: 0 } });
    const card = renderNode(node, {}, expand);
    expect(within(card).getByText('4 projects · 1 BAU')).toBeInTheDocument();
    await userEvent.click(within(card).getByRole('button', { name: 'Expand' }));
    expect(expand).toHaveBeenCalledWith(node.id);
  });

  it('gives work items dependency handles that cannot start a drag, and strategy nodes none', () => {
    const work = renderNode(graphNode('bau', { key: 'BAU-1' }));
    expect(work.querySelectorAll('.tl-handle')).toHaveLength(4);
    expect(work.querySelector('[data-handleid="dep-out"]')).not.toHaveClass('connectable');
    const theme = renderNode(graphNode('theme', { key: 'THM-1' }));
    expect(theme.querySelectorAll('.tl-handle')).toHaveLength(2);
  });

  it('zoomed far out, shows the key and title as a label and the error ring, with handles React Flow can measure', () => {
    const card = renderNode(
      graphNode('project', { key: 'PRJ-7' }),
      { findings: { total: 2, errors: 1 } },
      jest.fn(),
      true,
    );
    expect(card).toHaveClass('is-far', 'kind-project', 'has-error');
    expect(card).toHaveTextContent(/^PRJ-7 Make every home smart-ready$/);
    expect(card).toHaveAccessibleName('Project PRJ-7: Make every home smart-ready. Health amber.');
    const handles = [...card.querySelectorAll('.react-flow__handle')];
    expect(
      handles.map((h) => [h.getAttribute('data-handleid'), h.classList.contains('source') ? 'source' : 'target']),
    ).toEqual([
      ['up', 'source'],
      ['down', 'target'],
      ['dep-out', 'source'],
      ['dep-in', 'target'],
    ]);
  });

  it('zoomed far out, gives a card real handles while the pointer is on it, so a link starts at any zoom', () => {
    const card = renderNode(graphNode('project', { key: 'PRJ-7' }), {}, jest.fn(), true);
    expect(card.querySelector('[data-handleid="up"]')).not.toHaveClass('connectable');
    fireEvent.pointerEnter(card.querySelector('.tl-far-hit')!);
    expect(card.querySelector('[data-handleid="up"]')).toHaveClass('connectable', 'tl-handle-edge');
    fireEvent.pointerLeave(card.querySelector('.tl-far-hit')!);
    expect(card.querySelector('[data-handleid="up"]')).not.toHaveClass('connectable');
  });
});
