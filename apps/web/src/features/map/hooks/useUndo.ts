import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LinkKind, NodeRecord } from '@throughline/domain';
import { useCallback, useRef, useState } from 'react';
import { invalidateGraphDerived } from '../../../api/graph.queries';
import { ApiError, http } from '../../../api/http';
import { linkKeys, useCreateLink, useDeleteLink } from '../../../api/links.queries';
import { nodeKeys, useDeleteNode, useUpdateNode, type NodeFields } from '../../../api/nodes.queries';
import { useToast } from '../../../ui/toast';
import type { XY } from '../layout/geometry';

/** A change made on the map in this session, as undo and redo need it. */
export type Change =
  | { type: 'create-node'; id: string; key: string }
  | { type: 'delete-node'; id: string; key: string }
  | { type: 'edit-node'; id: string; key: string; before: NodeFields; after: NodeFields; version: number }
  | { type: 'move-node'; id: string; key: string; before: XY; after: XY }
  | { type: 'create-link'; id: string; label: string; link: LinkShape }
  | { type: 'delete-link'; id: string; label: string; link: LinkShape };

export interface LinkShape {
  fromId: string;
  toId: string;
  kind: LinkKind;
  weight?: number | null;
  rationale?: string;
  /** Only ever 'proposed': the API approves by role and refuses to be asked for 'approved'. */
  state?: 'proposed';
}

const LIMIT = 30;

/** What a change did, in words, for the buttons' titles and the toasts. */
export function describeChange(change: Change): string {
  switch (change.type) {
    case 'create-node':
      return `create ${change.key}`;
    case 'delete-node':
      return `delete ${change.key}`;
    case 'edit-node':
      return `edit ${change.key}`;
    case 'move-node':
      return `move ${change.key}`;
    case 'create-link':
      return `link ${change.label}`;
    case 'delete-link':
      return `unlink ${change.label}`;
  }
}

/** Why an undo could not be done, in plain words. */
function refusal(error: unknown, change: Change): string {
  const what = describeChange(change);
  if (error instanceof ApiError) {
    if (error.body.code === 'VERSION_CONFLICT')
      return `Could not undo “${what}”: someone changed it since. Open it to see their version.`;
    if (error.body.code === 'KEY_TAKEN') return `Could not undo “${what}”: ${error.message}`;
    if (error.status === 404) return `Could not undo “${what}”: it no longer exists.`;
    return `Could not undo “${what}”: ${error.message}`;
  }
  return `Could not undo “${what}”.`;
}

interface RestoredNode {
  node: NodeRecord;
  restoredLinkIds: string[];
  skippedLinks: { id: string; reason: string }[];
}

/** `POST /api/nodes/:id/restore` (the restore module): a deleted node back with its links and check-ins. */
function useRestoreNode() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => http<RestoredNode>(`/nodes/${encodeURIComponent(id)}/restore`, { method: 'POST' }),
    onSuccess: async (restored) => {
      client.setQueryData(nodeKeys.detail(restored.node.id), restored.node);
      await Promise.all([
        invalidateGraphDerived(client),
        client.invalidateQueries({ queryKey: linkKeys.all }),
        client.invalidateQueries({ queryKey: nodeKeys.all }),
      ]);
    },
  });
}

/**
 * Undo and redo of what was done on the map in this session — create, edit, move, delete, link,
 * unlink — through the API, by the inverse operation: a create is undone by a delete, a delete by a
 * restore (same id and key, its links and check-ins back), an edit by the previous values sent with
 * the version the edit produced (so someone else's later change is never overwritten: the undo is
 * refused and says so).
 */
export function useUndo(moveNode: (id: string, at: XY) => void, dropDraft: (id: string) => void) {
  const toast = useToast();
  const [done, setDone] = useState<Change[]>([]);
  const [undone, setUndone] = useState<Change[]>([]);
  const busy = useRef(false);
  const [pending, setPending] = useState(false);
  const deleteNode = useDeleteNode();
  const restoreNode = useRestoreNode();
  const updateNode = useUpdateNode();
  const createLink = useCreateLink();
  const deleteLink = useDeleteLink();

  /** Records a change just made (and forgets what was undone: a new change starts a new future). */
  const record = useCallback((change: Change) => {
    setDone((list) => [...list.slice(-(LIMIT - 1)), change]);
    setUndone([]);
  }, []);

  /** Applies the inverse of `change` (or `change` again, for redo); answers the change as it now stands. */
  const apply = useCallback(
    async (change: Change, direction: 'undo' | 'redo'): Promise<Change> => {
      const back = direction === 'undo';
      switch (change.type) {
        case 'create-node':
        case 'delete-node': {
          const remove = (change.type === 'create-node') === back;
          if (remove) {
            await deleteNode.mutateAsync(change.id);
            dropDraft(change.id);
          } else {
            const restored = await restoreNode.mutateAsync(change.id);
            if (restored.skippedLinks.length > 0)
              toast(
                `${change.key} is back, without ${restored.skippedLinks.length} of its links: ${restored.skippedLinks[0].reason}.`,
                'info',
              );
          }
          return change;
        }
        case 'edit-node': {
          const saved = await updateNode.mutateAsync({
            id: change.id,
            version: change.version,
            fields: back ? change.before : change.after,
          });
          return { ...change, version: saved.version };
        }
        case 'move-node':
          moveNode(change.id, back ? change.before : change.after);
          return change;
        case 'create-link':
        case 'delete-link': {
          const remove = (change.type === 'create-link') === back;
          if (remove) {
            await deleteLink.mutateAsync({ id: change.id, fromId: change.link.fromId, toId: change.link.toId });
            return change;
          }
          const saved = await createLink.mutateAsync(change.link);
          return { ...change, id: saved.id };
        }
      }
    },
    [deleteNode, restoreNode, updateNode, createLink, deleteLink, moveNode, dropDraft, toast],
  );

  const step = useCallback(
    async (direction: 'undo' | 'redo') => {
      const from = direction === 'undo' ? done : undone;
      const change = from[from.length - 1];
      if (!change || busy.current) return;
      busy.current = true;
      setPending(true);
      try {
        const now = await apply(change, direction);
        const setFrom = direction === 'undo' ? setDone : setUndone;
        const setTo = direction === 'undo' ? setUndone : setDone;
        setFrom((list) => list.slice(0, -1));
        setTo((list) => [...list, now]);
        toast(`${direction === 'undo' ? 'Undone' : 'Redone'}: ${describeChange(change)}`, 'success');
      } catch (error) {
        toast(refusal(error, change), 'error');
      } finally {
        busy.current = false;
        setPending(false);
      }
    },
    [done, undone, apply, toast],
  );

  const undo = useCallback(() => void step('undo'), [step]);
  const redo = useCallback(() => void step('redo'), [step]);
  const next = done[done.length - 1];
  const again = undone[undone.length - 1];
  return {
    record,
    undo,
    redo,
    pending,
    /** What Undo and Redo would do, in words (undefined: nothing to do). */
    undoLabel: next ? describeChange(next) : undefined,
    redoLabel: again ? describeChange(again) : undefined,
  };
}

export type Undo = ReturnType<typeof useUndo>;
