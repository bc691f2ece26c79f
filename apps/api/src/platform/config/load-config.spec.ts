import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './app-config.js';
import { loadConfig } from './load-config.js';

/** The API (ConfigModule) and `npm run db:migrate` both read their settings through loadConfig. */
describe(loadConfig.name, () => {
  const folder = mkdtempSync(join(tmpdir(), 'throughline-config-'));
  const envFile = join(folder, '.env');
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('reads the .env file', () => {
    writeFileSync(envFile, '# comment\nDATABASE_URL=postgres://postgres@127.0.0.1:5432/configured\nPORT="3100"\n');
    expect(loadConfig({ env: {}, envFile })).toMatchObject({
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/configured',
      port: 3100,
    });
  });

  it('lets the environment win over the file, and the overrides over both', () => {
    writeFileSync(envFile, 'PORT=3100\nLOG_LEVEL=debug\nDATA_DIR=from-file\n');
    const config = loadConfig({
      env: { PORT: '3200', LOG_LEVEL: 'warn' },
      envFile,
      overrides: { LOG_LEVEL: 'silent' },
    });
    expect(config).toMatchObject({ port: 3200, logLevel: 'silent', dataDir: 'from-file' });
  });

  it('reads .env in the working directory by default (where npm start and db:migrate run)', () => {
    writeFileSync(envFile, 'DATA_DIR=from-default-file\n');
    const cwd = process.cwd();
    process.chdir(folder);
    try {
      expect(loadConfig({ env: {} }).dataDir).toBe('from-default-file');
      expect(loadConfig({ env: {}, envFile: false }).dataDir).toBe('.data');
    } finally {
      process.chdir(cwd);
    }
  });

  it('works without a file', () => {
    expect(loadConfig({ env: {}, envFile: join(folder, 'missing.env') }).port).toBe(3000);
  });

  it('refuses a bad value from the file, naming the variable', () => {
    writeFileSync(envFile, 'DB_POOL_SIZE=lots\n');
    expect(() => loadConfig({ env: {}, envFile })).toThrow(ConfigError);
    expect(() => loadConfig({ env: {}, envFile })).toThrow(/DB_POOL_SIZE/);
  });
});
