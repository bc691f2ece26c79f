import { useQuery } from '@tanstack/react-query';
import { todayIso, type GraphNode, type NodeRecord } from '@throughline/domain';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { auditQuery } from '../../api/audit.queries';
import { rollupsQuery } from '../../api/coverage.queries';
import { graphViewQuery } from '../../api/graph.queries';
import { keyResultsQuery, okrCyclesQuery, useSetKeyResultCycle, type OkrCycle } from '../../api/okrs.queries';
import { useToast } from '../../ui/toast';
import { useCan } from '../auth/useCan';
import { describeError } from '../../ui/errors';
import { useFormat } from '../../ui/format';
import { CheckInForm } from './CheckInForm';
import { ALL_CYCLES, inSelection, NO_CYCLE, selectedCycle } from './cycleFilter';
import { CyclesManager } from './CyclesManager';
import { KeyResultChart } from './KeyResultChart';
import './okrs.css';

/**
 * `/okrs` (issue 13): each objective with its key results — progress (rolled up as docs/domain.md "Roll-up"
 * defines, from GET /api/coverage), confidence, a check-in form for the key result's owner or a pmo/admin, each key
 * result's history against its target — and the stale key results (the audit's `stale-key-result`) to chase.
 * Filtered by OKR cycle (`?cycle=<id>|all|none`; by default the cycle containing today, else all); a PMO or admin
 * manages the cycles and puts key results in them.
 */
export function OkrsPage() {
  const strategy = useQuery(graphViewQuery({ scope: 'strategy' }));
  const keyResults = useQuery(keyResultsQuery());
  const coverage = useQuery(rollupsQuery());
  const audit = useQuery(auditQuery());
  const cycles = useQuery(okrCyclesQuery());
  const { can } = useCan();
  const [search, setSearch] = useSearchParams();
  const cycleList = cycles.data ?? [];
  const selection = selectedCycle(search.get('cycle'), cycleList, todayIso());
  const choose = (value: string) =>
    setSearch(
      (params) => {
        const next = new URLSearchParams(params);
        next.set('cycle', value);
        return next;
      },
      { replace: true },
    );
  const error = strategy.error ?? keyResults.error ?? coverage.error;
  const progressOf = (id: string) => coverage.data?.get(id)?.progress ?? null;
  const shown = (keyResults.data ?? []).filter((kr) => inSelection(kr, selection));
  const krs = new Map(shown.map((kr) => [kr.id, kr]));
  const objectives = (strategy.data?.nodes ?? [])
    .filter((n) => n.kind === 'objective')
    .sort((a, b) => a.key.localeCompare(b.key, undefined, { numeric: true }));
  const krsOf = new Map<string, NodeRecord[]>();
  const linked = new Set<string>();
  for (const link of strategy.data?.links ?? []) {
    const kr = krs.get(link.from);
    if (!kr || link.kind !== 'contributes_to' || link.state !== 'approved') continue;
    krsOf.set(
      link.to,
      [...(krsOf.get(link.to) ?? []), kr].sort((a, b) => a.key.localeCompare(b.key, undefined, { numeric: true })),
    );
    linked.add(kr.id);
  }
  const orphans = shown.filter((kr) => !linked.has(kr.id));
  const staleIds = new Set(
    (audit.data?.findings ?? []).filter((f) => f.rule === 'stale-key-result').flatMap((f) => f.nodeIds),
  );
  const stale = shown.filter((kr) => staleIds.has(kr.id));
  // Under a cycle, an objective none of whose key results is in it is not part of that cycle's page.
  const objectivesShown = selection === ALL_CYCLES ? objectives : objectives.filter((o) => krsOf.has(o.id));
  // The cycles wait for nothing else: a failed read of them leaves the page unfiltered rather than empty.
  const ready = strategy.data && keyResults.data && coverage.data && (cycles.data || cycles.error);
  return (
    <div className="page">
      <div className="page-inner">
        <h1 className="page-title">OKRs</h1>
        <p className="page-lead">
          Objectives and their key results: progress towards each target, the owner’s confidence, and the history of
          check-ins. A key result’s owner, a PMO or an admin records a check-in.
        </p>
        {error && (
          <p className="form-error" role="alert">
            {describeError(error)}
          </p>
        )}
        {!ready && !error && <p className="muted">Loading…</p>}
        {cycles.data && (cycleList.length > 0 || can('editStrategy')) && (
          <div className="form-row okr-filters" role="search">
            <label className="field">
              <span className="field-label">Cycle</span>
              <select value={selection} onChange={(e) => choose(e.target.value)}>
                {cycleList.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
                <option value={ALL_CYCLES}>All cycles</option>
                <option value={NO_CYCLE}>In no cycle</option>
              </select>
            </label>
            <CycleDates cycle={cycleList.find((c) => c.id === selection)} />
          </div>
        )}
        {cycles.data && can('editStrategy') && <CyclesManager cycles={cycleList} />}
        {stale.length > 0 && (
          <section className="card okr-stale" data-testid="stale-key-results" aria-labelledby="stale-title">
            <h2 id="stale-title">Stale key results — remind their owners</h2>
            <ul>
              {stale.map((kr) => (
                <li key={kr.id}>
                  <strong>{kr.key}</strong> {kr.title} — {kr.owner ?? 'no owner'}
                </li>
              ))}
            </ul>
          </section>
        )}
        {ready &&
          objectivesShown.map((objective) => (
            <Objective key={objective.id} objective={objective} progress={progressOf(objective.id)}>
              {(krsOf.get(objective.id) ?? []).map((kr) => (
                <KeyResult
                  key={kr.id}
                  kr={kr}
                  progress={progressOf(kr.id)}
                  stale={staleIds.has(kr.id)}
                  cycles={cycleList}
                />
              ))}
            </Objective>
          ))}
        {ready && orphans.length > 0 && (
          <section className="card okr-objective">
            <h2>Key results without an objective</h2>
            {orphans.map((kr) => (
              <KeyResult
                key={kr.id}
                kr={kr}
                progress={progressOf(kr.id)}
                stale={staleIds.has(kr.id)}
                cycles={cycleList}
              />
            ))}
          </section>
        )}
        {ready && objectives.length === 0 && <p className="muted">No objective yet.</p>}
        {ready && objectives.length > 0 && objectivesShown.length === 0 && orphans.length === 0 && (
          <p className="muted">No key result in this cycle.</p>
        )}
      </div>
    </div>
  );
}

function Objective(props: { objective: GraphNode; progress: number | null; children: React.ReactNode }) {
  const { objective, progress } = props;
  return (
    <section
      className="card okr-objective"
      data-testid="okr-objective"
      aria-label={`${objective.key} ${objective.title}`}
    >
      <div className="okr-head">
        <h2>
          <span className="okr-key">{objective.key}</span> {objective.title}
        </h2>
        <ProgressBar label={`${objective.key} progress`} value={progress} />
      </div>
      <ul className="okr-krs">{props.children}</ul>
    </section>
  );
}

/** The chosen cycle's days, next to the filter. */
function CycleDates({ cycle }: { cycle: OkrCycle | undefined }) {
  const format = useFormat();
  if (!cycle) return null;
  return (
    <span className="muted okr-cycle-dates">
      {format.date(cycle.startsOn)} to {format.date(cycle.endsOn)}
    </span>
  );
}

function KeyResult(props: { kr: NodeRecord; progress: number | null; stale: boolean; cycles: OkrCycle[] }) {
  const { kr, progress, stale, cycles } = props;
  const { canCheckIn, can } = useCan();
  const format = useFormat();
  const [open, setOpen] = useState<'check-in' | 'history' | null>(null);
  const unit = kr.unit ? ` ${kr.unit}` : '';
  return (
    <li className="okr-kr" data-testid={`kr-${kr.key}`}>
      <div className="okr-kr-row">
        <div className="okr-kr-title">
          <span className="okr-key">{kr.key}</span> {kr.title}
          <div className="muted">
            {kr.owner ?? 'No owner'} · {format.number(kr.current ?? kr.baseline)}
            {unit} of {format.number(kr.target)}
            {unit}
            {stale && <span className="okr-flag"> stale</span>}
          </div>
        </div>
        <ProgressBar label={`${kr.key} progress`} value={progress} />
        <span className="okr-confidence" title="Confidence of reaching the target">
          {kr.confidence === null || kr.confidence === undefined
            ? '—'
            : `${Math.round(kr.confidence * 100)}% confident`}
        </span>
        <button type="button" className="btn btn-small" onClick={() => setOpen(open === 'history' ? null : 'history')}>
          History
        </button>
        {canCheckIn({ owner: kr.owner }) && (
          <button type="button" className="btn btn-small btn-primary" onClick={() => setOpen('check-in')}>
            Check in
          </button>
        )}
      </div>
      {can('editStrategy') && cycles.length > 0 && <CyclePicker kr={kr} cycles={cycles} />}
      {open === 'check-in' && <CheckInForm keyResult={kr} onDone={() => setOpen('history')} />}
      {open === 'history' && <KeyResultChart keyResult={{ id: kr.id, key: kr.key, target: kr.target ?? null }} />}
    </li>
  );
}

/** A PMO's or admin's choice of the key result's cycle (a node edit, with the version it was read at). */
function CyclePicker({ kr, cycles }: { kr: NodeRecord; cycles: OkrCycle[] }) {
  const setCycle = useSetKeyResultCycle();
  const toast = useToast();
  return (
    <label className="okr-kr-cycle">
      <span className="muted">Cycle </span>
      <select
        aria-label={`Cycle of ${kr.key}`}
        value={kr.cycleId ?? ''}
        disabled={setCycle.isPending}
        onChange={(e) =>
          setCycle.mutate(
            { keyResult: kr, cycleId: e.target.value || null },
            { onError: (error) => toast(describeError(error), 'error') },
          )
        }
      >
        <option value="">None</option>
        {cycles.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function ProgressBar({ label, value }: { label: string; value: number | null }) {
  const pct = value === null ? null : Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <div
      className="okr-progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct ?? undefined}
      aria-valuetext={pct === null ? 'no figures yet' : `${pct}%`}
    >
      <div className="okr-progress-fill" style={{ width: `${pct ?? 0}%` }} />
      <span className="okr-progress-text">{pct === null ? '—' : `${pct}%`}</span>
    </div>
  );
}
