import { useQuery } from '@tanstack/react-query';
import { healthQuery } from '../api/health.queries';
import './ui.css';

/**
 * The header's word on the API and its database. Connected, it is a green dot (the words in its tooltip and for
 * screen readers): the header has no room to spare beside an admin's ten links. Checking or unreachable, it says so.
 */
export function DatabaseStatus() {
  const health = useQuery(healthQuery());
  const state = health.isPending
    ? { tone: 'pending', text: 'checking database…' }
    : health.data?.database === 'connected'
      ? { tone: 'ok', text: 'database connected' }
      : { tone: 'bad', text: 'database unreachable' };
  if (state.tone === 'ok')
    return (
      <span className="status-dot" role="status" title="Database connected" data-testid="database-status">
        <span className="sr-only">{state.text}</span>
      </span>
    );
  return (
    <span className={`status-pill status-${state.tone}`} role="status" data-testid="database-status">
      {state.text}
    </span>
  );
}
