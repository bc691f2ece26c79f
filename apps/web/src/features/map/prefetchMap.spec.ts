import { QueryClient } from '@tanstack/react-query';
import { graphViewPath, graphViewQuery } from '../../api/graph.queries';
import { prefetchMap } from './prefetchMap';
import { parseMapUrl, viewParams } from './useMapUrl';

describe('prefetchMap', () => {
  const view = { scope: 'all', rootId: null, truncated: false, nodes: [], links: [] };
  let fetchMock: jest.Mock;

  beforeEach(() => {
    window.history.replaceState(null, '', '/?scope=all&limit=500');
    fetchMock = jest.fn(async () => ({ ok: true, status: 200, json: async () => [] }) as unknown as Response);
    global.fetch = fetchMock;
  });
  afterEach(() => {
    delete window.__throughlineEarly;
  });

  it('adopts the view boot.js asked for from <head> instead of asking again', async () => {
    const path = graphViewPath(viewParams(parseMapUrl(new URLSearchParams(window.location.search))));
    window.__throughlineEarly = {
      [path]: Promise.resolve({ status: 200, json: async () => view } as unknown as Response),
    };
    const client = new QueryClient();
    prefetchMap(client);
    const key = graphViewQuery({ scope: 'all', limit: 500 }).queryKey;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(client.getQueryData(key)).toEqual(view);
    expect(fetchMock.mock.calls.map(([url]) => String(url)).filter((url) => url.includes('/graph'))).toEqual([]);
  });

  it('asks itself when nothing was started early', async () => {
    const client = new QueryClient();
    prefetchMap(client);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fetchMock.mock.calls.map(([url]) => String(url)).some((url) => url.includes('/api/graph?scope=all'))).toBe(
      true,
    );
  });
});
