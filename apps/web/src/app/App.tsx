import { MapCanvas } from '../features/map/MapCanvas';
import { DatabaseStatus } from '../ui/DatabaseStatus';

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="brand">Throughline</h1>
        <span className="tagline">strategy to delivery, one graph</span>
        <DatabaseStatus />
      </header>
      <main className="app-main">
        <MapCanvas />
      </main>
    </div>
  );
}
