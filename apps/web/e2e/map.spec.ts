import { readFileSync } from 'node:fs';
import { baseUrl, DEMO, expect, mapOf, screenshot, test } from './fixtures';

/**
 * The map against the real API and the demo organisation (docs/demo-portfolio.md). Every test
 * opens its own page and sets up what it needs, and `scratch` removes what it added, so the
 * tests pass alone, in any order and repeated (`npx playwright test --repeat-each 2`).
 */

test('opens the demo organisation’s map, laid out', async ({ page }) => {
  const map = mapOf(page);
  await map.open();
  await expect(map.statusLine()).toContainText(`${DEMO.nodes} nodes · ${DEMO.links} links`);
  await expect(map.statusLine()).toContainText(/laid out in \d+ ms/);
  await expect(page.locator('.react-flow__node')).toHaveCount(DEMO.nodes);
  // Themes sit above their objectives, objectives above key results, key results above work.
  const y = async (key: string) => (await map.node(key).boundingBox())!.y;
  expect(await y('THM-1')).toBeLessThan(await y('OBJ-1'));
  expect(await y('OBJ-1')).toBeLessThan(await y('KR-1.1'));
  expect(await y('KR-1.1')).toBeLessThan(await y('PRJ-1'));
  await screenshot(page, 'map');
  // On the map's address boot.js fetched the map's code and its sheets from <head>, before the entry ran: the
  // chunk as a module preload, the sheets as style preloads (applied later, in the app's own order).
  const preloaded = (selector: string) =>
    page.locator(`head ${selector}`).evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
  expect(await preloaded('link[rel=modulepreload]')).toContainEqual(
    expect.stringMatching(/\/assets\/HomePage-.*\.js$/),
  );
  expect(await preloaded('link[rel=preload][as=style]')).toContainEqual(expect.stringMatching(/\.css$/));

  await map.search('OBJ-2');
  await page.locator('.react-flow__controls-zoomout').click();
  await page.waitForTimeout(400);
  await screenshot(page, 'map-detail');
});

test('the audit overlay lists findings by rule and shows one on the map', async ({ page }) => {
  const map = mapOf(page);
  await map.open();
  await page.getByTestId('audit-toggle').click();
  const panel = page.getByTestId('findings-panel');
  await expect(panel).toBeVisible();
  await expect(panel.locator('[data-testid=finding]')).toHaveCount(DEMO.findings);
  await expect(panel.locator('details[data-rule="objective-without-delivery"]')).toContainText(
    'Objectives with no delivery',
  );

  // Filter by severity: only the two errors remain.
  await panel.getByRole('button', { name: new RegExp(`^error ${DEMO.errors}$`) }).click();
  await expect(panel.locator('[data-testid=finding]')).toHaveCount(DEMO.errors);
  await expect(page).toHaveURL(/severity=error/);

  await map.finding('objective-without-delivery', 'OBJ-10').click();
  await expect(page.getByTestId('selected-key')).toHaveText('OBJ-10', { useInnerText: false });
  await expect(page.locator('.react-flow__node.is-lit [data-key="OBJ-10"]')).toHaveCount(1);
  await expect(map.node('OBJ-10')).toHaveClass(/has-error/); // the red ring of an error finding
  await expect(page.getByRole('region', { name: 'Finding' })).toContainText('OBJ-10');
  await page.waitForTimeout(500);
  await screenshot(page, 'audit');
});

test('adds a project, connects it to the objective with no delivery, and the finding goes', async ({
  page,
  scratch,
}) => {
  const map = mapOf(page);
  await map.open('?audit=1');
  await expect(map.finding('objective-without-delivery', 'OBJ-10')).toHaveCount(1);

  const newKey = await map.createProject(scratch, 'OBJ-10');
  await expect(page.getByTestId('node-panel')).toContainText(newKey);
  await expect(map.statusLine()).toContainText(`${DEMO.nodes + 1} nodes · ${DEMO.links} links`);

  // Made while OBJ-10 was selected: drawn below it, and the link between them offered at once.
  expect((await map.node(newKey).boundingBox())!.y).toBeGreaterThan((await map.node('OBJ-10').boundingBox())!.y);
  const offer = page.getByTestId('link-dialog');
  await expect(offer.getByTestId('link-option').first()).toContainText(`${newKey} moves OBJ-10`);
  await page.getByTestId('link-submit').click();
  await expect(page.getByTestId('toast').filter({ hasText: `Linked ${newKey} → OBJ-10` })).toBeVisible();
  await expect(map.statusLine()).toContainText(`${DEMO.nodes + 1} nodes · ${DEMO.links + 1} links`);

  // The audit runs again: OBJ-10 has delivery now.
  await expect(map.finding('objective-without-delivery', 'OBJ-10')).toHaveCount(0);
  await expect(
    page.getByTestId('findings-panel').getByRole('button', { name: new RegExp(`^error ${DEMO.errors - 1}$`) }),
  ).toBeVisible();
  await expect(map.node('OBJ-10')).not.toHaveClass(/has-error/);
  // One project is all it has: the audit now warns of that instead (docs/domain.md, single-point-of-failure).
  await expect(map.finding('single-point-of-failure', 'OBJ-10')).toHaveCount(1);
});

test('refuses an impossible connection and says why', async ({ page, scratch }) => {
  const map = mapOf(page);
  await map.open();
  const newKey = await map.createProject(scratch, 'OBJ-10'); // drawn below OBJ-10
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click(); // the offered link: not now
  await expect(map.statusLine()).toContainText(`${DEMO.nodes + 1} nodes · ${DEMO.links} links`);

  // An objective cannot contribute to a project: the link runs the other way, said in plain words.
  await map.dragLink('OBJ-10', 'top', newKey, 'bottom', async () => {
    await expect(page.getByTestId('connection-hint')).toContainText('OBJ-10 (an objective) cannot link to');
  });
  const toast = page.getByTestId('toast').filter({ hasText: `link from ${newKey} to OBJ-10 instead` });
  await expect(toast).toBeVisible();
  await expect(toast).not.toContainText(/contributes_to|allowed:/);
  await page.waitForTimeout(300);
  await expect(map.statusLine()).toContainText(`${DEMO.nodes + 1} nodes · ${DEMO.links} links`);
});

test('traces an objective: its chain lit, the rest dimmed, the path in a breadcrumb', async ({ page, request }) => {
  const map = mapOf(page);
  await map.open();
  await map.search('OBJ-1');
  await page.getByRole('button', { name: 'Trace', exact: true }).first().click();
  const bar = page.getByTestId('trace-bar');
  await expect(bar.locator('.trace-path').first()).toHaveText(/THM-1\s*›\s*OBJ-1/);
  await expect(page).toHaveURL(/trace=/);

  const id = await page.locator('.react-flow__node:has([data-key="OBJ-1"])').getAttribute('data-id');
  const trace = (await (
    await request.get(`${baseUrl()}/api/graph/trace/${id}?direction=both&includeProposed=true`)
  ).json()) as {
    nodes: { key: string }[];
  };
  const expected = trace.nodes.map((n) => n.key).sort();
  expect(expected).toEqual(expect.arrayContaining(['THM-1', 'OBJ-1', 'OBJ-8', 'KR-1.1', 'PRG-1', 'PRJ-1']));

  // The map frames the chain; the screenshot shows it without toasts.
  await map.dismissToasts();
  await page.waitForTimeout(500);
  await screenshot(page, 'trace');

  await map.fitView();
  const lit = await page
    .locator('.react-flow__node.is-lit [data-key]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-key')));
  expect(lit.sort()).toEqual(expected);
  const dimmed = await page.locator('.react-flow__node.is-dimmed').count();
  expect(dimmed).toBe(DEMO.nodes - expected.length);

  await page.keyboard.press('Escape');
  await expect(bar).toHaveCount(0);
  await expect(page.locator('.react-flow__node.is-dimmed')).toHaveCount(0);
});

test('filters by business unit, in the URL: the unit’s work and what it serves', async ({ page, request }) => {
  const map = mapOf(page);
  await map.open();
  await expect(map.node('PRJ-19')).toHaveCount(1); // a Renewables project, drawn before the filter
  // The filters open in a panel of their own (at 1280 px five selects in the toolbar were unreadable stubs).
  await page.getByTestId('filters-toggle').click();
  const unitSelect = page.getByRole('group', { name: 'Filters' }).getByLabel('Business unit');
  await unitSelect.selectOption({ label: 'NET — Networks' });
  await expect(page).toHaveURL(/bu=/);
  const unitId = await unitSelect.inputValue();
  await expect(map.statusLine()).not.toContainText(`${DEMO.nodes} nodes`);
  await expect(map.statusLine()).toContainText(/laid out in/);
  await map.fitView();

  // Exactly what the API's business_unit scope defines: Networks' work and everything it serves.
  const view = (await (
    await request.get(`${baseUrl()}/api/graph?scope=business_unit&businessUnitId=${unitId}&includeProposed=true`)
  ).json()) as { nodes: { key: string }[] };
  const expected = view.nodes.map((n) => n.key).sort();
  expect(expected).toEqual(expect.arrayContaining(['THM-1', 'OBJ-1', 'PRG-1', 'PRJ-1']));
  expect(expected).not.toContain('PRJ-19');
  await expect(map.node('PRJ-19')).toHaveCount(0);
  await expect
    .poll(async () =>
      (
        await page
          .locator('.react-flow__node [data-key]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-key')))
      ).sort(),
    )
    .toEqual(expected);
  await expect(map.statusLine()).toContainText(`${expected.length} nodes`);
});

test('after a reload the view, a new project and its link are still there', async ({ page, scratch }) => {
  const project = await scratch.project('Community energy pilot', 'OBJ-10');
  const map = mapOf(page);
  await map.open();
  await page.getByTestId('filters-toggle').click();
  await page
    .getByRole('group', { name: 'Filters' })
    .getByLabel('Business unit')
    .selectOption({ label: 'NET — Networks' });
  await page.getByTestId('audit-toggle').click();
  await expect(page).toHaveURL(/bu=.*audit=1|audit=1.*bu=/);

  await page.reload();
  await map.ready();
  await expect(page.getByTestId('filters-toggle')).toHaveText('Filters · 1');
  await page.getByTestId('filters-toggle').click();
  await expect(page.getByRole('group', { name: 'Filters' }).getByLabel('Business unit')).toHaveValue(/.+/);
  await page.getByRole('button', { name: /^Clear/ }).click();
  await page.keyboard.press('Escape'); // the filters' panel closes
  await expect(page.getByRole('group', { name: 'Filters' })).toHaveCount(0);
  await expect(map.statusLine()).toContainText(`${DEMO.nodes + 1} nodes · ${DEMO.links + 1} links`);
  await expect(page.getByTestId('findings-panel')).toBeVisible(); // the overlay was in the URL too
  await expect(map.finding('objective-without-delivery', 'OBJ-10')).toHaveCount(0);

  await map.search(project.key);
  const panel = page.getByTestId('node-panel');
  await expect(panel.getByLabel('Title')).toHaveValue('Community energy pilot');
  await panel.getByRole('tab', { name: 'links' }).click();
  await expect(panel.locator('.link-row')).toContainText('contributes to');
  await expect(panel.locator('.link-row')).toContainText('OBJ-10');
});

test('exports the drawn view as real SVG (title, legend, no HTML) and as PNG, quickly', async ({ page }) => {
  const map = mapOf(page);
  await map.open();
  const svg = page.waitForEvent('download');
  let started = Date.now();
  await page.getByRole('button', { name: 'SVG', exact: true }).click();
  const text = readFileSync(await (await svg).path(), 'utf8');
  const svgMs = Date.now() - started;
  expect(text.startsWith('<svg')).toBe(true);
  expect(text).not.toContain('foreignObject'); // vector editors can open it
  expect(text).toContain('>OBJ-10</text>'); // every card, drawn from the layout whatever the zoom
  expect(text).toMatch(/<title>.+strategy map<\/title>/);
  expect(text).toContain('Key result'); // the legend
  expect(text.match(/<path d="M/g)?.length).toBeGreaterThanOrEqual(DEMO.links);
  expect(text.length).toBeLessThan(1_000_000);

  const png = page.waitForEvent('download');
  started = Date.now();
  await page.getByRole('button', { name: 'PNG', exact: true }).click();
  const bytes = readFileSync(await (await png).path());
  const pngMs = Date.now() - started;
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a'); // the PNG signature
  // IHDR: width and height, big-endian, at bytes 16–23; the whole map, not a thumbnail.
  expect(bytes.readUInt32BE(16)).toBeGreaterThan(2000);
  expect(bytes.readUInt32BE(20)).toBeGreaterThan(500);
  console.log(`export of ${DEMO.nodes} nodes: SVG ${svgMs} ms (${text.length} bytes), PNG ${pngMs} ms`);
});
