import { defineConfig } from '@playwright/test';

/**
 * Browser tests of the built app against a real API and database, in Debian's Chromium (never a
 * browser downloaded by Playwright). `e2e/global-setup.ts` starts the built API on a free port with
 * the demo organisation — on its embedded PostgreSQL in a temporary folder, or on a database of its
 * own on TEST_DATABASE_URL's server — and removes it all afterwards. Each test sets up what it needs
 * (e2e/fixtures.ts), so they pass alone and in any order. Everything a run writes lands in ignored
 * folders: `test-results/` and `e2e-screenshots/` (published to docs/ only by `npm run docs:screenshots`).
 */
export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  // Each test opens and lays out its own map; on a busy 2-core machine an export alone can take 30 s.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    viewport: { width: 1600, height: 1000 },
    screenshot: 'only-on-failure',
    // The API asks every cookie-authenticated change for this header (its CSRF proof), as the app sends it.
    extraHTTPHeaders: { 'X-Requested-With': 'throughline' },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
