import type { Browser, Page } from '@playwright/test';
import { baseUrl, expect, nodeByKey, screenshot, test } from './fixtures';

/**
 * Issue 11, speed: a view of more than 300 cards zoomed out is drawn as one picture (nodes/FarPicture.tsx), with
 * a real card only where a person works — and a person can still do at that zoom all a card does: see it, open it,
 * draw a link from it to another card. Each test signs up an organisation of its own (~420 nodes) and imports it,
 * so the demo organisation the other tests share is untouched.
 */
test.use({ account: null });

const PROJECTS = 400;

/** One theme, 6 objectives, 12 key results, 400 projects under them: 419 cards. */
function portfolio() {
  const nodes: Record<string, unknown>[] = [
    {
      key: 'THM-1',
      kind: 'theme',
      title: 'A safe, resilient network',
      owner: 'COO',
      status: 'active',
      health: 'green',
    },
  ];
  const links: Record<string, unknown>[] = [];
  for (let o = 1; o <= 6; o++) {
    nodes.push({ key: `OBJ-${o}`, kind: 'objective', title: `Objective number ${o}`, owner: 'COO' });
    links.push({ from: `OBJ-${o}`, to: 'THM-1', kind: 'contributes_to' });
    for (const k of [1, 2]) {
      nodes.push({
        key: `KR-${o}.${k}`,
        kind: 'key_result',
        title: `Key result ${o}.${k}`,
        owner: 'Head of Ops',
        unit: '%',
        baseline: 0,
        target: 100,
      });
      links.push({ from: `KR-${o}.${k}`, to: `OBJ-${o}`, kind: 'contributes_to' });
    }
  }
  for (let p = 1; p <= PROJECTS; p++) {
    nodes.push({ key: `PRJ-${p}`, kind: 'project', title: `Feeder upgrade ${p}`, owner: 'Programme lead' });
    links.push({ from: `PRJ-${p}`, to: `KR-${(p % 6) + 1}.${(p % 2) + 1}`, kind: 'contributes_to' });
  }
  nodes.push({ key: 'PRJ-900', kind: 'project', title: 'Unlinked spare capacity study', owner: 'Programme lead' });
  return { format: 'throughline/v1', businessUnits: [], nodes, links };
}

/** A new organisation with the portfolio, its admin signed in, the map open on it and laid out. */
async function largeMap(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1600, height: 1000 },
    extraHTTPHeaders: { 'X-Requested-With': 'throughline' },
  });
  const stamp = `${Date.now()}-${Math.round(Math.random() * 1e6)}`;
  const signUp = await context.request.post(`${baseUrl()}/api/auth/sign-up`, {
    data: {
      organisationName: `Picture ${stamp}`,
      name: 'Pat Picture',
      email: `pat-${stamp}@picture.test`,
      password: 'picture-test-password-2026',
    },
  });
  expect(signUp.status(), await signUp.text()).toBe(201);
  const imported = await context.request.post(`${baseUrl()}/api/portfolio/import`, { data: portfolio() });
  expect(imported.status(), await imported.text()).toBe(200);
  const page = await context.newPage();
  await page.goto(`${baseUrl()}/map`);
  await expect(page.locator('[data-testid=map-canvas][data-picture=true]')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('far-picture')).toHaveAttribute('data-cards', String(PROJECTS + 20));
  return page;
}

async function zoom(page: Page): Promise<number> {
  return Number(await page.getByTestId('map-canvas').evaluate((e) => getComputedStyle(e).getPropertyValue('--zoom')));
}

/** The middle of a card's label in the picture, on screen. */
async function labelCentre(page: Page, key: string) {
  const box = await page.locator(`[data-testid=far-picture] text[data-key="${key}"]`).boundingBox();
  if (!box) throw new Error(`${key} is not in the picture`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test('a large view zoomed out is one picture: no card is drawn until the pointer is on one, and a click opens it', async ({
  browser,
}) => {
  const page = await largeMap(browser);
  expect(await zoom(page)).toBeLessThan(0.45);
  // The picture, and no card: React Flow holds only what a person works with.
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await expect(page.locator('[data-testid=far-picture] text')).toHaveCount(PROJECTS + 20);
  await screenshot(page, 'map-far-picture');

  const at = await labelCentre(page, 'KR-1.1');
  await page.mouse.move(at.x - 20, at.y, { steps: 2 });
  await page.mouse.move(at.x, at.y, { steps: 3 });
  // The card under the pointer is a real card, where its picture was.
  await expect(page.getByTestId('node-KR-1.1')).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(1);
  await page.mouse.click(at.x, at.y);
  await expect(page.getByTestId('selected-key')).toHaveText('KR-1.1', { useInnerText: false });
  await expect(page.getByTestId('node-panel')).toContainText('Key result 1.1');

  // Moving away leaves the selected card up and takes the hovered one down.
  const other = await labelCentre(page, 'OBJ-2');
  await page.mouse.move(other.x, other.y, { steps: 4 });
  await expect(page.getByTestId('node-OBJ-2')).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(2);

  // Fit the view frames the whole view, not the two cards React Flow holds over the picture.
  await page.locator('.react-flow__controls-fitview').click();
  await expect(page.locator('[data-testid=map-canvas][data-picture=true]')).toBeVisible();
  expect(await zoom(page)).toBeLessThan(0.45);
  await page.context().close();
});

test('draws a link at that zoom from a card’s edge to another card it was never hovered on', async ({ browser }) => {
  const page = await largeMap(browser);
  const from = await labelCentre(page, 'PRJ-900');
  const to = await labelCentre(page, 'KR-2.1');
  await page.mouse.move(from.x, from.y, { steps: 3 });
  const card = page.getByTestId('node-PRJ-900');
  await expect(card).toBeVisible();
  const box = (await card.boundingBox())!;
  // Along the top edge, as on any far card (its handles grow under the pointer).
  await page.mouse.move(box.x + box.width * 0.3, box.y + 1, { steps: 3 });
  await expect(card.locator('.tl-handle-edge').first()).toBeVisible();
  await page.mouse.down();
  await page.mouse.move(to.x, to.y + 20, { steps: 10 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await expect(page.getByTestId('connection-ok')).toContainText('PRJ-900');
  await page.mouse.up();
  await expect(page.getByTestId('toast').filter({ hasText: 'Linked PRJ-900 → KR-2.1' })).toBeVisible();

  const project = await nodeByKey(page.request, 'PRJ-900');
  const links = (await (await page.request.get(`${baseUrl()}/api/links?nodeId=${project.id}`)).json()) as {
    kind: string;
    state: string;
  }[];
  expect(links).toEqual([expect.objectContaining({ kind: 'contributes_to', state: 'approved' })]);
  await page.context().close();
});
