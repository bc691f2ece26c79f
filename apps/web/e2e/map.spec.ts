import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The map against the real API and the demo organisation (docs/demo-portfolio.md): Northwind
 * Energy, 98 nodes and 186 links, whose only objective without delivery is OBJ-10. The steps
 * build on each other, as a PMO lead's session would, so they run in order on one page.
 */
const SCREENSHOTS = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

test.describe.configure({ mode: 'serial' });

let page: Page;
let newKey: string;

const baseUrl = () => {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set: run through playwright.config.ts (global setup)');
  return url;
};
const node = (key: string) => page.getByTestId(`node-${key}`);
const statusLine = () => page.getByTestId('status-line');
const finding = (rule: string, keys: string) =>
  page.locator(`[data-testid=finding][data-rule="${rule}"][data-keys="${keys}"]`);

async function waitForMap() {
  await expect(page.locator('[data-testid=map-canvas][data-ready=true] .react-flow__node').first()).toBeVisible();
}

/** `/` focuses the search; Enter picks the best match, selects it and zooms to it. */
async function search(text: string) {
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search nodes' })).toBeFocused();
  await page.keyboard.type(text);
  await expect(page.locator('.search-hit').first()).toContainText(text);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('selected-key')).toHaveText(text, { useInnerText: false });
  await page.waitForTimeout(500); // the zoom animation
}

async function fitView() {
  await page.locator('.react-flow__controls-fitview').click();
  await page.waitForTimeout(300);
}

async function centre(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags a link from one node's handle to another's, pausing over the target as a person would. */
async function dragLink(
  from: string,
  fromHandle: 'top' | 'bottom',
  to: string,
  toHandle: 'top' | 'bottom',
  whileOver?: () => Promise<void>,
) {
  const start = await centre(node(from).locator(`.react-flow__handle-${fromHandle}`));
  const end = await centre(node(to).locator(`.react-flow__handle-${toHandle}`));
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 8 });
  await page.mouse.move(end.x, end.y, { steps: 8 });
  await whileOver?.();
  await page.mouse.up();
}

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
});

test.afterAll(async () => {
  await page.close();
});

test('opens the demo organisation’s map, laid out', async () => {
  await page.goto(`${baseUrl()}/`);
  await waitForMap();
  await expect(statusLine()).toContainText('98 nodes · 186 links');
  await expect(statusLine()).toContainText(/laid out in \d+ ms/);
  await expect(page.locator('.react-flow__node')).toHaveCount(98);
  // Themes sit above their objectives, objectives above key results, key results above work.
  const y = async (key: string) => (await node(key).boundingBox())!.y;
  expect(await y('THM-1')).toBeLessThan(await y('OBJ-1'));
  expect(await y('OBJ-1')).toBeLessThan(await y('KR-1.1'));
  expect(await y('KR-1.1')).toBeLessThan(await y('PRJ-1'));
  await page.screenshot({ path: `${SCREENSHOTS}map.png` });

  await search('OBJ-2');
  await page.locator('.react-flow__controls-zoomout').click();
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${SCREENSHOTS}map-detail.png` });
});

test('the audit overlay lists findings by rule and shows one on the map', async () => {
  await page.getByTestId('audit-toggle').click();
  const panel = page.getByTestId('findings-panel');
  await expect(panel).toBeVisible();
  await expect(panel.locator('[data-testid=finding]')).toHaveCount(8);
  await expect(panel.locator('details[data-rule="objective-without-delivery"]')).toContainText(
    'Objectives with no delivery',
  );

  // Filter by severity: only the two errors remain.
  await panel.getByRole('button', { name: /^error 2$/ }).click();
  await expect(panel.locator('[data-testid=finding]')).toHaveCount(2);
  await expect(page).toHaveURL(/severity=error/);

  await finding('objective-without-delivery', 'OBJ-10').click();
  await expect(page.getByTestId('selected-key')).toHaveText('OBJ-10', { useInnerText: false });
  await expect(page.locator('.react-flow__node.is-lit [data-key="OBJ-10"]')).toHaveCount(1);
  await expect(node('OBJ-10')).toHaveClass(/has-error/); // the red ring of an error finding
  await expect(page.getByRole('region', { name: 'Finding' })).toContainText('OBJ-10');
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${SCREENSHOTS}audit.png` });
  await panel.getByRole('button', { name: /^All/ }).click();
});

test('adds a project, connects it to the objective with no delivery, and the finding goes', async () => {
  await page.getByTestId('palette-project').click();
  const form = page.getByTestId('new-node-panel');
  await form.getByLabel('Title').fill('Community energy pilot');
  await form.getByLabel('Owner').fill('Head of Community Energy');
  await form.getByLabel('Business unit').selectOption({ label: 'GEN — Renewables' });
  await form.getByLabel('Budget').fill('250000');
  await form.getByRole('button', { name: 'Create project' }).click();

  const created = page.getByTestId('toast').filter({ hasText: 'created' });
  await expect(created).toBeVisible();
  newKey = /(PRJ-\d+) created/.exec((await created.textContent()) ?? '')![1];
  await expect(node(newKey)).toBeVisible();
  await expect(page.getByTestId('node-panel')).toContainText(newKey);

  await dragLink(newKey, 'top', 'OBJ-10', 'bottom');
  await expect(page.getByTestId('toast').filter({ hasText: `Linked ${newKey} → OBJ-10` })).toBeVisible();
  await expect(statusLine()).toContainText('99 nodes · 187 links');

  // The audit runs again: OBJ-10 has delivery now.
  await expect(finding('objective-without-delivery', 'OBJ-10')).toHaveCount(0);
  await expect(page.getByTestId('findings-panel').getByRole('button', { name: /^error 1$/ })).toBeVisible();
  await expect(node('OBJ-10')).not.toHaveClass(/has-error/);
  // One project is all it has: the audit now warns of that instead (DOMAIN.md, single-point-of-failure).
  await expect(finding('single-point-of-failure', 'OBJ-10')).toHaveCount(1);
});

test('refuses an impossible connection and says why', async () => {
  // An objective cannot contribute to a project: the link runs the other way.
  await dragLink('OBJ-10', 'top', newKey, 'bottom', async () => {
    await expect(page.getByTestId('connection-hint')).toContainText('cannot go from an objective to a project');
  });
  await expect(
    page.getByTestId('toast').filter({ hasText: 'Drag from the project to the objective instead.' }),
  ).toBeVisible();
  await page.waitForTimeout(300);
  await expect(statusLine()).toContainText('99 nodes · 187 links');
});

test('traces an objective: its chain lit, the rest dimmed, the path in a breadcrumb', async ({ request }) => {
  await search('OBJ-1');
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

  // The map frames the chain; the screenshot shows it without the toasts of earlier steps.
  const toasts = page.getByTestId('toast');
  while ((await toasts.count()) > 0)
    await toasts
      .first()
      .getByRole('button', { name: 'Dismiss' })
      .click({ timeout: 1000 })
      .catch(() => undefined);
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${SCREENSHOTS}trace.png` });

  await fitView();
  const lit = await page
    .locator('.react-flow__node.is-lit [data-key]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-key')));
  expect(lit.sort()).toEqual(expected);
  const dimmed = await page.locator('.react-flow__node.is-dimmed').count();
  expect(dimmed).toBe(99 - expected.length);

  await page.keyboard.press('Escape');
  await expect(bar).toHaveCount(0);
  await expect(page.locator('.react-flow__node.is-dimmed')).toHaveCount(0);
});

test('filters by business unit, in the URL: the unit’s work and what it serves', async ({ request }) => {
  const unitSelect = page.getByRole('group', { name: 'Filters' }).getByLabel('Business unit');
  await unitSelect.selectOption({ label: 'NET — Networks' });
  await expect(page).toHaveURL(/bu=/);
  await expect(node(newKey)).toHaveCount(0); // a Renewables project
  await expect(statusLine()).not.toContainText('99 nodes');
  await expect(statusLine()).toContainText(/laid out in/);
  await fitView();

  // Exactly what the API's business_unit scope defines: Networks' work and everything it serves.
  const unitId = await unitSelect.inputValue();
  const view = (await (
    await request.get(`${baseUrl()}/api/graph?scope=business_unit&businessUnitId=${unitId}&includeProposed=true`)
  ).json()) as { nodes: { key: string }[] };
  const expected = view.nodes.map((n) => n.key).sort();
  expect(expected).toEqual(expect.arrayContaining(['THM-1', 'OBJ-1', 'PRG-1', 'PRJ-1']));
  await expect
    .poll(async () =>
      (
        await page
          .locator('.react-flow__node [data-key]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-key')))
      ).sort(),
    )
    .toEqual(expected);
  await expect(statusLine()).toContainText(`${expected.length} nodes`);
});

test('after a reload the view, the new project and its link are still there', async () => {
  await page.reload();
  await waitForMap();
  await expect(page.getByRole('group', { name: 'Filters' }).getByLabel('Business unit')).toHaveValue(/.+/);
  await page.getByRole('button', { name: /^Clear/ }).click();
  await expect(statusLine()).toContainText('99 nodes · 187 links');
  await expect(page.getByTestId('findings-panel')).toBeVisible(); // the overlay was in the URL too
  await expect(finding('objective-without-delivery', 'OBJ-10')).toHaveCount(0);

  await search(newKey);
  const panel = page.getByTestId('node-panel');
  await expect(panel.getByLabel('Title')).toHaveValue('Community energy pilot');
  await panel.getByRole('tab', { name: 'links' }).click();
  await expect(panel.locator('.link-row')).toContainText('contributes to');
  await expect(panel.locator('.link-row')).toContainText('OBJ-10');
});

test('exports the drawn view as PNG and SVG', async () => {
  await fitView();
  const png = page.waitForEvent('download');
  await page.getByRole('button', { name: 'PNG', exact: true }).click();
  const pngFile = await (await png).path();
  const bytes = readFileSync(pngFile);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a'); // the PNG signature
  // IHDR: width and height, big-endian, at bytes 16–23; the whole map, not a thumbnail.
  expect(bytes.readUInt32BE(16)).toBeGreaterThan(2000);
  expect(bytes.readUInt32BE(20)).toBeGreaterThan(500);

  const svg = page.waitForEvent('download');
  await page.getByRole('button', { name: 'SVG', exact: true }).click();
  const text = readFileSync(await (await svg).path(), 'utf8');
  expect(text.startsWith('<svg')).toBe(true);
  expect(text).toContain('OBJ-10'); // full cards, not the zoomed-out picture
  // Links drawn with their colour (html-to-image after 1.11.11 drops SVG styles: no stroke, no links).
  expect(text).toMatch(/class="react-flow__edge-path" style="[^"]*stroke: rgb\(/);
});
