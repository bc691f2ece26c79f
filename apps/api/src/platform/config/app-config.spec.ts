import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONFIG_VARIABLES, ConfigError, validateEnvironment } from './app-config.js';

describe(validateEnvironment.name, () => {
  it('fills every default from an empty environment', () => {
    expect(validateEnvironment({})).toEqual({
      nodeEnv: 'development',
      host: '127.0.0.1',
      port: 3000,
      databaseUrl: undefined,
      dataDir: '.data',
      dbPoolSize: 10,
      logLevel: 'info',
      demoSeed: true,
      databaseAppUrl: undefined,
      databaseAppRole: 'throughline_app',
      security: {
        sessionSecret: undefined,
        allowedOrigins: [],
        allowedHosts: [],
        trustProxy: 0,
        openApiUi: true,
        rateLimitPerMinute: 1200,
      },
    });
  });

  it('requires SESSION_SECRET in production, where the demo and the OpenAPI UI default to off', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET: required/);
    const secret = 's'.repeat(32);
    expect(validateEnvironment({ NODE_ENV: 'production', SESSION_SECRET: secret })).toMatchObject({
      demoSeed: false,
      security: { sessionSecret: secret, openApiUi: false, allowedHosts: ['localhost', '127.0.0.1', '[::1]'] },
    });
    expect(
      validateEnvironment({
        NODE_ENV: 'production',
        SESSION_SECRET: secret,
        DEMO_SEED: 'true',
        OPENAPI_UI: 'true',
        ALLOWED_HOSTS: 'Throughline.example.com, app.example.com:8443',
        ALLOWED_ORIGINS: 'https://a.example.com,https://b.example.com:8443',
        TRUST_PROXY: '1',
      }),
    ).toMatchObject({
      demoSeed: true,
      security: {
        openApiUi: true,
        allowedHosts: ['throughline.example.com', 'app.example.com:8443'],
        allowedOrigins: ['https://a.example.com', 'https://b.example.com:8443'],
        trustProxy: 1,
      },
    });
  });

  it('reads and converts given values', () => {
    const config = validateEnvironment({
      PORT: '8080',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/tl',
      DB_POOL_SIZE: '4',
      LOG_LEVEL: 'warn',
      DEMO_SEED: 'false',
      UNRELATED: 'ignored',
    });
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/tl',
      dbPoolSize: 4,
      logLevel: 'warn',
      demoSeed: false,
    });
  });

  it('treats an empty variable as unset', () => {
    expect(validateEnvironment({ PORT: '', DATABASE_URL: '' })).toMatchObject({ port: 3000, databaseUrl: undefined });
  });

  it.each([
    ['PORT', 'abc', 'PORT'],
    ['PORT', '3000abc', 'PORT'],
    ['PORT', '70000', 'PORT'],
    ['DATABASE_URL', 'mysql://x@y/z', 'DATABASE_URL'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL'],
    ['NODE_ENV', 'staging', 'NODE_ENV'],
    ['DB_POOL_SIZE', '0', 'DB_POOL_SIZE'],
    ['DEMO_SEED', 'maybe', 'DEMO_SEED'],
    ['DATABASE_APP_URL', 'mysql://x@y/z', 'DATABASE_APP_URL'],
    ['DATABASE_APP_ROLE', 'Robert"; DROP', 'DATABASE_APP_ROLE'],
    ['SESSION_SECRET', 'too-short', 'SESSION_SECRET'],
    ['ALLOWED_ORIGINS', 'app.example.com', 'ALLOWED_ORIGINS'],
    ['TRUST_PROXY', 'yes', 'TRUST_PROXY'],
  ])('refuses %s=%s and names the variable', (name, value, named) => {
    expect(() => validateEnvironment({ [name]: value })).toThrow(ConfigError);
    expect(() => validateEnvironment({ [name]: value })).toThrow(
      new RegExp(`${named}: .*${JSON.stringify(value).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );
  });

  it('reports every bad variable at once', () => {
    try {
      validateEnvironment({ PORT: 'x', LOG_LEVEL: 'y' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect((error as ConfigError).problems.map((p) => p.split(':')[0]).sort()).toEqual(['LOG_LEVEL', 'PORT']);
    }
  });

  it('says everything wrong on one line, each problem naming its variable', () => {
    try {
      validateEnvironment({ PORT: 'x', DB_POOL_SIZE: '0' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect((error as ConfigError).message).not.toContain('\n');
      expect((error as ConfigError).message).toMatch(/^Invalid configuration: .*PORT: .*; .*DB_POOL_SIZE: /);
    }
  });

  it('is documented variable for variable in .env.example', () => {
    const example = readFileSync(resolve(__dirname, '../../../../../.env.example'), 'utf8');
    const documented = [...example.matchAll(/^#?\s*([A-Z_]+)=/gm)].map((m) => m[1]);
    expect(new Set(documented)).toEqual(new Set(CONFIG_VARIABLES));
  });
});
