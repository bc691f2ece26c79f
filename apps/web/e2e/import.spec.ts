import { baseUrl, expect, screenshot, test } from './fixtures';

/**
 * Issue 13, spreadsheet import, signed in as the demo PMO lead: a CSV of two projects (one with a
 * quoted title holding a separator, a day-first date) mapped, checked by a dry run that shows what
 * it would create, then imported; the projects exist afterwards and are deleted when the test ends.
 */
test('import a CSV through the dry run, then apply it', async ({ page, scratch }) => {
  const stamp = Date.now();
  const keys = [`IMP-${stamp}-1`, `IMP-${stamp}-2`];
  const csv =
    'Reference,Project name,Unit,Budget,Start\n' +
    `${keys[0]},"Solar farm, phase 1",GEN,"12,500",31/03/2027\n` +
    `${keys[1]},Battery storage,GEN,8000,2027-06-30\n`;
  await page.goto(`${baseUrl()}/import`);
  await page.getByLabel('Sheet kind').selectOption('projects');
  await page
    .getByLabel('File', { exact: true })
    .setInputFiles({ name: 'projects.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByLabel('Field for Reference').selectOption('key');
  await page.getByLabel('Field for Project name').selectOption('title');
  await page.getByLabel('Field for Unit').selectOption('businessUnit');
  await page.getByLabel('Field for Budget').selectOption('budget');
  await page.getByLabel('Field for Start').selectOption('startDate');
  await expect(page.getByRole('button', { name: 'Import' })).toBeDisabled();
  await page.getByRole('button', { name: 'Check (dry run)' }).click();

  const counts = page.getByTestId('diff-counts');
  await expect(counts.getByRole('row', { name: /Nodes/ })).toContainText('Nodes200');
  await expect(page.getByTestId('diff-create')).toHaveCount(2);
  await expect(page.getByTestId('diff-create').first()).toContainText(keys[0]);
  await screenshot(page, 'import-dry-run');
  // The dry run wrote nothing.
  const before = await page.request.get(`${baseUrl()}/api/nodes?q=IMP-${stamp}&limit=20`);
  expect(((await before.json()) as { items: { key: string }[] }).items).toEqual([]);

  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByTestId('import-done')).toContainText('Imported 2 rows: 2 created');
  await screenshot(page, 'import-applied');
  const solar = await scratch.track(keys[0]);
  await scratch.track(keys[1]);
  expect(solar).toMatchObject({ title: 'Solar farm, phase 1', budget: 12500, startDate: '2027-03-31' });
});
