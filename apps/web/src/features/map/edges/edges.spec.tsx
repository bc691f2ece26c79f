import { fireEvent, render, screen } from '@testing-library/react';
import { ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { buildEdges, buildNodeData, buildNodes } from '../model/elements';
import { graphLink, graphNode } from '../model/testGraph';
import { nodeTypes } from '../nodes/nodeTypes';
import { edgeTypes } from './edgeTypes';

const nodes = [graphNode('OBJ-1', 'objective'), graphNode('PRJ-1', 'project'), graphNode('PRJ-2', 'project')];
const positions = { 'OBJ-1': { x: 0, y: 0 }, 'PRJ-1': { x: 0, y: 300 }, 'PRJ-2': { x: 400, y: 300 } };

function renderMap(links: Parameters<typeof buildEdges>[0]) {
  const data = buildNodeData(nodes, new Map(), new Map(), new Map());
  const { container } = render(
    <ReactFlowProvider>
      <div style={{ width: 800, height: 600 }}>
        <ReactFlow
          nodes={buildNodes(nodes, data, positions, { selectedId: null, highlight: null })}
          edges={buildEdges(links, null)}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
        />
      </div>
    </ReactFlowProvider>,
  );
  return container;
}

describe('map edges', () => {
  it('shows a link’s kind and weight while the pointer is on it', () => {
    const container = renderMap([graphLink('PRJ-1', 'OBJ-1', 'contributes_to', { weight: 40 })]);
    const edge = container.querySelector('.react-flow__edge.link-contributes_to g')!;
    expect(screen.queryByTestId('edge-label')).toBeNull();
    fireEvent.mouseEnter(edge);
    expect(screen.getByTestId('edge-label')).toHaveTextContent('contributes to · weight 40');
    fireEvent.mouseLeave(edge);
    expect(screen.queryByTestId('edge-label')).toBeNull();
  });

  it('marks a proposed link so it is drawn dashed, and says so on hover', () => {
    const container = renderMap([graphLink('PRJ-1', 'OBJ-1', 'contributes_to', { state: 'proposed' })]);
    const edge = container.querySelector('.react-flow__edge.state-proposed g')!;
    fireEvent.mouseEnter(edge);
    expect(screen.getByTestId('edge-label')).toHaveTextContent('contributes to · proposed');
  });

  it('draws depends_on side to side with square corners, apart from the chain', () => {
    const container = renderMap([graphLink('PRJ-1', 'OBJ-1'), graphLink('PRJ-1', 'PRJ-2', 'depends_on')]);
    const chain = container.querySelector('.react-flow__edge.link-contributes_to path.react-flow__edge-path')!;
    const dependency = container.querySelector('.react-flow__edge.link-depends_on path.react-flow__edge-path')!;
    expect(chain.getAttribute('d')).toContain('C'); // a bezier curve, top to bottom
    // From PRJ-1's right side (x 0 + 260 + half a handle) to PRJ-2's left (x 400 − half), mid-height.
    expect(dependency.getAttribute('d')).toBe('M266 360L394 360');
  });
});
