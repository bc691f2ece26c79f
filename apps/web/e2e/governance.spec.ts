import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { SCREENSHOTS, baseUrl, demoAccount, expect, logIn, screenshot, test, type Role } from './fixtures';

/**
 * Issue 12 end to end, on the demo organisation (docs/demo-portfolio.md): its ten objectives are
 * all active and only OBJ-10 has no delivery, so objective coverage is 9 of 10 (90%) and the
 * heatmap row of OBJ-10 is empty. The demo contributor (units NET and MTR) registers a BAU
 * activity in Networks with an annual cost of 100,000 and proposes it for OBJ-10; once the demo
 * PMO lead approves it, OBJ-10 has delivery: coverage is 10 of 10 (100%) and the cell OBJ-10 × NET
 * holds exactly that activity (1 item, 100,000). The activity is deleted afterwards (its link with it).
 */

const TITLE = `Community energy advice line ${Date.now()}`;
const ANNUAL_COST = 100_000;

async function signedIn(browser: Browser, role: Role): Promise<Page> {
  const context = await browser.newContext();
  const { email, password } = await demoAccount(context.request, role);
  await logIn(context.request, email, password);
  return context.newPage();
}

/** No serious or critical accessibility violation on what is on screen (or inside `include`). */
async function expectAccessible(page: Page, include?: string) {
  let axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (include) axe = axe.include(include);
  const { violations } = await axe.analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

async function openDashboard(page: Page) {
  await page.goto(`${baseUrl()}/dashboard`);
  await expect(page.getByTestId('figure-coverage')).toBeVisible({ timeout: 30_000 });
}

test.use({ account: null });

test('a contributor registers work and proposes it, a PMO lead approves, the dashboard moves', async ({ browser }) => {
  const executive = await signedIn(browser, 'executive');
  const contributor = await signedIn(browser, 'contributor');
  const pmo = await signedIn(browser, 'pmo');
  let createdId: string | null = null;
  try {
    // Before: 9 of 10 objectives covered; OBJ-10's row stands out and has no NET cell.
    await executive.goto(baseUrl());
    await expect(executive).toHaveURL(/\/dashboard$/);
    await expect(executive.getByTestId('figure-coverage')).toContainText('90%', { timeout: 30_000 });
    await expect(executive.getByTestId('figure-coverage')).toContainText('9 of 10');
    await expect(executive.getByTestId('heatmap-row-OBJ-10')).toHaveClass(/heatmap-empty/);
    await expect(executive.getByTestId('cell-OBJ-10-NET')).toHaveCount(0);
    await expectAccessible(executive);
    await expectAccessible(executive, '#accountability');
    await screenshot(executive, 'governance-dashboard');
    await executive.getByTestId('heatmap').screenshot({ path: shot('governance-heatmap') });
    await executive.getByTestId('accountability').screenshot({ path: shot('governance-accountability') });

    // The contributor lands on My unit and registers a BAU activity in Networks.
    await contributor.goto(baseUrl());
    await expect(contributor).toHaveURL(/\/my-unit$/);
    await expect(contributor.getByTestId('work-table')).toBeVisible({ timeout: 30_000 });
    await contributor.getByRole('button', { name: 'Add BAU activity' }).click();
    const form = contributor.getByTestId('work-dialog');
    await form.getByLabel('Title').fill(TITLE);
    await form.getByLabel('Owner').fill('Head of Customer Operations');
    await form.getByLabel('Business unit').selectOption({ label: 'NET — Networks' });
    await form.getByLabel('Annual cost').fill(String(ANNUAL_COST));
    await contributor.getByRole('button', { name: 'Create BAU activity' }).click();
    const created = contributor.getByTestId('toast').filter({ hasText: 'created' });
    await expect(created).toBeVisible();
    const key = /(BAU-\d+) created/.exec((await created.textContent()) ?? '')![1];
    const row = contributor.getByTestId(`work-${key}`);
    await expect(row).toContainText(TITLE);
    await expect(row).toContainText('serves no objective yet');
    createdId = await nodeId(pmo, key);

    // It proposes the activity for OBJ-10, with its interpretation note and a weight.
    await row.getByRole('button', { name: `Propose a link from ${key}` }).click();
    const propose = contributor.getByTestId('propose-dialog');
    await propose
      .getByLabel('Serves', { exact: true })
      .selectOption({ label: 'OBJ-10 — Launch a community energy offer' });
    await propose
      .getByLabel('Interpretation note (required)')
      .fill('The advice line signs up the first community schemes.');
    await propose.getByLabel('Weight (optional)').fill('100');
    await contributor.getByRole('button', { name: 'Propose', exact: true }).click();
    await expect(row.getByText(/OBJ-10/)).toContainText('waiting for approval');
    // What was said stays clear of what the contributor would do next (the toasts sat over the Add buttons).
    const said = (await contributor.getByTestId('toast').first().boundingBox())!;
    for (const name of ['Add project', 'Add BAU activity', 'Add asset']) {
      const button = (await contributor.getByRole('button', { name, exact: true }).boundingBox())!;
      const apart =
        said.x >= button.x + button.width ||
        button.x >= said.x + said.width ||
        said.y >= button.y + button.height ||
        button.y >= said.y + said.height;
      expect(apart, `a toast over ${name}`).toBe(true);
    }
    await expectAccessible(contributor);
    await screenshot(contributor, 'governance-my-unit');

    // Pending, it counts nowhere: the dashboard has not moved.
    await openDashboard(executive);
    await expect(executive.getByTestId('figure-coverage')).toContainText('90%');

    // The PMO lead finds it in the inbox, with the note and the proposer, and approves it.
    await pmo.goto(`${baseUrl()}/inbox`);
    const proposal = pmo.getByTestId(`proposal-${key}-OBJ-10`);
    await expect(proposal).toContainText('The advice line signs up the first community schemes.');
    await expect(proposal).toContainText('Proposed by');
    await expectAccessible(pmo);
    await screenshot(pmo, 'governance-inbox');
    await proposal.getByRole('textbox').fill('Agreed: it is the first delivery for OBJ-10.');
    await proposal.getByRole('button', { name: 'Approve' }).click();
    await expect(pmo.getByTestId('toast').filter({ hasText: 'approved' })).toBeVisible();
    await expect(proposal).toHaveCount(0);

    // The contributor sees the decision: the bell's badge, the notification with the comment, the link approved.
    await contributor.goto(`${baseUrl()}/my-unit`);
    await expect(contributor.getByTestId(`work-${key}`).getByText(/OBJ-10/)).toContainText('approved');
    await expect(contributor.getByTestId('notification-badge')).toBeVisible();
    await contributor.getByTestId('notification-bell').click();
    const decision = contributor.getByTestId('notification').filter({ hasText: key }).first();
    await expect(decision).toContainText(`Priya PMO approved your proposal: ${key} contributes to OBJ-10.`);
    await expect(decision).toContainText('Agreed: it is the first delivery for OBJ-10.');
    await screenshot(contributor, 'governance-notifications');

    // The dashboard: 10 of 10, and the cell OBJ-10 × NET holds exactly the new activity.
    await openDashboard(executive);
    await expect(executive.getByTestId('figure-coverage')).toContainText('100%');
    await expect(executive.getByTestId('figure-coverage')).toContainText('10 of 10');
    await expect(executive.getByTestId('heatmap-row-OBJ-10')).not.toHaveClass(/heatmap-empty/);
    const cell = executive.getByTestId('cell-OBJ-10-NET');
    await expect(cell).toHaveAttribute('data-count', '1');
    await expect(cell).toHaveAttribute('data-money', String(ANNUAL_COST));
    await cell.click();
    await expect(executive.getByTestId('cell-work')).toContainText(TITLE);
    await executive.getByTestId('heatmap').screenshot({ path: shot('governance-heatmap-after') });
  } finally {
    if (createdId) {
      const res = await pmo.request.delete(`${baseUrl()}/api/nodes/${createdId}`);
      expect([204, 404]).toContain(res.status());
    }
    for (const page of [executive, contributor, pmo]) await page.context().close();
  }
});

/** An element's screenshot, beside the pages' (the ignored e2e-screenshots/ folder). */
function shot(name: string) {
  return `${SCREENSHOTS}${name}.png`;
}

async function nodeId(page: Page, key: string): Promise<string> {
  const res = await page.request.get(`${baseUrl()}/api/nodes?q=${encodeURIComponent(key)}&limit=20`);
  const items = ((await res.json()) as { items: { id: string; key: string }[] }).items;
  return items.find((n) => n.key === key)!.id;
}
