import { useQuery } from '@tanstack/react-query';
import { healthQuery } from '../api/health.queries';
import './ui.css';

/** A pill in the header: is the API up and its database connected? */
export function DatabaseStatus() {
  const health = useQuery(healthQuery());
  const state = health.isPending
    ? { tone: 'pending', text: 'checking database…' }
    : health.data?.database === 'connected'
      ? { tone: 'ok', text: 'database connected' }
      : { tone: 'bad', text: 'database unreachable' };
  return (
    <span className={`status-pill status-${state.tone}`} role="status" data-testid="database-status">
      {state.text}
    </span>
  );
}
