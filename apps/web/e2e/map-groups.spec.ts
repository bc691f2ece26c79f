import type { Page } from '@playwright/test';
import { baseUrl, DEMO, expect, mapOf, screenshot, test } from './fixtures';

/**
 * Group boxes and swimlanes (issue 11) on the demo organisation (docs/demo-portfolio.md). What
 * belongs where comes from the API, never from the test: each unit's nodes are those the API says
 * are the unit's.
 */

interface Unit {
  id: string;
  key: string;
  name: string;
}
interface GraphNode {
  id: string;
  key: string;
  kind: string;
  businessUnitId: string | null;
}
type Rect = { x: number; y: number; width: number; height: number };

/** The demo's nodes by unit name ("No unit" for those without one), from the API. */
async function nodesByUnit(page: Page): Promise<Map<string, GraphNode[]>> {
  const units = (await (await page.request.get(`${baseUrl()}/api/business-units`)).json()) as Unit[];
  const view = (await (
    await page.request.get(`${baseUrl()}/api/graph?scope=all&limit=2000&includeProposed=true`)
  ).json()) as { nodes: GraphNode[] };
  const out = new Map<string, GraphNode[]>();
  for (const n of view.nodes) {
    const name = units.find((u) => u.id === n.businessUnitId)?.name ?? 'No unit';
    out.set(name, [...(out.get(name) ?? []), n]);
  }
  return out;
}

/**
 * Every card's node box on screen by key, and every group's and lane's box by name, in one read of
 * the page (boxes read one by one could straddle a move of the viewport).
 */
function boxes(page: Page): Promise<{ cards: Record<string, Rect>; groups: Record<string, Rect> }> {
  return page.evaluate(() => {
    const rect = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const cards: Record<string, Rect> = {};
    // The node's own box (far out a card's ring reaches a little outside it).
    for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node [data-key]'))
      cards[el.dataset.key!] = rect(el.closest('.react-flow__node')!);
    const groups: Record<string, Rect> = {};
    for (const el of document.querySelectorAll<HTMLElement>('[data-testid=map-group], [data-testid=map-lane]'))
      groups[el.dataset.name!] = rect(el);
    return { cards, groups };
  });
}

const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x - 1 &&
  inner.y >= outer.y - 1 &&
  inner.x + inner.width <= outer.x + outer.width + 1 &&
  inner.y + inner.height <= outer.y + outer.height + 1;

const group = (page: Page, name: string) => page.locator(`[data-testid=map-group][data-name="${name}"]`);

test('groups the map by business unit: a box per unit with its name, counts and health; one collapses and expands', async ({
  page,
}) => {
  const map = mapOf(page);
  await map.open();
  const byUnit = await nodesByUnit(page);
  await page.getByTestId('group-by').selectOption('unit');
  await expect(page).toHaveURL(/group=unit/);
  await expect(page.getByTestId('map-group')).toHaveCount(byUnit.size);
  await map.ready();
  await map.fitView();

  const { cards: rects, groups: outers } = await boxes(page);
  for (const [name, nodes] of byUnit) {
    const box = group(page, name);
    await expect(box).toHaveAttribute('data-total', String(nodes.length));
    await expect(box.locator('.map-group-name')).toHaveText(name);
    await expect(box.locator('.map-group-total')).toHaveText(String(nodes.length));
    // The health summary counts every member once: red, amber, green and not known add up to the total.
    const health = (await box.locator('.map-group-health').getAttribute('aria-label'))!;
    expect(health).toMatch(/^Health: (\d+ (red|amber|green|not known)(, )?)+$/);
    const counted = [...health.matchAll(/(\d+) /g)].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(counted, health).toBe(nodes.length);
    // Every one of the unit's cards sits in its unit's box.
    const outer = outers[name];
    for (const n of nodes) expect(inside(rects[n.key], outer), `${n.key} in ${name}`).toBe(true);
  }

  // Collapse Networks (far out, by its name): its cards go, one box with its count stays, and its links come to the box.
  await expect(page.getByTestId('map-canvas')).toHaveClass(/zoom-far/);
  const networks = byUnit.get('Networks')!;
  const inNetworks = networks[0].key;
  await page.getByRole('button', { name: 'Collapse Networks' }).click();
  await expect(map.node(inNetworks)).toHaveCount(0);
  await expect(page.locator('.react-flow__node [data-key]')).toHaveCount(DEMO.nodes - networks.length);
  const folded = group(page, 'Networks');
  await expect(folded).toHaveClass(/is-collapsed/);
  await expect(folded).toHaveAttribute('data-total', String(networks.length));
  await expect(folded).toContainText(String(networks.length));
  // Close up, the links to the folded cards are edges to the box, each with its count.
  const at = (await folded.boundingBox())!;
  await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
  for (let i = 0; i < 8 && (await page.getByTestId('map-canvas').getAttribute('class'))!.includes('zoom-far'); i++) {
    await page.mouse.wheel(0, -400);
    await page.waitForTimeout(250);
  }
  const aggregate = page.locator('.react-flow__edge.link-aggregate').first();
  await expect(aggregate).toBeAttached();
  await expect(aggregate).toContainText(/^\d+ links?$/);

  // Expand it again from the keyboard, with the box's own button (close up): the cards are back.
  const expand = page.getByRole('button', { name: 'Expand Networks' });
  await expand.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Collapse Networks' })).toBeVisible();
  await map.fitView();
  await expect(page.locator('.react-flow__node [data-key]')).toHaveCount(DEMO.nodes);
  await expect(map.node(inNetworks)).toBeVisible();
});

test('far out, grouped, the groups’ names stay readable', async ({ page }) => {
  const map = mapOf(page);
  await map.open('?group=unit');
  await map.fitView();
  for (let i = 0; i < 3; i++) await page.locator('.react-flow__controls-zoomout').click();
  await page.waitForTimeout(400);
  await expect(page.getByTestId('map-canvas')).toHaveClass(/zoom-far/);
  const label = page.locator('.map-group-far-label[data-name="Networks"]');
  await expect(label).toBeVisible();
  // Readable: at least 12 px of text on screen, however far out.
  const size = await label.evaluate((el) => el.getBoundingClientRect().height);
  expect(size).toBeGreaterThanOrEqual(12);
  await map.dismissToasts();
  await screenshot(page, 'map-groups-far');
});

test('swimlanes: strategy on top, each unit’s work in its own lane', async ({ page }) => {
  const map = mapOf(page);
  await map.open();
  const byUnit = await nodesByUnit(page);
  await page.getByTestId('swimlanes').click();
  await expect(page).toHaveURL(/lanes=1/);
  await expect(page.getByTestId('swimlanes')).toHaveAttribute('aria-pressed', 'true');
  await map.ready();
  await expect(page.locator('[data-testid=map-lane][data-name="Strategy"]')).toHaveCount(1);
  await map.fitView();

  const { cards: rects, groups: laneBoxes } = await boxes(page);
  const lane = (name: string) => laneBoxes[name];
  const strategyLane = lane('Strategy');
  const strategyKinds = new Set(['theme', 'objective', 'key_result']);
  const lanes: Rect[] = [strategyLane];
  for (const [name, nodes] of byUnit) {
    const work = nodes.filter((n) => !strategyKinds.has(n.kind));
    for (const n of nodes.filter((m) => strategyKinds.has(m.kind)))
      expect(inside(rects[n.key], strategyLane), `${n.key} in the strategy band`).toBe(true);
    if (work.length === 0) continue;
    const box = lane(name);
    lanes.push(box);
    expect(box.y).toBeGreaterThanOrEqual(strategyLane.y + strategyLane.height - 1);
    for (const n of work) expect(inside(rects[n.key], box), `${n.key} in the ${name} lane`).toBe(true);
  }
  // Lanes stack: none overlaps another.
  lanes.sort((a, b) => a.y - b.y);
  for (let i = 1; i < lanes.length; i++)
    expect(lanes[i].y).toBeGreaterThanOrEqual(lanes[i - 1].y + lanes[i - 1].height - 1);
  await map.dismissToasts();
  await screenshot(page, 'map-swimlanes');
});
