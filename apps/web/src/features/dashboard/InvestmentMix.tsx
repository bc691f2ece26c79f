import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Dashboard, Mix, NodeRef } from '../../api/dashboard.queries';
import { useFormat } from '../../ui/format';
import { KIND_COLOURS } from '../../ui/kindColours';
import { compactMoney } from './figures';

type Level = 'themes' | 'objectives';

const SERIES = [
  { key: 'change', name: 'Change (projects, programmes)', colour: KIND_COLOURS.project },
  { key: 'bau', name: 'BAU (annual cost)', colour: KIND_COLOURS.bau },
  { key: 'asset', name: 'Assets (annual value)', colour: KIND_COLOURS.asset },
] as const;

interface Row extends Mix {
  label: string;
  title: string;
}

/** Stacked bars per theme or objective, and the money that serves no objective as its own bar. */
export function InvestmentMix({ mix }: { mix: Dashboard['investmentMix'] }) {
  const format = useFormat();
  const [level, setLevel] = useState<Level>('themes');
  const rows: Row[] = [
    ...mix[level].map((n: NodeRef & Mix) => ({ ...n, label: n.key, title: n.title })),
    { ...mix.unaligned, label: 'No objective', title: 'Work that serves no active objective' },
  ];
  const height = Math.max(160, rows.length * 34 + 60);
  return (
    <section className="card dashboard-section" aria-labelledby="mix-title" data-testid="investment-mix">
      <div className="section-head">
        <h2 id="mix-title">Investment mix</h2>
        <div className="toggle" role="group" aria-label="Bars per">
          {(['themes', 'objectives'] as const).map((l) => (
            <button
              key={l}
              type="button"
              className={`chip${level === l ? ' is-active' : ''}`}
              aria-pressed={level === l}
              onClick={() => setLevel(l)}
            >
              {l === 'themes' ? 'Themes' : 'Objectives'}
            </button>
          ))}
        </div>
      </div>
      <p className="section-note" data-testid="mix-basis">
        <strong>{mix.basis === 'annualised' ? 'Per year. ' : ''}</strong>
        {mix.note} Work serving two objectives counts in full in each, so objectives do not add up to their theme.
      </p>
      <div className="mix-chart" style={{ height }}>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 800, height }}>
          <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 24 }}>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis type="number" tickFormatter={(v: number) => compactMoney(v, format)} />
            <YAxis type="category" dataKey="label" width={110} />
            <Tooltip
              formatter={(value) => format.money(Number(value))}
              labelFormatter={(_label, payload) => {
                const row = payload?.[0]?.payload as Row | undefined;
                return row ? `${row.label} · ${row.title}` : '';
              }}
            />
            <Legend />
            {SERIES.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.name} stackId="mix" fill={s.colour} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details className="mix-figures">
        <summary>The figures</summary>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{level === 'themes' ? 'Theme' : 'Objective'}</th>
              {SERIES.map((s) => (
                <th scope="col" key={s.key}>
                  {s.name}
                </th>
              ))}
              <th scope="col">Items</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">
                  {r.label} <span className="muted">{r.title}</span>
                </th>
                <td>{format.money(r.change)}</td>
                <td>{format.money(r.bau)}</td>
                <td>{format.money(r.asset)}</td>
                <td>{format.number(r.items)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
