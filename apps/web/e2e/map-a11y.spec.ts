import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { baseUrl, expect, mapOf, nodeByKey, test } from './fixtures';

/**
 * Issue 11's accessibility and layout promises for the map, on the demo organisation
 * (docs/demo-portfolio.md): axe finds no serious or critical violation on the map nor with any of
 * its panels, bars and dialogs open; the keyboard moves along the links; and at 1280×720 and
 * 1440×900 the canvas keeps its room, the toolbar one row, and nothing covers the map's controls.
 */

/** axe over the page (or one part of it): the serious and critical violations, named, none expected. */
async function expectAccessible(page: Page, what: string, include?: string) {
  let axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (include) axe = axe.include(include);
  const { violations } = await axe.analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe with ${what}`,
  ).toEqual([]);
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${String(locator)} is not on screen`);
  return box;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The map's controls: none of them may be under `cover`. */
async function expectControlsClear(page: Page, cover: Locator, what: string) {
  const covering = await boxOf(cover);
  const controls = {
    minimap: page.locator('.react-flow__minimap'),
    'zoom controls': page.locator('.react-flow__controls'),
    toolbar: page.locator('.map-toolbar'),
  };
  for (const [name, control] of Object.entries(controls))
    expect(overlaps(covering, await boxOf(control)), `${what} over the ${name}`).toBe(false);
}

test('axe: the map, the inspector’s tabs, the panels, bars and dialogs', async ({ page, scratch }) => {
  // Some twenty axe runs over a map of a hundred cards: minutes on a busy two-core machine.
  test.setTimeout(420_000);
  const map = mapOf(page);
  await map.open();
  await expectAccessible(page, 'the map');
  // The filters' panel, open over the canvas.
  await page.getByTestId('filters-toggle').click();
  await expect(page.getByRole('group', { name: 'Filters' })).toBeVisible();
  await expectAccessible(page, 'the filters', '[role=group][aria-label=Filters]');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('group', { name: 'Filters' })).toHaveCount(0);

  // The inspector of a key result, tab by tab (the check-ins tab with its chart and readings).
  await map.search('KR-1.1');
  const panel = page.getByTestId('node-panel');
  for (const tab of await panel.getByRole('tab').all()) {
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    if ((await tab.textContent())?.includes('check')) await expect(panel.locator('.check-ins')).toBeVisible();
    await page.waitForTimeout(300); // a chart or list loading
    await expectAccessible(page, `the inspector’s ${await tab.textContent()} tab`, '[data-testid=node-panel]');
  }

  // "Link to…", the delete dialog, the node's menu.
  await panel.getByTestId('link-to').click();
  await expect(page.getByTestId('link-dialog')).toBeVisible();
  await expectAccessible(page, 'the link picker', '[role=dialog]');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('link-dialog')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectAccessible(page, 'the delete dialog', '[role=dialog]');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await map.node('KR-1.1').click({ button: 'right' });
  await expect(page.getByRole('menu')).toBeVisible();
  await expectAccessible(page, 'the node’s menu', '[role=menu]');
  await page.keyboard.press('Escape');

  // Trace, then what-if.
  await page.getByTestId('map-canvas').focus();
  await page.keyboard.press('t');
  await expect(page.getByTestId('trace-bar')).toBeVisible();
  await expectAccessible(page, 'the trace bar', '[data-testid=trace-bar]');
  await page.keyboard.press('Escape');
  await map.search('PRJ-1');
  await page.getByTestId('what-if-button').click();
  await expect(page.getByTestId('what-if')).toBeVisible();
  await expect(page.getByTestId('what-if')).not.toContainText('Working it out');
  await expectAccessible(page, 'the what-if bar', '[data-testid=what-if]');
  await page.keyboard.press('Escape');

  // The legend, the new-node panel.
  await page.locator('.legend-toggle').click();
  await expect(page.getByTestId('legend')).toBeVisible();
  await expectAccessible(page, 'the legend', '[data-testid=legend]');
  await page.locator('.legend-toggle').click();
  await page.getByTestId('palette-project').click();
  await expect(page.getByTestId('new-node-panel')).toBeVisible();
  await expectAccessible(page, 'the new-node panel', '[data-testid=new-node-panel]');
  await page.getByTestId('new-node-panel').getByRole('button', { name: 'Close panel' }).click();

  // The audit panel, a finding's bar and the waive dialog.
  await page.getByTestId('audit-toggle').click();
  await expect(page.getByTestId('findings-panel')).toBeVisible();
  await expectAccessible(page, 'the audit panel', '.map-left');
  await map.finding('objective-without-delivery', 'OBJ-10').click();
  const findingBar = page.getByRole('region', { name: 'Finding' });
  await expect(findingBar).toBeVisible();
  await expectAccessible(page, 'the finding bar', '.finding-bar');
  await findingBar.getByTestId('waive').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectAccessible(page, 'the waive dialog', '[role=dialog]');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // The conflict dialog: someone else saves the node while it is being edited here.
  const project = await scratch.project('Heat pump pilot', 'KR-1.1');
  await map.open();
  await map.search(project.key);
  await panel.getByLabel('Title').fill('Heat pump pilot, phase 1');
  const changed = await page.request.patch(`${baseUrl()}/api/nodes/${project.id}`, {
    data: {
      title: 'Heat pump pilot (renamed elsewhere)',
      version: ((await (await page.request.get(`${baseUrl()}/api/nodes/${project.id}`)).json()) as { version: number })
        .version,
    },
  });
  expect(changed.status(), await changed.text()).toBe(200);
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.getByTestId('conflict-who')).toBeVisible();
  await expectAccessible(page, 'the conflict dialog', '[role=dialog]');
});

test('keyboard: one Tab stop, arrows along the links, Space selects, Enter opens, named nodes', async ({ page }) => {
  const map = mapOf(page);
  await map.open();
  const canvas = page.getByTestId('map-canvas');
  const selected = page.getByTestId('selected-key');

  // Tab reaches the map once: from the toolbar into it, and the next Tab leaves it (no stop per node).
  await page.getByTestId('audit-toggle').focus();
  let tabs = 0;
  while (!(await canvas.evaluate((el) => el === document.activeElement)) && tabs < 40) {
    await page.keyboard.press('Tab');
    tabs++;
  }
  await expect(canvas).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('.react-flow__node'))).toBe(false);
  await canvas.focus();

  // Down from THM-1 goes to what delivers it — one of the objectives that contribute to it — and
  // Up from there comes back to THM-1, whatever else is nearer on the page.
  await map.search('THM-1');
  await canvas.focus();
  const theme = await nodeByKey(page.request, 'THM-1');
  const links = (await (
    await page.request.get(`${baseUrl()}/api/links?nodeId=${theme.id}&kind=contributes_to&state=approved`)
  ).json()) as { fromId: string; toId: string }[];
  const into = links.filter((l) => l.toId === theme.id);
  expect(into.length).toBeGreaterThan(0);
  await page.keyboard.press('ArrowDown');
  await expect(selected).toHaveText(/^OBJ-/, { useInnerText: false });
  const child = (await selected.textContent())!;
  expect(into.map((l) => l.fromId)).toContain((await nodeByKey(page.request, child)).id);
  await page.keyboard.press('ArrowUp');
  await expect(selected).toHaveText('THM-1', { useInnerText: false });

  // The selected node shows a focus ring while the map has the keyboard, and is announced by name.
  const card = map.node('THM-1');
  await expect(card).toHaveCSS('outline-style', 'solid');
  await expect(card).toHaveAccessibleName(/^Theme THM-1: .+\. Health (green|amber|red|not reported)\.$/);
  await expect(page.getByTestId('map-announcer')).toHaveText(/^Theme THM-1: /);

  // Space lets the node go and takes it back; Enter opens it in the inspector.
  await page.keyboard.press(' ');
  await expect(selected).toHaveCount(0);
  await page.keyboard.press(' ');
  await expect(selected).toHaveText('THM-1', { useInnerText: false });
  const firstTab = page.getByTestId('node-panel').getByRole('tab').first();
  await expect(firstTab).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(firstTab).toBeFocused();

  // The active Audit button stays readable under the pointer (white on the dark blue, not on white).
  const audit = page.getByTestId('audit-toggle');
  await audit.click();
  await audit.hover();
  await expect(audit).toHaveCSS('color', 'rgb(255, 255, 255)');
  expect(await audit.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgb(255, 255, 255)');
  await expect(audit).toHaveAttribute('aria-pressed', 'true');
});

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
]) {
  test(`layout at ${viewport.width}×${viewport.height}: canvas room, one toolbar row, nothing over the controls`, async ({
    page,
    scratch,
  }) => {
    await page.setViewportSize(viewport);
    const project = await scratch.project('Loft insulation drive', 'KR-1.1');
    const map = mapOf(page);
    await map.open('?audit=1');
    await map.search(project.key);
    const panel = page.getByTestId('node-panel');
    await expect(panel).toBeVisible();
    await expect(page.getByTestId('findings-panel')).toBeVisible();

    // The canvas keeps ≥ 70 % of the width with the findings and the inspector both open.
    const canvas = await boxOf(page.getByTestId('map-canvas'));
    expect(canvas.width / viewport.width).toBeGreaterThanOrEqual(0.7);
    // The inspector does not hide the minimap (it lies over the canvas's edge, the minimap moves).
    expect(overlaps(await boxOf(panel), await boxOf(page.locator('.react-flow__minimap')))).toBe(false);
    expect(overlaps(await boxOf(panel), await boxOf(page.locator('.legend-toggle')))).toBe(false);

    // The toolbar is one row: every group of controls starts on the same line.
    const tops = await page
      .locator('.map-toolbar > *')
      .evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(4);
    expect((await boxOf(page.locator('.map-toolbar'))).height).toBeLessThanOrEqual(52);

    // Banners: the trace bar, the what-if bar, a finding's bar — none over the minimap, zoom or toolbar.
    await page.getByTestId('map-canvas').focus();
    await page.keyboard.press('t');
    await expect(page.getByTestId('trace-bar')).toContainText('delivery');
    await expectControlsClear(page, page.getByTestId('trace-bar'), 'the trace bar');
    await page.keyboard.press('Escape');
    await panel.getByTestId('what-if-button').click();
    await expect(page.getByTestId('what-if')).not.toContainText('Working it out');
    await expectControlsClear(page, page.getByTestId('what-if'), 'the what-if bar');
    await page.keyboard.press('Escape');
    await map.finding('objective-without-delivery', 'OBJ-10').click();
    await expectControlsClear(page, page.getByRole('region', { name: 'Finding' }), 'the finding bar');

    // A toast (the project saved) over none of them either.
    await map.search(project.key);
    await panel.getByLabel('Title').fill('Loft insulation drive, phase 2');
    await panel.getByRole('button', { name: 'Save' }).click();
    const toast = page.getByTestId('toast').filter({ hasText: 'saved' });
    await expect(toast).toBeVisible();
    await expectControlsClear(page, toast, 'a toast');
    for (const button of await panel.locator('.panel-head button').all())
      expect(overlaps(await boxOf(toast), await boxOf(button)), 'a toast over the inspector’s buttons').toBe(false);
  });
}

test('print: a landscape sheet with the title and the canvas alone', async ({ page }) => {
  const map = mapOf(page);
  await map.open('?audit=1');
  await map.search('OBJ-1');
  await page.emulateMedia({ media: 'print' });
  for (const hidden of [
    '.map-toolbar',
    '.map-left',
    '[data-testid=node-panel]',
    '.react-flow__controls',
    '.react-flow__minimap',
    '.app-header',
  ])
    await expect(page.locator(hidden).first(), hidden).toBeHidden();
  await expect(page.getByTestId('map-print-title')).toBeVisible();
  await expect(page.getByTestId('map-print-title')).toContainText('Strategy map');
  const stage = await boxOf(page.locator('.map-stage'));
  const width = page.viewportSize()!.width;
  expect(stage.width / width).toBeGreaterThan(0.95);
  // And it prints: one landscape page (wider than tall).
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const size = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'));
  expect(size).not.toBeNull();
  expect(Number(size![1])).toBeGreaterThan(Number(size![2]));
});
