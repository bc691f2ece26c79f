import { baseUrl, expect, mapOf, screenshot, test } from './fixtures';

/**
 * Issue 13's overlays, signed in as the demo PMO lead: an open red risk shows as a badge on its node on the map and
 * on the executive dashboard (its headline figure and the card of the objective whose chain carries it); the
 * snapshots page's "Show on map" outlines what was added since the snapshot. What a test adds (a project, its risk)
 * is deleted afterwards; snapshots stay (immutable by design).
 */

test('an open red risk is a badge on its node on the map, and on the dashboard', async ({ page, request, scratch }) => {
  const project = await scratch.project(`Red risk probe ${Date.now()}`, 'OBJ-1');
  const created = await request.post(`${baseUrl()}/api/raid`, {
    data: {
      type: 'risk',
      title: `Contractor may walk away from ${project.key}`,
      likelihood: 4,
      impact: 4,
      attachments: [{ nodeId: project.id }],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const risk = (await created.json()) as { id: string };
  try {
    const map = mapOf(page);
    await map.open();
    await map.search(project.key);
    await expect(map.node(project.key).getByRole('img', { name: '1 open red risk' })).toHaveText('1');
    await screenshot(page, 'raid-badge-map');

    // The headline counts each open red risk once, however many nodes carry it.
    const perNode = (await (await request.get(`${baseUrl()}/api/raid/red-risks`)).json()) as { itemIds: string[] }[];
    const open = new Set(perNode.flatMap((r) => r.itemIds)).size;
    expect(open).toBeGreaterThan(0);
    await page.goto(`${baseUrl()}/dashboard`);
    const figure = page.getByTestId('figure-red-risks');
    await expect(figure.locator('.figure-value')).toHaveText(String(open));
    await expect(page.getByTestId('objective-red-risks-OBJ-1')).toContainText('open red risk');
    await figure.getByRole('link', { name: 'See them in the RAID log' }).click();
    await expect(page).toHaveURL(/\/raid\?red=true$/);
    await expect(page.getByTestId('raid-item').filter({ hasText: project.key })).toContainText('16 red');
  } finally {
    expect((await request.delete(`${baseUrl()}/api/raid/${risk.id}`)).status()).toBe(204);
  }
});

test('"Show on map" outlines the node added since a snapshot, and lists what the map cannot show', async ({
  page,
  scratch,
}) => {
  const name = `Overlay baseline ${Date.now()}`;
  await page.goto(`${baseUrl()}/snapshots`);
  await page.getByLabel('Snapshot name').fill(name);
  await page.getByRole('button', { name: 'Take snapshot' }).click();
  await expect(page.getByTestId('snapshot-row').filter({ hasText: name })).toBeVisible();

  const project = await scratch.project(`Overlay probe ${Date.now()}`, 'OBJ-1');
  await page.reload();
  const compare = page.getByRole('region', { name: 'Compare' });
  await compare.getByLabel('From').selectOption({ label: name });
  await compare.getByLabel('To').selectOption({ label: 'Now' });
  await compare.getByTestId('diff-on-map').click();
  await expect(page).toHaveURL(/\/map\?diff=/);

  const map = mapOf(page);
  await map.ready();
  const panel = page.getByTestId('diff-overlay');
  await expect(panel).toContainText(`Changes since “${name}”`);
  await expect(panel).toContainText('1 added (outlined green)');
  await expect(page.getByTestId('diff-overlay-links-added')).toContainText(project.key);
  await map.search(project.key);
  const card = map.node(project.key);
  await expect(card).toHaveClass(/diff-added/);
  await expect(card.getByTestId('diff-tag')).toHaveText('new');
  // Only the new node is outlined as added: the ones that were there at the snapshot are not.
  await expect(page.locator('.tl-node.diff-added')).toHaveCount(1);
  await screenshot(page, 'snapshot-diff-overlay');

  // Hiding the comparison takes it out of the URL and off the cards.
  await panel.getByRole('button', { name: 'Hide' }).click();
  await expect(page).not.toHaveURL(/diff=/);
  await expect(card).not.toHaveClass(/diff-added/);
});
