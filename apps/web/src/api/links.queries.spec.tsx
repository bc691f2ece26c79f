import { QueryClientProvider } from '@tanstack/react-query';
import type { GraphView, LinkRecord } from '@throughline/domain';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createQueryClient } from '../app/queryClient';
import { apiError, mockApi } from '../test/mockApi';
import { graphKeys } from './graph.queries';
import { OPTIMISTIC_PREFIX, useCreateLink } from './links.queries';

const view: GraphView = {
  scope: 'all',
  truncated: false,
  nodes: [
    {
      id: 'p',
      key: 'PRJ-31',
      kind: 'project',
      title: 'p',
      owner: null,
      businessUnitId: null,
      status: 'active',
      health: 'green',
      version: 1,
    },
    {
      id: 'o',
      key: 'OBJ-10',
      kind: 'objective',
      title: 'o',
      owner: null,
      businessUnitId: null,
      status: 'active',
      health: 'green',
      version: 1,
    },
  ],
  links: [],
};
const viewKey = graphKeys.view({ scope: 'all', limit: 2000 });

function setup(answer: unknown) {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const api = mockApi({
    'POST /links': async () => {
      await gate; // hold the answer so the optimistic state can be seen
      return answer;
    },
    'GET /graph': view,
  });
  const client = createQueryClient();
  client.setQueryData(viewKey, view);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const hook = renderHook(() => useCreateLink(), { wrapper });
  return { client, hook, release, api };
}

const links = (client: ReturnType<typeof createQueryClient>) => client.getQueryData<GraphView>(viewKey)!.links;

describe(useCreateLink.name, () => {
  it('draws the link before the API answers, then swaps in the saved one', async () => {
    const saved = {
      id: 'l1',
      fromId: 'p',
      toId: 'o',
      kind: 'contributes_to',
      state: 'approved',
      weight: 20,
    } as LinkRecord;
    const { client, hook, release, api } = setup(saved);
    act(() => hook.result.current.mutate({ fromId: 'p', toId: 'o', kind: 'contributes_to', weight: 20 }));
    await waitFor(() => expect(links(client)).toHaveLength(1));
    expect(links(client)[0].id.startsWith(OPTIMISTIC_PREFIX)).toBe(true);
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({
      fromId: 'p',
      toId: 'o',
      kind: 'contributes_to',
      weight: 20,
    });

    release();
    await waitFor(() => expect(hook.result.current.isSuccess).toBe(true));
    expect(links(client).map((l) => l.id)).toEqual(['l1']);
  });

  it('takes the link out again and reports the API’s reason when it is refused', async () => {
    const { client, hook, release } = setup(
      apiError(409, 'LINK_CYCLE', 'This link would close a cycle: OBJ-10 → PRJ-31'),
    );
    act(() => hook.result.current.mutate({ fromId: 'p', toId: 'o', kind: 'contributes_to' }));
    await waitFor(() => expect(links(client)).toHaveLength(1));

    release();
    await waitFor(() => expect(hook.result.current.isError).toBe(true));
    expect(links(client)).toEqual([]);
    expect(hook.result.current.error?.message).toBe('This link would close a cycle: OBJ-10 → PRJ-31');
  });
});
