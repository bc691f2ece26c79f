import type { Response } from '@playwright/test';
import { DEMO, expect, mapOf, test } from './fixtures';

const RELOADS = 10;

/**
 * The map loaded again and again, as a user pressing F5 would: every load sends the graph,
 * audit and coverage requests at once. Every `/api` response of every load is checked — a
 * 500 the map hides (a query retried, a panel left empty) fails the test as surely as one it
 * shows — and so is every `/api` request that got no response at all (a connection reset).
 * With the embedded default this is what PGlite failed (`prepared statement … already exists`).
 */
test(`the map loads ${RELOADS} times in a row with no /api response of 500 or more`, async ({ page }) => {
  test.setTimeout(RELOADS * 30_000);
  const responses: { url: string; status: number }[] = [];
  const failed: string[] = [];
  const isApi = (url: string) => new URL(url).pathname.startsWith('/api/');
  page.on('response', (response: Response) => {
    if (isApi(response.url())) responses.push({ url: response.url(), status: response.status() });
  });
  page.on('requestfailed', (request) => {
    // A request the page itself gave up on (a query cancelled by the reload) is not a server failure.
    if (isApi(request.url()) && request.failure()?.errorText !== 'net::ERR_ABORTED')
      failed.push(`${request.url()}: ${request.failure()?.errorText}`);
  });

  const map = mapOf(page);
  await map.open('?audit=1'); // the overlay open: the audit is requested with the graph
  for (let load = 1; load <= RELOADS; load++) {
    const seen = ['/api/graph', '/api/audit', '/api/coverage'].map((path) =>
      page.waitForResponse((r) => new URL(r.url()).pathname === path),
    );
    await page.reload();
    await map.ready();
    await Promise.all(seen);
    await expect(map.statusLine()).toContainText(`${DEMO.nodes} nodes · ${DEMO.links} links`);
    await expect(page.getByTestId('findings-panel').locator('[data-testid=finding]')).toHaveCount(DEMO.findings);
  }
  await page.waitForLoadState('networkidle');

  const paths = new Set(responses.map((r) => new URL(r.url).pathname));
  expect([...paths]).toEqual(expect.arrayContaining(['/api/graph', '/api/audit', '/api/coverage']));
  expect(responses.length).toBeGreaterThanOrEqual(3 * RELOADS);
  expect(responses.filter((r) => r.status >= 500)).toEqual([]);
  expect(failed).toEqual([]);
});
