/**
 * The requests `boot.js` (vite.config.ts) starts from `<head>`, before the app's script has arrived: the session,
 * on `/dashboard` the dashboard, on the map's addresses the map's view (features/map/earlyGraphPath.ts)
 * (docs/performance.md, "Dashboard" and "Map"). Each is adopted once, by the query that
 * would have asked for it; an answer that is not a plain 200 is left alone and the query asks again itself, so
 * errors (a 401, a 503) go through the one path the rest of the app knows (`http`).
 */
declare global {
  interface Window {
    __throughlineEarly?: Record<string, Promise<Response> | undefined>;
  }
}

export async function adoptEarly<T>(path: string, ask: () => T | Promise<T>): Promise<T> {
  const early = window.__throughlineEarly?.[path];
  if (!early) return ask();
  window.__throughlineEarly![path] = undefined;
  try {
    const response = await early;
    if (response.status === 200) return (await response.json()) as T;
  } catch {
    // A network error or an unreadable body: asked again below, where it is reported as usual.
  }
  return ask();
}
