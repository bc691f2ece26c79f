import { DEMO, expect, mapOf, screenshot, test } from './fixtures';
import { boxes, flowBoxes, group, inside, nodesByUnit, openUnarranged, overlap, type Rect } from './groupBoxes';

/**
 * Group boxes and swimlanes (issue 11) on the demo organisation (docs/demo-portfolio.md). What
 * belongs where comes from the API, never from the test: each unit's nodes are those the API says
 * are the unit's.
 */

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

test('grouped by programme, a project made beside a programme joins its box, next to it; nothing else moves', async ({
  page,
  scratch,
}) => {
  const map = mapOf(page);
  const forget = await openUnarranged(page, '?group=programme');
  try {
    const before = await flowBoxes(page);
    const programme = Object.keys(before.groups).find((name) => name.startsWith('PRG-3 '))!;
    expect(programme, Object.keys(before.groups).join(', ')).toBeTruthy();
    const total = Number(await group(page, programme).getAttribute('data-total'));

    const key = await map.createProject(scratch, 'PRG-3');
    // The link offered: the project is part of the programme.
    const offer = page.getByTestId('link-dialog');
    await offer
      .getByTestId('link-option')
      .filter({ hasText: `${key} is part of PRG-3` })
      .locator('input')
      .check();
    await page.getByTestId('link-submit').click();
    await expect(page.getByTestId('toast').filter({ hasText: `Linked ${key} → PRG-3` })).toBeVisible();
    await expect(group(page, programme)).toHaveAttribute('data-total', String(total + 1));

    // Inside its programme's box (grown to hold it), below or beside the programme, on no other card.
    await map.fitView();
    await expect
      .poll(async () => {
        const now = await flowBoxes(page);
        return !!now.cards[key] && !!now.groups[programme] && inside(now.cards[key], now.groups[programme]);
      })
      .toBe(true);
    const after = await flowBoxes(page);
    const card = after.cards[key];
    const head = after.cards['PRG-3'];
    expect(Math.hypot(card.x - head.x, card.y - head.y)).toBeLessThan(3 * 260);
    for (const [other, rect] of Object.entries(after.cards))
      if (other !== key) expect(overlap(card, rect), `${key} on ${other}`).toBe(false);
    // No box reaches into another.
    const names = Object.keys(after.groups);
    for (const [i, a] of names.entries())
      for (const b of names.slice(i + 1)) expect(overlap(after.groups[a], after.groups[b]), `${a} / ${b}`).toBe(false);
    // Every card that was there is where it was.
    for (const [other, rect] of Object.entries(before.cards)) expect(after.cards[other], other).toEqual(rect);

    await map.dismissToasts();
    await page.waitForTimeout(300);
    await screenshot(page, 'map-groups-new-node');
    // Close up: the new card in its programme's box.
    await map.search(key);
    await map.dismissToasts();
    await screenshot(page, 'map-groups-new-node-close');
  } finally {
    await forget();
  }
});

test('collapsing a group closes up the boxes beside and below it, expanding makes room again; nothing is saved', async ({
  page,
}) => {
  const map = mapOf(page);
  const forget = await openUnarranged(page, '?group=unit');
  const saves: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/map-layouts') && r.method() !== 'GET') saves.push(`${r.method()} ${r.url()}`);
  });
  try {
    await map.fitView();
    const open = await flowBoxes(page);
    // The box with the most boxes right of it (on its shelf) or below it (in its column): collapsing it frees room.
    const names = Object.keys(open.groups);
    const after = (name: string) =>
      names.filter((n) => {
        const a = open.groups[name];
        const b = open.groups[n];
        const across = b.x >= a.x + a.width && b.y < a.y + a.height && a.y < b.y + b.height;
        const down = b.y >= a.y + a.height && b.x < a.x + a.width && a.x < b.x + b.width;
        return across || down;
      });
    const name = [...names].sort((a, b) => after(b).length - after(a).length)[0];
    const beside = after(name);
    expect(beside.length, `boxes right of or below ${name}`).toBeGreaterThan(0);

    await page.getByRole('button', { name: `Collapse ${name}` }).click();
    await expect(group(page, name)).toHaveClass(/is-collapsed/);
    await expect.poll(async () => (await flowBoxes(page)).groups[name].width).toBeLessThan(open.groups[name].width);
    const shut = await flowBoxes(page);
    const folded = shut.groups[name];
    // The collapsed box is one card, where its box's corner was.
    expect({ x: folded.x, y: folded.y }).toEqual({ x: open.groups[name].x, y: open.groups[name].y });
    expect(folded.width).toBeLessThanOrEqual(262);
    // What stood right of it or below it closed up (as far as the boxes beside them let them); nothing moved right or down.
    const closer = beside.filter((n) => shut.groups[n].x < open.groups[n].x || shut.groups[n].y < open.groups[n].y);
    expect(closer.length, `of ${beside.join(', ')}`).toBeGreaterThan(0);
    for (const n of names) {
      expect(shut.groups[n].x, n).toBeLessThanOrEqual(open.groups[n].x);
      expect(shut.groups[n].y, n).toBeLessThanOrEqual(open.groups[n].y);
    }
    // Nothing overlaps.
    for (const [i, a] of names.entries())
      for (const b of names.slice(i + 1)) expect(overlap(shut.groups[a], shut.groups[b]), `${a} / ${b}`).toBe(false);
    // A box moves whole: its cards keep their places in it.
    const moved = closer[0];
    const member = Object.keys(open.cards).find((k) => inside(open.cards[k], open.groups[moved]))!;
    expect(shut.cards[member].x - shut.groups[moved].x).toBe(open.cards[member].x - open.groups[moved].x);

    await map.fitView();
    await map.dismissToasts();
    await screenshot(page, 'map-groups-collapsed');
    // Close up: the collapsed box among the others.
    const at = (await group(page, name).boundingBox())!;
    await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
    for (let i = 0; i < 3; i++) {
      await page.mouse.wheel(0, -400);
      await page.waitForTimeout(250);
    }
    await page.waitForTimeout(300);
    await screenshot(page, 'map-groups-collapsed-close');
    await map.fitView();

    // Expanded again: every box and card where it was.
    await page.getByRole('button', { name: `Expand ${name}` }).click();
    await expect.poll(async () => (await flowBoxes(page)).groups[name].width).toBe(open.groups[name].width);
    const again = await flowBoxes(page);
    expect(again.groups).toEqual(open.groups);
    expect(again.cards).toEqual(open.cards);
    // Collapsing is this view's own: the organisation's arrangement was never written.
    expect(saves).toEqual([]);
  } finally {
    await forget();
  }
});

test('grouped by theme, a project made beside an objective waits in sight beside it, then joins the objective’s theme box', async ({
  page,
  scratch,
}) => {
  const map = mapOf(page);
  const forget = await openUnarranged(page, '?group=theme');
  try {
    await map.fitView();
    const before = await flowBoxes(page);
    const theme = Object.keys(before.groups).find((n) => inside(before.cards['OBJ-10'], before.groups[n]))!;
    expect(theme, 'the box OBJ-10 is in').toBeTruthy();

    const key = await map.createProject(scratch, 'OBJ-10');
    // Not linked yet (the link dialog is open): in sight, beside the objective it was made next to.
    await expect(map.node(key)).toBeVisible();
    const waiting = await flowBoxes(page);
    const made = waiting.cards[key];
    expect(Math.hypot(made.x - waiting.cards['OBJ-10'].x, made.y - waiting.cards['OBJ-10'].y)).toBeLessThan(3 * 260);
    await map.dismissToasts();
    await screenshot(page, 'map-groups-new-node-waiting');

    await page.getByTestId('link-submit').click(); // the offered link: it moves OBJ-10
    await expect(page.getByTestId('toast').filter({ hasText: `Linked ${key} → OBJ-10` })).toBeVisible();
    await map.fitView();
    await expect
      .poll(async () => {
        const now = await flowBoxes(page);
        return !!now.cards[key] && !!now.groups[theme] && inside(now.cards[key], now.groups[theme]);
      })
      .toBe(true);
    const after = await flowBoxes(page);
    const card = after.cards[key];
    expect(Math.hypot(card.x - after.cards['OBJ-10'].x, card.y - after.cards['OBJ-10'].y)).toBeLessThan(3 * 260);
    for (const [other, rect] of Object.entries(after.cards))
      if (other !== key) expect(overlap(card, rect), `${key} on ${other}`).toBe(false);
    const names = Object.keys(after.groups);
    for (const [i, a] of names.entries())
      for (const b of names.slice(i + 1)) expect(overlap(after.groups[a], after.groups[b]), `${a} / ${b}`).toBe(false);
    for (const [other, rect] of Object.entries(before.cards)) expect(after.cards[other], other).toEqual(rect);

    await map.search(key);
    await map.dismissToasts();
    await screenshot(page, 'map-groups-new-node-theme');
  } finally {
    await forget();
  }
});
