import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Dashboard } from '../../api/dashboard.queries';
import { renderApp, sessionOf } from '../../app/testing';
import { apiError, mockApi, type MockRequest } from '../../test/mockApi';

const unit = (id: string, key: string, name: string) => ({ id, key, name, ownerId: null, ownerName: null });

/** A small organisation: OBJ-1 delivered by NET (a project and a BAU activity), OBJ-2 by nobody. */
const DASHBOARD: Dashboard = {
  generatedAt: '2026-11-30T10:00:00Z',
  headline: {
    objectiveCoverage: { total: 2, covered: 1, share: 0.5 },
    alignmentByCount: { total: 3, aligned: 2, unaligned: 1, share: 2 / 3 },
    alignmentByMoney: { total: 1_500_000, aligned: 1_200_000, unaligned: 300_000, share: 0.8 },
    unalignedMoney: 300_000,
    openErrors: 1,
    optimismGap: {
      count: 1,
      objectives: [{ nodeId: 'o1', key: 'OBJ-1', title: 'Grow', reportedHealth: 'green', derivedHealth: 'amber' }],
    },
  },
  heatmap: {
    businessUnits: [
      { id: 'u-net', key: 'NET', name: 'Networks' },
      { id: 'u-gen', key: 'GEN', name: 'Renewables' },
    ],
    groups: [
      {
        theme: { nodeId: 't1', key: 'THM-1', title: 'Customers', priority: 1 },
        objectives: [
          { nodeId: 'o1', key: 'OBJ-1', title: 'Grow', priority: 1, empty: false },
          { nodeId: 'o2', key: 'OBJ-2', title: 'Shrink costs', priority: 2, empty: true },
        ],
      },
    ],
    cells: [{ objectiveId: 'o1', businessUnitId: 'u-net', count: 2, money: 1_200_000, assetValue: 0 }],
  },
  investmentMix: {
    basis: 'annualised',
    note: 'Change budgets are spread evenly over their start–end dates.',
    themes: [{ nodeId: 't1', key: 'THM-1', title: 'Customers', change: 1_000_000, bau: 200_000, asset: 0, items: 2 }],
    objectives: [{ nodeId: 'o1', key: 'OBJ-1', title: 'Grow', change: 1_000_000, bau: 200_000, asset: 0, items: 2 }],
    unaligned: { change: 300_000, bau: 0, asset: 0, items: 1 },
  },
  objectives: [
    {
      nodeId: 'o1',
      key: 'OBJ-1',
      title: 'Grow',
      owner: 'Chief Customer Officer',
      priority: 1,
      themeIds: ['t1'],
      progress: 0.31,
      reportedHealth: 'green',
      derivedHealth: 'amber',
      deliveryByKind: { programme: 0, project: 1, bau: 1, asset: 0 },
      accountable: {
        owner: 'Chief Customer Officer',
        keyResultOwners: [{ nodeId: 'k1', key: 'KR-1', title: 'Customers', owner: 'Head of Metering' }],
        accountableUnits: [],
        deliveryUnits: [{ ...unit('u-net', 'NET', 'Networks'), ownerName: 'Nia Owner', items: 2 }],
      },
    },
  ],
  accountability: [
    {
      unit: { ...unit('u-net', 'NET', 'Networks'), ownerName: 'Nia Owner' },
      work: { count: 3, money: 1_500_000 },
      alignment: { count: 2 / 3, money: 0.8 },
      objectivesServed: [{ nodeId: 'o1', key: 'OBJ-1', title: 'Grow' }],
      accountableFor: [],
      dependencies: { given: 1, received: 0 },
      owners: ['Nia Owner', 'Programme Director'],
    },
  ],
};

function api() {
  return mockApi({
    'GET /health': { status: 'ok', database: 'connected' },
    'GET /auth/session': sessionOf('executive'),
    'GET /notifications': { items: [], unread: 0 },
    'GET /dashboard': DASHBOARD,
    'GET /dashboard/objectives/o1/work': (request: MockRequest) =>
      request.query.get('businessUnitId') === 'u-net'
        ? {
            objectiveId: 'o1',
            businessUnitId: 'u-net',
            items: [
              { nodeId: 'p1', key: 'PRJ-1', kind: 'project', title: 'Smart meters', money: 1_000_000 },
              { nodeId: 'b1', key: 'BAU-1', kind: 'bau', title: 'Installs', money: 200_000 },
            ],
          }
        : apiError(404, 'NOT_FOUND', 'not this cell'),
    // r1 on the BAU activity and on OBJ-2, r2 on a node no card's chain holds: the API counts each once.
    'GET /dashboard/red-risks': { open: 2, objectives: [{ objectiveId: 'o1', count: 1 }] },
  });
}

describe('DashboardPage', () => {
  it('is the executive’s home, with the headline figures in the organisation’s currency', async () => {
    api();
    const app = renderApp('/');
    const coverage = await screen.findByTestId('figure-coverage', {}, { timeout: 5000 });
    expect(app.location()).toBe('/dashboard');
    expect(coverage).toHaveTextContent('50%');
    expect(coverage).toHaveTextContent('1 of 2 active objectives');
    expect(screen.getByTestId('figure-alignment-count')).toHaveTextContent('67%');
    expect(screen.getByTestId('figure-alignment-money')).toHaveTextContent('80%');
    expect(screen.getByTestId('figure-unaligned-money')).toHaveTextContent('£300k');
    expect(screen.getByTestId('figure-unaligned-money')).toHaveTextContent('£300,000');
    expect(screen.getByTestId('figure-open-errors')).toHaveTextContent('1');
    expect(screen.getByTestId('figure-optimism-gap')).toHaveTextContent('OBJ-1');
    expect(screen.getByRole('link', { name: 'Dashboard' })).toHaveClass('active');
  });

  it('marks objectives without delivery and lists the work behind a cell, each leading to its chain', async () => {
    api();
    renderApp('/dashboard');
    const empty = await screen.findByTestId('heatmap-row-OBJ-2', {}, { timeout: 5000 });
    expect(empty).toHaveClass('heatmap-empty');
    expect(empty).toHaveTextContent('no delivery');
    const cell = screen.getByTestId('cell-OBJ-1-NET');
    expect(cell).toHaveTextContent('£1.2m');
    await userEvent.click(screen.getByRole('button', { name: 'Count' }));
    expect(cell).toHaveTextContent('2');
    await userEvent.click(cell);
    const list = await screen.findByTestId('cell-work');
    expect(await within(list).findByText(/Smart meters/)).toBeInTheDocument();
    expect(within(list).getByText(/Installs/)).toHaveTextContent('BAU-1 Installs · £200,000');
    expect(within(list).getAllByRole('link', { name: 'Open its chain on the map' })[0]).toHaveAttribute(
      'href',
      '/map?scope=chain&root=o1&sel=p1',
    );
  });

  it('says how money is counted, leaves a slot for the trend, and shows who is accountable', async () => {
    api();
    renderApp('/dashboard');
    expect(await screen.findByTestId('mix-basis', {}, { timeout: 5000 })).toHaveTextContent(
      'Per year. Change budgets are spread evenly',
    );
    expect(screen.getByTestId('trend')).toHaveTextContent('Appears once snapshots are taken');
  });

  it('draws coverage over time from the snapshots, oldest first', async () => {
    mockApi({
      'GET /health': { status: 'ok', database: 'connected' },
      'GET /auth/session': sessionOf('executive'),
      'GET /notifications': { items: [], unread: 0 },
      'GET /dashboard': DASHBOARD,
      'GET /snapshots/trend': [
        {
          snapshotId: 's1',
          name: 'Q3 baseline',
          takenAt: '2026-09-30T12:00:00Z',
          objectiveCoverage: 0.4,
          objectivesCovered: 4,
          objectivesTotal: 10,
        },
        {
          snapshotId: 's2',
          name: 'Q4 baseline',
          takenAt: '2026-11-30T12:00:00Z',
          objectiveCoverage: 0.5,
          objectivesCovered: 5,
          objectivesTotal: 10,
        },
      ],
    });
    renderApp('/dashboard');
    const points = await screen.findByTestId('trend-points', {}, { timeout: 5000 });
    const items = within(points)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual(['Q3 baseline · 30 Sept 2026 · 40% (4 of 10)', 'Q4 baseline · 30 Nov 2026 · 50% (5 of 10)']);
    expect(screen.getByTestId('trend')).not.toHaveTextContent('Appears once snapshots are taken');
    const card = screen.getByTestId('objective-card-OBJ-1');
    expect(card).toHaveTextContent('Reported: Green');
    expect(card).toHaveTextContent('Derived: Amber');
    expect(card).toHaveTextContent('optimistic');
    expect(card).toHaveTextContent('KR-1: Head of Metering');
    expect(card).toHaveTextContent('NET Networks, Nia Owner (2)');
    // Delivery by kind, one and many: 0 programmes, 1 project (not "1 projects"), 1 BAU, 0 assets.
    expect(
      ['programme', 'project', 'bau', 'asset'].map((k) => within(card).getByTestId(`delivery-${k}`).textContent),
    ).toEqual(['0 programmes', '1 project', '1 BAU', '0 assets']);
    const net = screen.getByTestId('accountability-NET');
    expect(net).toHaveTextContent('67% / 80%');
    expect(net).toHaveTextContent('Programme Director');
  });
  it('counts the open red risks once each, links to them, and badges the cards whose chain carries one', async () => {
    api();
    const app = renderApp('/dashboard');
    const figure = await screen.findByTestId('figure-red-risks', {}, { timeout: 5000 });
    await within(figure).findByText('2');
    const badge = await screen.findByTestId('objective-red-risks-OBJ-1');
    expect(badge).toHaveTextContent('1 open red risk in its chain');
    await userEvent.click(within(figure).getByRole('link', { name: 'See them in the RAID log' }));
    expect(app.location()).toBe('/raid?red=true');
  });

  it('says in words what a card is missing, and treats an unknown health as no optimism gap, as the API does', async () => {
    const card = DASHBOARD.objectives[0];
    const bare = {
      ...card,
      nodeId: 'o3',
      key: 'OBJ-3',
      owner: null,
      reportedHealth: 'green' as const,
      derivedHealth: 'unknown' as const,
      accountable: {
        owner: null,
        keyResultOwners: [{ nodeId: 'k3', key: 'KR-3', title: 'Leads', owner: null }],
        accountableUnits: [],
        deliveryUnits: [
          { ...unit('u-gen', 'GEN', 'Renewables'), items: 1 },
          { id: null, key: null, name: null, ownerId: null, ownerName: null, items: 2 },
        ],
      },
    };
    mockApi({
      'GET /health': { status: 'ok', database: 'connected' },
      'GET /auth/session': sessionOf('executive'),
      'GET /notifications': { items: [], unread: 0 },
      'GET /dashboard/red-risks': { open: 0, objectives: [] },
      'GET /dashboard': { ...DASHBOARD, objectives: [card, bare] },
    });
    renderApp('/dashboard');
    const three = await screen.findByTestId('objective-card-OBJ-3', {}, { timeout: 5000 });
    expect(three).toHaveTextContent('Owner: No owner named');
    expect(three).toHaveTextContent('No accountable unit');
    expect(three).toHaveTextContent('KR-3: no owner named');
    expect(three).toHaveTextContent('GEN Renewables, no owner named (1); Work with no unit (2)');
    expect(three).not.toHaveTextContent('null');
    expect(three).not.toHaveTextContent('optimistic');
    expect(screen.getByTestId('objective-card-OBJ-1')).toHaveTextContent('optimistic');
    expect(screen.queryByTestId('objective-red-risks-OBJ-1')).toBeNull();
    expect(await within(screen.getByTestId('figure-red-risks')).findByText('0')).toBeInTheDocument();
  });
});
