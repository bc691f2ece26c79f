import { act, renderHook, waitFor } from '@testing-library/react';
import { mockApi } from '../../../test/mockApi';
import { providers } from '../../../test/providers';
import { parseMapUrl } from '../useMapUrl';
import { useMapData } from './useMapData';

jest.mock('../layout/layoutClient', () => ({ prewarmLayout: jest.fn() }));

const view = { scope: 'all', rootId: null, truncated: false, nodes: [], links: [] };

describe(useMapData.name, () => {
  it('asks for the audit and the roll-ups only once the first view is laid out and painted', async () => {
    const api = mockApi({
      'GET /graph': view,
      'GET /business-units': [],
      'GET /audit': { findings: [], summary: { errors: 0, warnings: 0, info: 0, total: 0 } },
      'GET /coverage': { rollups: [] },
    });
    const { wrapper } = providers();
    const hook = renderHook(() => useMapData(parseMapUrl(new URLSearchParams('scope=all'))), { wrapper });
    await waitFor(() => expect(hook.result.current.viewReady).toBe(true));
    const asked = () => api.calls.map((c) => c.path);
    // The view is in, not yet laid out: the audit and roll-ups (a second of the API's CPU each on a large
    // organisation) must not compete with the layout.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(asked()).not.toContain('/audit');
    expect(asked()).not.toContain('/coverage');

    act(() => hook.result.current.startDecorating());
    // Asked two frames later, not in the same task: the laid-out view is painted first.
    expect(asked()).not.toContain('/audit');
    await waitFor(() => expect(asked()).toEqual(expect.arrayContaining(['/audit', '/coverage'])));
  });
});
