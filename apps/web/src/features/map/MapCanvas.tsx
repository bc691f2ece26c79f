import { Background, Controls, MiniMap, ReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';

/** The map: the organisation's strategy on top, everything that delivers it below. */
export function MapCanvas() {
  return (
    <div className="map-canvas" data-testid="map-canvas">
      <ReactFlow nodes={[]} edges={[]} fitView proOptions={{ hideAttribution: true }}>
        <Background gap={24} />
        <Controls />
        <MiniMap pannable zoomable />
      </ReactFlow>
    </div>
  );
}
