// First: the tokens and base, then the shared controls; each feature's sheet comes with its components.
import './app.css';
import '../ui/ui.css';
import { MapPage } from '../features/map/MapScreen';
import { ActorName } from '../ui/ActorName';
import { DatabaseStatus } from '../ui/DatabaseStatus';
import { ToastProvider } from '../ui/Toasts';

export function App() {
  return (
    <ToastProvider>
      <div className="app">
        <header className="app-header">
          <h1 className="brand">Throughline</h1>
          <span className="tagline">strategy to delivery, one graph</span>
          <ActorName />
          <DatabaseStatus />
        </header>
        <main className="app-main">
          <MapPage />
        </main>
      </div>
    </ToastProvider>
  );
}
