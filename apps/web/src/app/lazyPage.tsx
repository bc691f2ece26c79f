import { useEffect, useState, type ComponentType } from 'react';
import { ErrorBoundary } from '../ui/ErrorBoundary';

/**
 * A page in a chunk of its own, fetched when it is first opened (App.tsx): the dashboard (an executive's first
 * page) and log-in stay in the entry, so they never wait for the map's React Flow code to be parsed
 * (docs/performance.md, "Dashboard"); `vite.config.ts` tells `boot.js` the map's chunk and sheets, which it
 * preloads on the map's own addresses.
 *
 * Not `React.lazy` under `<Suspense>`: React holds a boundary's content back until 300 ms after its fallback was
 * shown (its reveal throttle), so a map whose code came in 60 ms after the session still opened 300 ms later
 * (docs/performance.md, "Map"). The splash here is plain state: the page draws the moment its code is in, and
 * at once when it already is. A load that fails is the error boundary's to show, and the next visit asks again.
 */
export function lazyPage(load: () => Promise<ComponentType>): {
  Page: () => React.JSX.Element;
  load: () => Promise<ComponentType>;
} {
  let loaded: ComponentType | undefined;
  let loading: Promise<ComponentType> | undefined;
  const loadOnce = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));

  function Code() {
    const [code, setCode] = useState<{ component?: ComponentType; error?: Error }>(() => ({ component: loaded }));
    useEffect(() => {
      if (code.component) return;
      let current = true;
      loadOnce().then(
        (component) => {
          if (current) setCode({ component });
        },
        (error: unknown) => {
          if (current) setCode({ error: error instanceof Error ? error : new Error(String(error)) });
        },
      );
      return () => {
        current = false;
      };
    }, [code.component]);
    if (code.error) throw code.error;
    const Loaded = code.component;
    return Loaded ? <Loaded /> : <div className="splash" />;
  }

  return {
    Page: function Page() {
      return (
        <ErrorBoundary>
          <Code />
        </ErrorBoundary>
      );
    },
    load: loadOnce,
  };
}
