import { useQuery } from '@tanstack/react-query';
import { NODE_KIND_LABELS, type GraphNode, type NodeKind } from '@throughline/domain';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { nodeSearchQuery } from '../../../api/nodes.queries';
import { KindIcon } from '../../../ui/KindIcon';
import './toolbar.css';

export interface SearchHit {
  id: string;
  key: string;
  title: string;
  kind: NodeKind;
  /** Drawn on the map now; otherwise picking it opens its chain. */
  inView: boolean;
}

interface SearchBoxProps {
  nodes: readonly GraphNode[];
  onPick: (hit: SearchHit) => void;
}

const MAX_HITS = 8;

/** Nodes whose key or title matches, best first: an exact key, a key prefix, then title words. */
export function searchNodes(nodes: readonly GraphNode[], query: string, max = MAX_HITS): GraphNode[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const scored: [number, GraphNode][] = [];
  for (const n of nodes) {
    const key = n.key.toLowerCase();
    const title = n.title.toLowerCase();
    const score =
      key === q ? 0 : key.startsWith(q) ? 1 : title.startsWith(q) ? 2 : title.includes(q) || key.includes(q) ? 3 : -1;
    if (score >= 0) scored.push([score, n]);
  }
  return scored
    .sort((a, b) => a[0] - b[0] || a[1].key.localeCompare(b[1].key, undefined, { numeric: true }))
    .slice(0, max)
    .map(([, n]) => n);
}

/** Search by key or title; `/` focuses it from anywhere on the map. Beyond the view it asks the API. */
export const SearchBox = memo(function SearchBox({ nodes, onPick }: SearchBoxProps) {
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [cursor, setCursor] = useState(0);
  const [remoteQuery, setRemoteQuery] = useState('');

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || isTyping(e.target)) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    const timer = window.setTimeout(() => setRemoteQuery(query.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [query]);

  const local = useMemo(() => searchNodes(nodes, query), [nodes, query]);
  const remote = useQuery(nodeSearchQuery(remoteQuery));
  const hits = useMemo(() => {
    const seen = new Set(local.map((n) => n.id));
    const drawn = new Set(nodes.map((n) => n.id));
    const own: SearchHit[] = local.map((n) => ({ id: n.id, key: n.key, title: n.title, kind: n.kind, inView: true }));
    const elsewhere: SearchHit[] = (remote.data ?? [])
      .filter((n) => !seen.has(n.id))
      .slice(0, MAX_HITS)
      .map((n) => ({ id: n.id, key: n.key, title: n.title, kind: n.kind, inView: drawn.has(n.id) }));
    return [...own, ...elsewhere];
  }, [local, remote.data, nodes]);

  const pick = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onPick(hit);
    setQuery('');
    setOpen(false);
    input.current?.blur();
  };

  return (
    <div className="search-box" role="search">
      <input
        ref={input}
        type="search"
        placeholder="Search key or title  ( / )"
        aria-label="Search nodes"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setCursor(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setCursor((c) => Math.min(c + 1, hits.length - 1));
          else if (e.key === 'ArrowUp') setCursor((c) => Math.max(c - 1, 0));
          else if (e.key === 'Enter') pick(hits[cursor]);
          else if (e.key === 'Escape') {
            setQuery('');
            input.current?.blur();
          } else return;
          e.preventDefault();
          e.stopPropagation();
        }}
      />
      {open && query.trim() && (
        <ul className="search-results" role="listbox">
          {hits.length === 0 && <li className="muted">{remote.isFetching ? 'Searching…' : 'No match'}</li>}
          {hits.map((hit, i) => (
            <li key={hit.id} role="option" aria-selected={i === cursor}>
              <button
                type="button"
                className={`search-hit${i === cursor ? ' is-active' : ''}`}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(hit)}
              >
                <KindIcon kind={hit.kind} size={14} />
                <strong>{hit.key}</strong>
                <span className="search-title">{hit.title}</span>
                {!hit.inView && (
                  <span className="muted" title={NODE_KIND_LABELS[hit.kind]}>
                    open chain
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});

/** Whether a key press belongs to a text field rather than to the map. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
