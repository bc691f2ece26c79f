import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/**
 * What a page shows when drawing it failed, instead of a blank screen: what happened in words and a
 * way on (reload). The header stays, so every other page is still one click away. A page's code that
 * could not be fetched (a new version deployed since the tab opened, or the network gone) ends here too.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    // The browser's console is where a support call starts; the page says it in words.
    console.error('A page failed to draw', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const loading = /dynamically imported module|Loading chunk|Failed to fetch/i.test(error.message);
    return (
      <div className="page-error" role="alert">
        <h1>This page could not be shown</h1>
        <p>
          {loading
            ? 'Its code could not be loaded: the connection dropped, or a new version of Throughline is out.'
            : 'Something went wrong while drawing it. Nothing you entered has been lost on the server.'}{' '}
          Reloading usually puts it right.
        </p>
        <button type="button" className="btn" onClick={() => window.location.reload()}>
          Reload the page
        </button>
        <details>
          <summary>Details for support</summary>
          <pre>{error.message}</pre>
        </details>
      </div>
    );
  }
}
