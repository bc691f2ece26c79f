import { useQuery } from '@tanstack/react-query';
import { kindWithArticle, LINK_KIND_LABELS, type GraphNode, type LinkKind, type NodeKind } from '@throughline/domain';
import { useMemo, useState } from 'react';
import type { NewLink } from '../../../api/links.queries';
import { nodeSearchQuery } from '../../../api/nodes.queries';
import { Modal } from '../../../ui/Modal';
import { judgeConnection, type LinkRef } from '../model/connection';
import { LINK_MEANING, LINK_VERB, whatItCanLinkTo } from '../model/linkWords';
import { searchNodes } from '../toolbar/SearchBox';
import './panels.css';
import './menus.css';

/** One end of a link the dialog may draw: a node of the map or one found through the API. */
export interface LinkEnd {
  id: string;
  key: string;
  kind: NodeKind;
  title: string;
}

/** What the dialog was opened for: from a node (the picker searches the other end), or a drop. */
export interface LinkRequest {
  from: LinkEnd;
  /** Set for a drop: the other end is known and the direction is the drag's. */
  to?: LinkEnd;
}

interface Option {
  from: LinkEnd;
  to: LinkEnd;
  kind: LinkKind;
}

interface LinkDialogProps {
  request: LinkRequest;
  /** The map's nodes (searched first) and links (to refuse duplicates and loops before asking). */
  nodes: readonly GraphNode[];
  links: readonly LinkRef[];
  /** The signed-in role's links are always stored as proposals (a contributor's). */
  alwaysProposed: boolean;
  onCreate: (link: NewLink, ends: { from: LinkEnd; to: LinkEnd }) => void;
  onCancel: () => void;
}

/** Every link the matrix allows between `a` and `b`, in either direction (only a → b for a drop). */
export function linkOptions(a: LinkEnd, b: LinkEnd, links: readonly LinkRef[], bothWays: boolean) {
  const out = judgeConnection(a, b, links);
  const back = bothWays ? judgeConnection(b, a, links) : ({ ok: false, reason: '' } as const);
  const options: Option[] = [
    ...(out.ok ? out.kinds.map((kind) => ({ from: a, to: b, kind })) : []),
    ...(back.ok ? back.kinds.map((kind) => ({ from: b, to: a, kind })) : []),
  ];
  return { options, reason: out.ok ? null : out.reason };
}

/**
 * "Link to…": search the other end, pick what the link means (the kinds the domain's matrix allows,
 * in words), a weight and a note. A proposal needs a note — the PMO who decides reads it — and the
 * dialog says before sending when the link will only be a proposal.
 */
export function LinkDialog({ request, nodes, links, alwaysProposed, onCreate, onCancel }: LinkDialogProps) {
  const { from } = request;
  const [target, setTarget] = useState<LinkEnd | null>(request.to ?? null);
  const [query, setQuery] = useState('');
  const [choice, setChoice] = useState(0);
  const [weight, setWeight] = useState('');
  const [note, setNote] = useState('');
  const [proposeChoice, setPropose] = useState(false);
  const propose = alwaysProposed || proposeChoice;

  const local = useMemo(() => searchNodes(nodes, query, 8), [nodes, query]);
  const remote = useQuery({ ...nodeSearchQuery(query), enabled: !request.to && query.trim().length >= 2 });
  const hits = useMemo(() => {
    const seen = new Set(local.map((n) => n.id));
    const more = (remote.data ?? []).filter((n) => !seen.has(n.id)).slice(0, 8);
    return [...local, ...more].filter((n) => n.id !== from.id);
  }, [local, remote.data, from.id]);

  const { options, reason } = target ? linkOptions(from, target, links, !request.to) : { options: [], reason: null };
  const option = options[Math.min(choice, options.length - 1)] as Option | undefined;
  const weightValue = weight.trim() === '' ? null : Number(weight);
  const weightOk = weightValue === null || (Number.isFinite(weightValue) && weightValue >= 0 && weightValue <= 100);
  const noteOk = !propose || note.trim().length > 0;
  const ready = !!option && weightOk && noteOk;

  const submit = () => {
    if (!option || !ready) return;
    onCreate(
      {
        fromId: option.from.id,
        toId: option.to.id,
        kind: option.kind,
        weight: option.kind === 'contributes_to' ? weightValue : null,
        rationale: note.trim(),
        // The API decides 'approved' by role; the body may only ask for a proposal.
        ...(propose ? { state: 'proposed' as const } : {}),
      },
      { from: option.from, to: option.to },
    );
  };

  return (
    <Modal
      title={request.to ? `Link ${from.key} → ${request.to.key}` : `Link ${from.key} to…`}
      onClose={onCancel}
      actions={
        <>
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={!ready}
            onClick={submit}
            data-testid="link-submit"
          >
            {propose ? 'Propose link' : 'Create link'}
          </button>
        </>
      }
    >
      <div className="link-dialog" data-testid="link-dialog">
        {!request.to && (
          <div className="field">
            <label htmlFor="link-target-search">Other end: search a key or title</label>
            <input
              id="link-target-search"
              type="search"
              data-autofocus
              value={query}
              placeholder="e.g. OBJ-3 or smart meters"
              onChange={(e) => {
                setQuery(e.target.value);
                setTarget(null);
                setChoice(0);
              }}
            />
            {!target && query.trim() && (
              <ul className="link-hits" role="listbox" aria-label="Matching nodes">
                {hits.length === 0 && <li className="muted">{remote.isFetching ? 'Searching…' : 'No match'}</li>}
                {hits.map((n) => (
                  <li key={n.id} role="option" aria-selected={false}>
                    <button type="button" className="link-hit" onClick={() => setTarget(n)}>
                      <strong>{n.key}</strong> {n.title} <span className="muted">{kindWithArticle(n.kind)}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {target && options.length > 0 && (
          <fieldset className="kind-choice">
            <legend>What the link means</legend>
            {options.map((o, i) => (
              <label key={`${o.from.id}-${o.kind}`} data-testid="link-option">
                <input type="radio" name="link-kind" checked={i === choice} onChange={() => setChoice(i)} />
                <span>
                  <strong>{o.from.key}</strong> {LINK_VERB[o.kind]} <strong>{o.to.key}</strong>{' '}
                  <span className="muted">
                    — {o.from.key} {LINK_MEANING[o.kind]} ({LINK_KIND_LABELS[o.kind]})
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
        )}
        {target && options.length === 0 && (
          <p className="field-error" role="alert">
            {reason ?? `${target.key} cannot be linked to ${from.key} either way. ${whatItCanLinkTo(from.kind)}`}
          </p>
        )}
        {!target && <p className="muted">{whatItCanLinkTo(from.kind)}</p>}
        {option?.kind === 'contributes_to' && (
          <label className="field">
            Weight (0–100, optional): the share of {option.from.key}’s effort that serves {option.to.key}
            <input
              type="number"
              min={0}
              max={100}
              value={weight}
              aria-invalid={!weightOk || undefined}
              onChange={(e) => setWeight(e.target.value)}
            />
          </label>
        )}
        {option && (
          <label className="field">
            {propose ? 'Note for the PMO who decides (required)' : 'Note (optional): why they are linked'}
            <textarea rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
        )}
        {alwaysProposed ? (
          <p className="pill-note" data-testid="link-proposal-note">
            Your link will be a proposal: it counts once a PMO or admin approves it.
          </p>
        ) : (
          option && (
            <label className="checkbox">
              <input type="checkbox" checked={proposeChoice} onChange={(e) => setPropose(e.target.checked)} /> Only
              propose it (counts nowhere until a PMO approves it)
            </label>
          )
        )}
      </div>
    </Modal>
  );
}
