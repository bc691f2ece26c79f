import { withAdmin } from './test-database.js';

export default async function globalTeardown() {
  const template = process.env.TL_TEMPLATE_DATABASE;
  if (!template) return;
  await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`));
}
