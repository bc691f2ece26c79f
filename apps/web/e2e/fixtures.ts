import { expect, test as base, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * What every browser test shares. Each test opens its own page on the demo organisation
 * (docs/demo-portfolio.md: Northwind Energy, 98 nodes and 186 links, whose only objective
 * without delivery is OBJ-10), signed in as its demo PMO lead unless it asks for another
 * `account` (`test.use({ account: 'contributor' })`, or `null` for nobody), and sets up what it
 * needs itself; what it adds it records with
 * `scratch`, which deletes it afterwards (pass or fail), so every test finds the demo as it
 * was, whatever ran before it and in whatever order.
 */

/**
 * Screenshots of the tests land here, in an ignored folder; `npm run docs:screenshots`
 * publishes them to docs/screenshots (e2e/publish-screenshots.ts). A test never writes docs/.
 */
export const SCREENSHOTS = fileURLToPath(new URL('../e2e-screenshots/', import.meta.url));

export const DEMO = { nodes: 98, links: 186, findings: 8, errors: 2 } as const;

export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set: run through playwright.config.ts (global setup)');
  return url;
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png` });
}

interface NodeRecord {
  id: string;
  key: string;
}

/** Nodes a test created (through the map or the API), deleted with their links when it ends. */
export class Scratch {
  private readonly ids: string[] = [];

  constructor(private readonly request: APIRequestContext) {}

  /** The node with this key, found through the API; deleted when the test ends. */
  async track(key: string): Promise<NodeRecord> {
    const node = await nodeByKey(this.request, key);
    this.ids.push(node.id);
    return node;
  }

  /** A new project of the Renewables unit, contributing to `contributesTo` (a key), through the API. */
  async project(title: string, contributesTo: string): Promise<NodeRecord> {
    const units = (await (await this.request.get(`${baseUrl()}/api/business-units`)).json()) as {
      id: string;
      key: string;
    }[];
    const created = await this.request.post(`${baseUrl()}/api/nodes`, {
      data: {
        kind: 'project',
        title,
        owner: 'Head of Community Energy',
        businessUnitId: units.find((u) => u.key === 'GEN')!.id,
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const node = (await created.json()) as NodeRecord;
    this.ids.push(node.id);
    const target = await nodeByKey(this.request, contributesTo);
    const link = await this.request.post(`${baseUrl()}/api/links`, {
      data: { fromId: node.id, toId: target.id, kind: 'contributes_to' },
    });
    expect(link.status(), await link.text()).toBe(201);
    return node;
  }

  async cleanUp() {
    for (const id of this.ids.reverse()) {
      const res = await this.request.delete(`${baseUrl()}/api/nodes/${id}`);
      expect([204, 404], `deleting ${id}: ${res.status()} ${await res.text()}`).toContain(res.status());
    }
  }
}

export async function nodeByKey(request: APIRequestContext, key: string): Promise<NodeRecord> {
  const page = (await (await request.get(`${baseUrl()}/api/nodes?q=${encodeURIComponent(key)}&limit=20`)).json()) as {
    items: NodeRecord[];
  };
  const node = page.items.find((n) => n.key === key);
  if (!node) throw new Error(`no node ${key}`);
  return node;
}

export type Role = 'admin' | 'pmo' | 'executive' | 'contributor';

export interface Account {
  email: string;
  password: string;
  role: Role;
  name: string;
}

/** The demo organisation's account of `role` (`GET /api/auth/demo-accounts`, on while DEMO_SEED is). */
export async function demoAccount(request: APIRequestContext, role: Role): Promise<Account> {
  const res = await request.get(`${baseUrl()}/api/auth/demo-accounts`);
  expect(res.status(), 'the demo accounts (DEMO_SEED on)').toBe(200);
  const account = ((await res.json()) as Account[]).find((a) => a.role === role);
  if (!account) throw new Error(`no demo account with the role ${role}`);
  return account;
}

/**
 * Logs in through the API. With a browser context's `request`, the session cookie lands in that
 * context, so its pages are signed in too.
 */
export async function logIn(request: APIRequestContext, email: string, password: string) {
  const res = await request.post(`${baseUrl()}/api/auth/log-in`, { data: { email, password } });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as { user: { id: string; name: string }; role: Role; organisation: { id: string } };
}

export const test = base.extend<{ account: Role | null; scratch: Scratch }>({
  /** Who the test's pages and `request` are signed in as (a demo account), or nobody (`null`). */
  account: ['pmo', { option: true }],
  // (Playwright's `use`, named so React's hook rules do not take it for a hook.)
  context: async ({ context, account }, provide) => {
    if (account) {
      const { email, password } = await demoAccount(context.request, account);
      await logIn(context.request, email, password);
    }
    await provide(context);
  },
  // The API calls of a test share its pages' cookies: signed in as the same member.
  request: async ({ context }, provide) => {
    await provide(context.request);
  },
  scratch: async ({ request }, provide) => {
    const scratch = new Scratch(request);
    await provide(scratch);
    await scratch.cleanUp();
  },
});

export { expect };

/** The map of a page: the helpers the tests drive it with. */
export function mapOf(page: Page) {
  const node = (key: string) => page.getByTestId(`node-${key}`);

  async function centre(locator: Locator) {
    const box = await locator.boundingBox();
    if (!box) throw new Error('not on screen');
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  return {
    node,
    statusLine: () => page.getByTestId('status-line'),
    finding: (rule: string, keys: string) =>
      page.locator(`[data-testid=finding][data-rule="${rule}"][data-keys="${keys}"]`),

    /** Opens the map (at `query`, e.g. `?audit=1`) and waits until it is laid out. */
    async open(query = '') {
      await page.goto(`${baseUrl()}/${query}`);
      await this.ready();
    },

    /** Laid out: generous, as the layout shares the machine's cores with the API and the browser. */
    async ready() {
      await expect(page.locator('[data-testid=map-canvas][data-ready=true] .react-flow__node').first()).toBeVisible({
        timeout: 30_000,
      });
    },

    /**
     * A project made from the palette while the map is centred on `near` (a key), so it is drawn
     * beside it; recorded with `scratch` to be deleted after the test. Answers its key.
     */
    async createProject(scratch: Scratch, near: string): Promise<string> {
      await this.search(near);
      await page.getByTestId('palette-project').click();
      const form = page.getByTestId('new-node-panel');
      await form.getByLabel('Title').fill('Community energy pilot');
      await form.getByLabel('Owner').fill('Head of Community Energy');
      await form.getByLabel('Business unit').selectOption({ label: 'GEN — Renewables' });
      await form.getByLabel('Budget').fill('250000');
      await form.getByRole('button', { name: 'Create project' }).click();
      const created = page.getByTestId('toast').filter({ hasText: 'created' });
      await expect(created).toBeVisible();
      const key = /(PRJ-\d+) created/.exec((await created.textContent()) ?? '')![1];
      await scratch.track(key);
      await expect(node(key)).toBeVisible();
      return key;
    },

    /** `/` focuses the search; Enter picks the best match, selects it and zooms to it. */
    async search(text: string) {
      await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('/');
      await expect(page.getByRole('searchbox', { name: 'Search nodes' })).toBeFocused();
      await page.keyboard.type(text);
      await expect(page.locator('.search-hit').first()).toContainText(text);
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('selected-key')).toHaveText(text, { useInnerText: false });
      await page.waitForTimeout(500); // the zoom animation
    },

    async fitView() {
      await page.locator('.react-flow__controls-fitview').click();
      await page.waitForTimeout(300);
    },

    /** Drags a link from one node's handle to another's, pausing over the target as a person would. */
    async dragLink(
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
    },

    /** Dismisses every toast (so a screenshot shows the map alone). */
    async dismissToasts() {
      const toasts = page.getByTestId('toast');
      while ((await toasts.count()) > 0)
        await toasts
          .first()
          .getByRole('button', { name: 'Dismiss' })
          .click({ timeout: 1000 })
          .catch(() => undefined);
    },
  };
}
