import { RED_RISK_SCORE, riskMatrix, type RaidItem } from '@throughline/domain';

const SCALE = [1, 2, 3, 4, 5];

/** The 5×5 matrix of open risks: impact up the side (5 at the top), likelihood along the bottom; red from 15. */
export function RaidMatrix({ items }: { items: RaidItem[] }) {
  const cells = riskMatrix(items);
  const titles = new Map(items.map((i) => [i.id, i.title]));
  return (
    <table className="raid-matrix" data-testid="risk-matrix" aria-label="Risk matrix: impact by likelihood">
      <tbody>
        {[...SCALE].reverse().map((impact) => (
          <tr key={impact}>
            <th scope="row">Impact {impact}</th>
            {SCALE.map((likelihood) => {
              const ids = cells[impact - 1][likelihood - 1];
              const score = impact * likelihood;
              const tone = score >= RED_RISK_SCORE ? 'red' : score >= 8 ? 'amber' : 'green';
              return (
                <td
                  key={likelihood}
                  className={`raid-cell is-${tone}`}
                  data-testid={`cell-${impact}-${likelihood}`}
                  title={ids.map((id) => titles.get(id)).join('\n')}
                >
                  {ids.length > 0 ? ids.length : ''}
                </td>
              );
            })}
          </tr>
        ))}
        <tr>
          <td />
          {SCALE.map((likelihood) => (
            <th key={likelihood} scope="col">
              Likelihood {likelihood}
            </th>
          ))}
        </tr>
      </tbody>
    </table>
  );
}
