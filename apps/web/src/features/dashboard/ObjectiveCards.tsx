import { isOptimistic, plural } from '@throughline/domain';
import { Link } from 'react-router';
import type { ObjectiveCard } from '../../api/dashboard.queries';
import { useFormat } from '../../ui/format';
import { HEALTH_LABELS, percent } from './figures';
import { chainOnMap } from './Heatmap';

/** Each kind of delivery, with its noun for the count ("1 programme", "2 programmes", "3 BAU"). */
const KINDS: readonly (readonly [keyof ObjectiveCard['deliveryByKind'], string, string?])[] = [
  ['programme', 'programme'],
  ['project', 'project'],
  ['bau', 'BAU', 'BAU'],
  ['asset', 'asset'],
];

/** One card per active objective: who answers for it along the chain, and how it is really doing. */
export function ObjectiveCards({
  objectives,
  redRisks,
}: {
  objectives: ObjectiveCard[];
  /** Open red risks in each objective's chain (itself, its key results, its delivery), by node id. */
  redRisks?: ReadonlyMap<string, number>;
}) {
  return (
    <section className="dashboard-section" aria-labelledby="objectives-title">
      <h2 id="objectives-title" className="section-title">
        Objectives
      </h2>
      <div className="objective-cards">
        {objectives.map((o) => (
          <Card key={o.nodeId} objective={o} redRisks={redRisks?.get(o.nodeId) ?? 0} />
        ))}
      </div>
    </section>
  );
}

function Health({ label, health }: { label: string; health: string }) {
  return (
    <span className={`health health-${health}`}>
      {label}: <strong>{HEALTH_LABELS[health] ?? health}</strong>
    </span>
  );
}

function Card({ objective: o, redRisks }: { objective: ObjectiveCard; redRisks: number }) {
  const format = useFormat();
  // The API's own rule (libs/domain), so a card and the headline's optimism gap never disagree.
  const gap = isOptimistic(o.reportedHealth, o.derivedHealth);
  const a = o.accountable;
  return (
    <article className="card objective-card" data-testid={`objective-card-${o.key}`} aria-label={`${o.key} ${o.title}`}>
      <h3>
        <span className="heatmap-key">{o.key}</span> {o.title}
      </h3>
      <div className="objective-owner">Owner: {o.owner ?? <span className="warn">No owner named</span>}</div>
      <div className="progress" aria-label={`Progress ${percent(o.progress, format.locale)}`}>
        <div className="progress-bar" style={{ width: `${Math.round((o.progress ?? 0) * 100)}%` }} />
        <span className="progress-text">{percent(o.progress, format.locale)}</span>
      </div>
      <div className="objective-health">
        <Health label="Reported" health={o.reportedHealth} />
        <Health label="Derived" health={o.derivedHealth} />
        {gap && <span className="pill pill-rejected">optimistic</span>}
        {redRisks > 0 && (
          <span className="pill pill-rejected" data-testid={`objective-red-risks-${o.key}`}>
            {redRisks === 1 ? '1 open red risk' : `${format.number(redRisks)} open red risks`} in its chain
          </span>
        )}
      </div>
      <div className="objective-delivery">
        {KINDS.map(([kind, one, many]) => (
          <span key={kind} className={`delivery-count kind-${kind}`} data-testid={`delivery-${kind}`}>
            {plural(o.deliveryByKind[kind], one, many)}
          </span>
        ))}
      </div>
      <details className="objective-people">
        <summary>Accountable along the chain</summary>
        <dl>
          <dt>Key results</dt>
          <dd>
            {a.keyResultOwners.length === 0
              ? 'none'
              : a.keyResultOwners.map((k) => `${k.key}: ${k.owner ?? 'no owner named'}`).join('; ')}
          </dd>
          <dt>Accountable units</dt>
          <dd>
            {a.accountableUnits.length === 0 ? 'No accountable unit' : a.accountableUnits.map(unitText).join('; ')}
          </dd>
          <dt>Delivered by</dt>
          <dd>
            {a.deliveryUnits.length === 0
              ? 'nobody yet'
              : a.deliveryUnits.map((u) => `${unitText(u)} (${u.items})`).join('; ')}
          </dd>
        </dl>
      </details>
      <Link to={chainOnMap(o.nodeId)} className="objective-map-link">
        Its chain on the map
      </Link>
    </article>
  );
}

/** A unit in words: its key and name and its owner, or what is missing ("work with no unit", "no owner named"). */
export function unitText(u: { key: string | null; name: string | null; ownerName: string | null }): string {
  if (!u.key) return 'Work with no unit';
  const name = u.name ? `${u.key} ${u.name}` : u.key;
  return `${name}, ${u.ownerName ?? 'no owner named'}`;
}
