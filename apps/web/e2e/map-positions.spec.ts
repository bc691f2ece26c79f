import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { baseUrl, demoAccount, expect, logIn, mapOf, test } from './fixtures';

/**
 * Issue 11, placement, on the real API and the demo organisation: a PMO lead's arrangement of the map is saved for
 * the organisation and an executive sees it so; a project made beside an objective is drawn next to it. Each test
 * starts from and leaves the demo map without an arrangement, so they pass alone and in any order.
 */

/** Where React Flow draws a card, in map coordinates (its wrapper's translate), whatever the zoom or scroll. */
async function placeOf(page: Page, key: string): Promise<{ x: number; y: number }> {
  const wrapper = page.locator('.react-flow__node', { has: page.getByTestId(`node-${key}`) });
  const transform = await wrapper.evaluate((e) => (e as HTMLElement).style.transform);
  const match = /translate\(\s*(-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(transform);
  if (!match) throw new Error(`no position for ${key}: ${transform}`);
  return { x: Math.round(Number(match[1])), y: Math.round(Number(match[2])) };
}

/** The view the map opens on, as the web app names it for the arrangement (read from its own request). */
async function openedView(page: Page): Promise<string> {
  const read = page.waitForRequest((r) => r.method() === 'GET' && r.url().includes('/api/map-layouts?'));
  const map = mapOf(page);
  await map.open();
  return new URL((await read).url()).searchParams.get('view')!;
}

async function forget(request: APIRequestContext, view: string) {
  const res = await request.delete(`${baseUrl()}/api/map-layouts?view=${encodeURIComponent(view)}`);
  expect(res.status(), await res.text()).toBe(204);
}

/** A second browser, signed in as the demo executive, on the map. */
async function executiveMap(browser: Browser) {
  const context = await browser.newContext({
    viewport: { width: 1600, height: 1000 },
    extraHTTPHeaders: { 'X-Requested-With': 'throughline' },
  });
  const { email, password } = await demoAccount(context.request, 'executive');
  await logIn(context.request, email, password);
  const page = await context.newPage();
  await page.goto(`${baseUrl()}/map`); // an executive's home is the dashboard
  await mapOf(page).ready();
  return { page, context };
}

/** Drags a card by its middle, as a person would, and answers when the move is saved. */
async function dragCard(page: Page, key: string, by: { x: number; y: number }) {
  const box = (await mapOf(page).node(key).boundingBox())!;
  const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith('/api/map-layouts'));
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + by.x / 2, start.y + by.y / 2, { steps: 6 });
  await page.mouse.move(start.x + by.x, start.y + by.y, { steps: 6 });
  await page.mouse.up();
  return saved;
}

test('a PMO lead moves a card; an executive in another browser sees it at the same place, and cannot move it for others', async ({
  page,
  request,
  browser,
}) => {
  const pmoView = await openedView(page);
  await forget(request, pmoView); // whatever an earlier run left
  await page.reload();
  await mapOf(page).ready();
  const before = await placeOf(page, 'OBJ-10');

  try {
    const saved = await dragCard(page, 'OBJ-10', { x: 120, y: 90 });
    expect(saved.status()).toBe(200);
    const moved = await placeOf(page, 'OBJ-10');
    expect(Math.hypot(moved.x - before.x, moved.y - before.y)).toBeGreaterThan(100);

    const executive = await executiveMap(browser);
    try {
      await expect.poll(() => placeOf(executive.page, 'OBJ-10')).toEqual(moved);
      // Another card that nobody moved is where the automatic layout put it, in both browsers.
      expect(await placeOf(executive.page, 'OBJ-1')).toEqual(await placeOf(page, 'OBJ-1'));

      // The executive's own move stays in its browser: nothing is sent, and the map says why.
      let sent = false;
      executive.page.on('request', (r) => {
        if (r.method() === 'PUT' && r.url().includes('/api/map-layouts')) sent = true;
      });
      const box = (await mapOf(executive.page).node('OBJ-1').boundingBox())!;
      await executive.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await executive.page.mouse.down();
      await executive.page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2 + 60, { steps: 8 });
      await executive.page.mouse.up();
      await expect(
        executive.page.getByTestId('toast').filter({ hasText: 'Only a PMO or admin can arrange the map for everyone' }),
      ).toBeVisible();
      await executive.page.waitForTimeout(1000); // past the save's pause
      expect(sent).toBe(false);
    } finally {
      await executive.context.close();
    }
    // The PMO's map did not follow the executive's move.
    await page.reload();
    await mapOf(page).ready();
    expect(await placeOf(page, 'OBJ-10')).toEqual(moved);
  } finally {
    await forget(request, pmoView);
  }
});

test('a project made beside an objective, and linked to it, is drawn next to it — for everyone', async ({
  page,
  request,
  scratch,
  browser,
}) => {
  const view = await openedView(page);
  await forget(request, view);
  await page.reload();
  const map = mapOf(page);
  await map.ready();

  try {
    const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith('/api/map-layouts'));
    const key = await map.createProject(scratch, 'OBJ-10');
    await page.getByTestId('link-submit').click();
    await expect(page.getByTestId('toast').filter({ hasText: `Linked ${key} → OBJ-10` })).toBeVisible();
    expect((await saved).status()).toBe(200);

    const objective = await placeOf(page, 'OBJ-10');
    const project = await placeOf(page, key);
    // Below the objective it serves, within a couple of cards of it — not on a shelf under the whole map.
    expect(project.y).toBeGreaterThan(objective.y);
    expect(Math.abs(project.x - objective.x)).toBeLessThan(2 * 260);
    expect(project.y - objective.y).toBeLessThan(3 * (120 + 80));

    const executive = await executiveMap(browser);
    try {
      await expect.poll(() => placeOf(executive.page, key)).toEqual(project);
    } finally {
      await executive.context.close();
    }
  } finally {
    await forget(request, view);
  }
});
