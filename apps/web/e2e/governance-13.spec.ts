import type { NodeRecord } from '@throughline/domain';
import { baseUrl, expect, nodeByKey, screenshot, test } from './fixtures';

/**
 * Issue 13 end to end, signed in as the demo PMO lead: take a snapshot, change the graph, see the diff; log a risk on
 * a link; record a check-in and see the key result's bar and chart move. What a test adds to the demo (a project, a
 * key result) is deleted afterwards; its RAID item too. Snapshots stay: they are immutable by design.
 */

test('take a snapshot, change the graph, and see the diff', async ({ page, scratch }) => {
  const name = `E2E baseline ${Date.now()}`;
  await page.goto(`${baseUrl()}/snapshots`);
  await page.getByLabel('Snapshot name').fill(name);
  await page.getByRole('button', { name: 'Take snapshot' }).click();
  await expect(page.getByTestId('snapshot-row').filter({ hasText: name })).toBeVisible();

  const project = await scratch.project(`Snapshot diff probe ${Date.now()}`, 'OBJ-1');
  await page.reload();
  const compare = page.getByRole('region', { name: 'Compare' });
  await compare.getByLabel('From').selectOption({ label: name });
  await compare.getByLabel('To').selectOption({ label: 'Now' });
  const counts = page.getByTestId('diff-counts');
  await expect(counts).toContainText('Nodes added1');
  await expect(counts).toContainText('Links added1');
  await expect(page.getByTestId('diff-added').filter({ hasText: project.key }).first()).toBeVisible();
  await screenshot(page, 'governance-13-snapshot-diff');
});

test('log a risk on a link, and see it red on the matrix', async ({ page, request, scratch }) => {
  const project = await scratch.project(`Risky project ${Date.now()}`, 'OBJ-1');
  const title = `Doubt ${project.key} moves OBJ-1`;
  await page.goto(`${baseUrl()}/raid`);
  await page.getByRole('button', { name: 'New item' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Likelihood').selectOption('4');
  await dialog.getByLabel('Impact').selectOption('4');
  await dialog.getByLabel('Find a node').fill(project.key);
  await dialog.getByRole('combobox', { name: 'Node', exact: true }).selectOption(project.id);
  await dialog.getByRole('button', { name: `Attach link ${project.key} → OBJ-1 (contributes to)` }).click();
  await screenshot(page, 'governance-13-raid-form');
  await dialog.getByRole('button', { name: 'Save' }).click();
  const row = page.getByTestId('raid-item').filter({ hasText: title });
  await expect(row).toContainText(`${project.key} → OBJ-1 (contributes to)`);
  await expect(row).toContainText('16 red');
  await screenshot(page, 'governance-13-raid');
  await page.getByRole('button', { name: 'Risk matrix' }).click();
  await expect(page.getByTestId('cell-4-4')).not.toHaveText('');
  await page.mouse.move(10, 600); // off the button: a hovered active button is drawn pale
  await screenshot(page, 'governance-13-risk-matrix');

  const items = (await (await request.get(`${baseUrl()}/api/raid?type=risk`)).json()) as {
    id: string;
    title: string;
  }[];
  const mine = items.find((i) => i.title === title)!;
  // Deleting the project deletes its link: the risk stays, detached.
  await scratch.cleanUp();
  await page.getByRole('button', { name: 'List' }).click();
  await page.reload();
  await expect(page.getByTestId('raid-item').filter({ hasText: title })).toContainText('detached');
  expect((await request.delete(`${baseUrl()}/api/raid/${mine.id}`)).status()).toBe(204);
});

test('record a check-in and see the progress bar and chart move', async ({ page, request }) => {
  const objective = await nodeByKey(request, 'OBJ-1');
  const created = await request.post(`${baseUrl()}/api/nodes`, {
    data: {
      kind: 'key_result',
      title: `Check-in probe ${Date.now()}`,
      owner: 'PMO',
      baseline: 0,
      target: 100,
      current: 10,
      unit: 'sites',
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const kr = (await created.json()) as NodeRecord;
  try {
    const link = await request.post(`${baseUrl()}/api/links`, {
      data: { fromId: kr.id, toId: objective.id, kind: 'contributes_to' },
    });
    expect(link.status(), await link.text()).toBe(201);
    // An earlier measurement, so the chart has a line from it to today's.
    const earlier = await request.post(`${baseUrl()}/api/nodes/${kr.id}/check-ins`, {
      data: { value: 10, at: '2026-10-01' },
    });
    expect(earlier.status(), await earlier.text()).toBe(201);
    // A new key result is in no cycle: the page opens on the current cycle, so ask for all of them.
    await page.goto(`${baseUrl()}/okrs?cycle=all`);
    const item = page.getByTestId(`kr-${kr.key}`);
    const bar = item.getByRole('progressbar');
    await expect(bar).toHaveAttribute('aria-valuenow', '10');
    await item.getByRole('button', { name: 'Check in' }).click();
    await item.getByLabel('Value').fill('65');
    await item.getByLabel('Confidence (0–1)').fill('0.7');
    await item.getByLabel('Note').fill('Wave 2 ahead of plan');
    await item.getByRole('button', { name: 'Record check-in' }).click();
    await expect(bar).toHaveAttribute('aria-valuenow', '65');
    await expect(item).toContainText('70% confident');
    // Two lines: the readings and the confidence (the target is a reference line).
    await expect(page.getByTestId(`chart-${kr.key}`).locator('.recharts-line')).toHaveCount(2);
    await expect(page.getByTestId(`chart-${kr.key}`).locator('.recharts-line').first()).toBeVisible();
    await item.scrollIntoViewIfNeeded();
    await screenshot(page, 'governance-13-okrs');
  } finally {
    await request.delete(`${baseUrl()}/api/nodes/${kr.id}`);
  }
});
