import type { Page } from '@playwright/test';
import { baseUrl, expect, mapOf, nodeByKey, screenshot, test } from './fixtures';

/**
 * Accounts end to end, as people would: an admin signs up a new organisation, starts it from the
 * demo template, invites a contributor for one business unit and copies the one-time link; the
 * contributor accepts it, logs in again with the password it chose, and finds strategy read-only —
 * on the map (no edit controls on an objective) and at the API (a direct edit is refused).
 */
test.use({ account: null });

const PASSWORD = 'a-long-enough-passphrase';

async function logOut(page: Page) {
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
}

test('sign up, invite a contributor, who accepts, logs in and cannot edit strategy', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const stamp = Date.now().toString(36);
  const organisation = `Acme ${stamp}`;
  const contributorEmail = `cara-${stamp}@acme.test`;

  // The admin signs up: a new organisation, empty, opens on its welcome.
  await page.goto(`${baseUrl()}/sign-up`);
  await page.getByLabel('Organisation name').fill(organisation);
  await page.getByLabel('Your name').fill('Ada Admin');
  await page.getByLabel('Email').fill(`ada-${stamp}@acme.test`);
  await page.getByLabel('Password').fill(PASSWORD);
  await screenshot(page, 'accounts-sign-up');
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await expect(page.getByRole('heading', { name: `Welcome to ${organisation}` })).toBeVisible();
  await expect(page.getByTestId('header-user')).toContainText('Ada Admin');
  await expect(page.getByTestId('header-user')).toContainText('Admin');
  await screenshot(page, 'accounts-welcome');

  // It starts from the demo as a template: the map opens on it.
  await page.getByRole('button', { name: 'Use the demo as a template' }).click();
  // (The toast saying so may be gone by the time the map is laid out: the map is the proof.)
  await expect(mapOf(page).statusLine()).toContainText('98 nodes', { timeout: 60_000 });
  await mapOf(page).ready();

  // Settings: the organisation's name, money and dates; the units the template brought.
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByTestId('units-table')).toContainText('Renewables');
  await screenshot(page, 'accounts-settings');
  // An admin's header (ten links, the organisation, the bell, the user, Log out, the database) stays one line at
  // 1280 px: wrapped, it was ~66 px tall with "Change log" and "Log out" broken over two lines.
  await page.setViewportSize({ width: 1280, height: 800 });
  expect((await page.locator('.app-header').boundingBox())!.height).toBeLessThan(56);
  for (const name of ['Change log', 'Settings']) {
    expect((await page.getByRole('link', { name }).boundingBox())!.height).toBeLessThan(30);
  }
  await page.setViewportSize({ width: 1600, height: 1000 });

  // Members: invite a contributor for Renewables (GEN) and copy the one-time link.
  await page.getByRole('link', { name: 'Members' }).click();
  const invite = page.getByRole('region', { name: 'Invite a member' });
  await invite.getByLabel('Email').fill(contributorEmail);
  await expect(invite.getByRole('combobox', { name: 'Role' })).toHaveValue('contributor');
  await invite.getByText('No units').click();
  await invite.getByRole('checkbox', { name: /GEN/ }).check();
  await invite.getByLabel('Email').click(); // closes the drop-down
  await invite.getByRole('button', { name: 'Invite' }).click();
  const created = page.getByTestId('invite-created');
  await expect(created).toContainText(`${contributorEmail} as Contributor`);
  const link = await created.getByTestId('one-time-link').inputValue();
  expect(link).toMatch(new RegExp(`^${baseUrl()}/invite/[\\w-]+$`));
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
  await created.getByRole('button', { name: 'Copy link' }).click();
  await expect(created.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await expect(page.getByTestId('invites-table')).toContainText(contributorEmail);
  await screenshot(page, 'accounts-members');
  await logOut(page);

  // The contributor, in a browser of its own, opens the link, names itself and chooses a password.
  const own = await browser.newContext({
    viewport: { width: 1600, height: 1000 },
    extraHTTPHeaders: { 'X-Requested-With': 'throughline' },
  });
  try {
    const cara = await own.newPage();
    await cara.goto(link);
    await expect(cara.getByRole('heading', { name: `Join ${organisation}` })).toBeVisible();
    await expect(cara.getByText(/invited as/)).toContainText(`Contributor with the email ${contributorEmail}`);
    await cara.getByLabel('Your name').fill('Cara Contributor');
    await cara.getByLabel('Choose a password').fill(PASSWORD);
    await screenshot(cara, 'accounts-accept-invite');
    await cara.getByRole('button', { name: `Join ${organisation}` }).click();
    await expect(cara.getByTestId('header-user')).toContainText('Contributor');
    await logOut(cara);

    // It logs in with the password it chose.
    await cara.getByLabel('Email').fill(contributorEmail);
    await cara.getByLabel('Password').fill(PASSWORD);
    await cara.getByRole('button', { name: 'Log in' }).click();
    await expect(cara.getByTestId('header-user')).toContainText('Cara Contributor');
    // No admin screens for a contributor.
    const nav = cara.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Map' })).toBeVisible();
    for (const admin of ['Members', 'Settings', 'Change log']) await expect(nav.getByText(admin)).toHaveCount(0);

    // On the map an objective has no edit controls.
    const map = mapOf(cara);
    await cara.goto(`${baseUrl()}/map`);
    await map.ready();
    await map.search('OBJ-1');
    const panel = cara.getByTestId('node-panel');
    await expect(panel).toBeVisible();
    await expect(panel.getByRole('button', { name: /delete/i })).toHaveCount(0);
    await expect(panel.getByRole('button', { name: /^save/i })).toHaveCount(0);
    const title = panel.getByLabel('Title', { exact: true });
    if ((await title.count()) > 0) await expect(title).not.toBeEditable();
    await screenshot(cara, 'accounts-contributor-objective');

    // And the API refuses a direct attempt, whatever the page shows.
    const objective = await nodeByKey(cara.request, 'OBJ-1');
    const refused = await cara.request.patch(`${baseUrl()}/api/nodes/${objective.id}`, {
      data: { title: 'Edited by a contributor', version: 1 },
    });
    expect(refused.status(), await refused.text()).toBe(403);
    expect(((await refused.json()) as { code: string }).code).toBe('FORBIDDEN');
    const after = (await (await cara.request.get(`${baseUrl()}/api/nodes/${objective.id}`)).json()) as {
      title: string;
    };
    expect(after.title).not.toBe('Edited by a contributor');
  } finally {
    await own.close();
  }
});
