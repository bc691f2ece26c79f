import { isWorkKind, type GraphNode } from '@throughline/domain';
import { useEffect, useRef } from 'react';
import { useClickAway } from '../../../ui/useClickAway';
import type { MapPermissions } from '../hooks/useMapPermissions';
import type { XY } from '../layout/geometry';
import type { LinkEnd } from './LinkDialog';
import './panels.css';
import './menus.css';

interface NodeMenuProps {
  at: XY;
  node: GraphNode | undefined;
  permissions: MapPermissions;
  onClose: () => void;
  onOpen: (id: string) => void;
  onLink: (from: LinkEnd) => void;
  onTrace: (id: string) => void;
  onWhatIf?: (id: string) => void;
  onDelete: (id: string) => void;
}

/**
 * A node's actions at the pointer (right click, or the context-menu key on a focused node): open,
 * link to…, trace, what if it stopped, delete — only those the role may do. Escape or a click
 * elsewhere closes it; the arrow keys move between its items.
 */
export function NodeMenu({
  at,
  node,
  permissions,
  onClose,
  onOpen,
  onLink,
  onTrace,
  onWhatIf,
  onDelete,
}: NodeMenuProps) {
  const box = useRef<HTMLDivElement>(null);
  const nodeId = node?.id;
  useEffect(() => {
    if (nodeId) box.current?.querySelector<HTMLElement>('button')?.focus();
  }, [nodeId]);
  useClickAway(box, true, onClose);
  if (!node) return null;
  const act = (run: () => void) => () => {
    onClose();
    run();
  };
  const editable = permissions.editNode({ kind: node.kind, businessUnitId: node.businessUnitId ?? null });
  return (
    <div
      ref={box}
      className="node-menu"
      role="menu"
      aria-label={`Actions for ${node.key}`}
      style={{ left: Math.min(at.x, window.innerWidth - 220), top: Math.min(at.y, window.innerHeight - 240) }}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') onClose();
        if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
        e.preventDefault();
        const items = [...(box.current?.querySelectorAll<HTMLElement>('button') ?? [])];
        const i = items.indexOf(document.activeElement as HTMLElement);
        items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
      }}
    >
      <div className="node-menu-title">
        {node.key} <span className="muted">{node.title}</span>
      </div>
      <button type="button" role="menuitem" onClick={act(() => onOpen(node.id))}>
        Open
      </button>
      {permissions.linkFrom(node) && (
        <button type="button" role="menuitem" onClick={act(() => onLink(node))}>
          Link to…
        </button>
      )}
      <button type="button" role="menuitem" onClick={act(() => onTrace(node.id))}>
        Trace its chain
      </button>
      {onWhatIf && isWorkKind(node.kind) && (
        <button type="button" role="menuitem" onClick={act(() => onWhatIf(node.id))}>
          What if this stops?
        </button>
      )}
      {editable && (
        <button type="button" role="menuitem" className="is-danger" onClick={act(() => onDelete(node.id))}>
          Delete…
        </button>
      )}
    </div>
  );
}
