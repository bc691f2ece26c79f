import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  NODE_KIND_LABELS,
  isWorkKind,
  type BusinessUnitRecord,
  type GraphNode,
  type NodeRecord,
} from '@throughline/domain';
import { useCallback, useState } from 'react';
import { ApiError } from '../../../api/http';
import { nodeKeys, nodeQuery, useUpdateNode, type NodeFields } from '../../../api/nodes.queries';
import { KindIcon } from '../../../ui/KindIcon';
import { useToast } from '../../../ui/toast';
import { useMapPermissions } from '../hooks/useMapPermissions';
import { CheckInsSection } from './CheckInsSection';
import { ConflictDialog } from './ConflictDialog';
import { HistorySection } from './HistorySection';
import { LinksSection } from './LinksSection';
import { NodeForm } from './NodeForm';
import { NodeReadOnly } from './NodeReadOnly';
import { changedFields, toFormValues, toNodeFields, validateForm, type FieldName, type FormValues } from './nodeForm';
import type { LinkEnd } from './LinkDialog';
import './panels.css';

interface NodePanelProps {
  nodeId: string;
  units: readonly BusinessUnitRecord[];
  /** Nodes drawn on the map, to name a link's other end. */
  nodesById: ReadonlyMap<string, GraphNode>;
  onClose: () => void;
  onTrace: (id: string) => void;
  onDelete: (id: string) => void;
  onShowNode: (id: string) => void;
  /** "Link to…": the link dialog, searching the other end. */
  onLink: (from: LinkEnd) => void;
  /** An edit was saved: the fields before and after, and the version it made (for undo). */
  onSaved?: (saved: NodeRecord, before: NodeFields, after: NodeFields) => void;
  /** "What if it stops?" for a work item. */
  onWhatIf?: (id: string) => void;
}

type Tab = 'details' | 'links' | 'check-ins' | 'history';

/** The inspector of the selected node: all its fields, its links, its check-ins (key results) and its history. */
export function NodePanel(props: NodePanelProps) {
  const { nodeId, onClose } = props;
  const record = useQuery(nodeQuery(nodeId));
  return (
    <aside className="side-panel" aria-label="Node details" data-testid="node-panel">
      {record.data ? (
        // Keyed by node: a new selection starts a fresh edit.
        <NodeEditor key={record.data.id} record={record.data} {...props} />
      ) : (
        <div className="panel-empty">
          {record.isError ? `Could not load this node: ${record.error.message}` : 'Loading…'}
          <button type="button" className="btn" onClick={onClose}>
            Close
          </button>
        </div>
      )}
    </aside>
  );
}

function NodeEditor({
  record,
  units,
  nodesById,
  onClose,
  onTrace,
  onDelete,
  onShowNode,
  onLink,
  onSaved,
  onWhatIf,
}: NodePanelProps & { record: NodeRecord }) {
  const toast = useToast();
  const client = useQueryClient();
  const update = useUpdateNode();
  const permissions = useMapPermissions();
  // A member who may not change this node (an executive; a contributor on strategy or another
  // unit's work) reads it: no inputs, no Save/Revert/Delete, a line saying who may change it.
  const editable = permissions.editNode(record);
  const [tab, setTab] = useState<Tab>('details');
  // The version this edit started from, and the form. A refetched record is taken over only while
  // nothing is edited; otherwise the edit keeps its base and a save finds out about the newer one.
  const [base, setBase] = useState(record);
  const [values, setValues] = useState<FormValues>(() => toFormValues(record));
  const [seen, setSeen] = useState(record);
  const changed = changedFields(toFormValues(base), values);
  if (seen !== record) {
    setSeen(record);
    if (changed.length === 0) {
      setBase(record);
      setValues(toFormValues(record));
    }
  }
  const [conflict, setConflict] = useState<NodeRecord | null>(null);
  const errors = validateForm(record.kind, values);

  const onChange = useCallback((name: FieldName, value: string) => setValues((v) => ({ ...v, [name]: value })), []);

  const save = (version: number) => {
    const fields = toNodeFields(record.kind, values, changed);
    const previous = base;
    update.mutate(
      { id: record.id, version, fields },
      {
        onSuccess: (saved) => {
          onSaved?.(saved, pickFields(previous, fields), fields);
          setConflict(null);
          setBase(saved);
          setSeen(saved);
          setValues(toFormValues(saved));
          toast(`${saved.key} saved`, 'success');
        },
        onError: (error) => {
          if (!(error instanceof ApiError) || error.body.code !== 'VERSION_CONFLICT') {
            toast(error.message, 'error');
            return;
          }
          // The answer should carry the current record; if it does not, ask for it.
          const current = currentOf(error);
          if (current) setConflict(current);
          else
            client
              .fetchQuery({ ...nodeQuery(record.id), staleTime: 0 })
              .then(setConflict, (e: Error) => toast(e.message, 'error'));
        },
      },
    );
  };
  const loadTheirs = () => {
    if (!conflict) return;
    // Theirs is the server's state: the cache must hold it too, or the older cached record would win.
    client.setQueryData(nodeKeys.detail(conflict.id), conflict);
    setBase(conflict);
    setSeen(conflict);
    setValues(toFormValues(conflict));
    setConflict(null);
  };

  return (
    <>
      <header className={`panel-head kind-${record.kind}`}>
        <span className="panel-kind">
          <KindIcon kind={record.kind} size={16} decorative /> {NODE_KIND_LABELS[record.kind]}
        </span>
        <h2 className="panel-title">
          <span className="panel-key">{record.key}</span> {record.title}
        </h2>
        <div className="panel-actions">
          {permissions.linkFrom(record) && (
            <button type="button" className="btn btn-small" onClick={() => onLink(record)} data-testid="link-to">
              Link to…
            </button>
          )}
          <button type="button" className="btn btn-small" onClick={() => onTrace(record.id)}>
            Trace
          </button>
          {onWhatIf && isWorkKind(record.kind) && (
            <button
              type="button"
              className="btn btn-small"
              onClick={() => onWhatIf(record.id)}
              data-testid="what-if-button"
            >
              What if it stops?
            </button>
          )}
          {editable && (
            <button type="button" className="btn btn-small btn-danger-outline" onClick={() => onDelete(record.id)}>
              Delete
            </button>
          )}
          <button type="button" className="btn btn-small" onClick={onClose} aria-label="Close panel">
            ×
          </button>
        </div>
      </header>
      <nav className="tabs" role="tablist">
        {(['details', 'links', ...(record.kind === 'key_result' ? ['check-ins'] : []), 'history'] as Tab[]).map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={tab === t}
            className={`tab${tab === t ? ' is-active' : ''}`}
            onClick={() => setTab(t)}
          >
            {t.replace('-', ' ')}
          </button>
        ))}
      </nav>
      <div className="panel-body">
        {tab === 'details' && !editable && <NodeReadOnly record={record} units={units} />}
        {tab === 'details' && editable && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (changed.length && Object.keys(errors).length === 0) save(base.version);
            }}
          >
            <NodeForm
              kind={record.kind}
              values={values}
              errors={errors}
              units={units}
              onChange={onChange}
              disabled={update.isPending}
            />
            <div className="panel-footer">
              <span className="muted">
                {changed.length
                  ? `${changed.length} unsaved change${changed.length === 1 ? '' : 's'}`
                  : `Version ${base.version} · ${base.updatedBy}`}
              </span>
              <button
                type="button"
                className="btn"
                disabled={!changed.length || update.isPending}
                onClick={() => setValues(toFormValues(base))}
              >
                Revert
              </button>
              <button
                type="submit"
                className="btn btn-primary"
                disabled={!changed.length || Object.keys(errors).length > 0 || update.isPending}
              >
                {update.isPending ? 'Saving…' : 'Save'}
              </button>
            </div>
          </form>
        )}
        {tab === 'links' && <LinksSection node={record} nodesById={nodesById} onShowNode={onShowNode} />}
        {tab === 'check-ins' && <CheckInsSection node={record} />}
        {tab === 'history' && <HistorySection nodeId={record.id} units={units} nodesById={nodesById} />}
      </div>
      {conflict && (
        <ConflictDialog
          base={base}
          theirs={conflict}
          mine={values}
          changed={changed}
          busy={update.isPending}
          onKeepEditing={() => setConflict(null)}
          onLoadTheirs={loadTheirs}
          onOverwrite={() => save(conflict.version)}
        />
      )}
    </>
  );
}

/** The values `record` had for the fields an edit sends: what undoing the edit sends back. */
function pickFields(record: NodeRecord, fields: NodeFields): NodeFields {
  const source = record as unknown as Record<string, unknown>;
  return Object.fromEntries(Object.keys(fields).map((k) => [k, source[k] ?? null]));
}

/** The server's current record, which a VERSION_CONFLICT answer carries in `details.current`. */
function currentOf(error: ApiError): NodeRecord | null {
  const details = error.body.details as { current?: NodeRecord } | undefined;
  return details?.current && typeof details.current === 'object' ? details.current : null;
}
