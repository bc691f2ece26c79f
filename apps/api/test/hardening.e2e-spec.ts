import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { contentSecurityPolicy } from '../src/platform/http/hardening.js';
import { startTestApp, type TestApp } from './harness.js';
import request from 'supertest';

const SECRET = 'hardening-test-session-secret-0123456789';

/** Security headers, CORS, the Host check and the OpenAPI UI switch (docs/security.md, "Hardening"). */
/** Requests with no credentials but those a test sets (the harness's own `http()` may sign in as an admin). */
const anonymous = (t: TestApp) => request(t.app.getHttpServer());

describe('HTTP hardening', () => {
  describe('outside production', () => {
    let t: TestApp;
    const http = () => anonymous(t);
    beforeAll(async () => (t = await startTestApp()));
    afterAll(() => t.close());

    it('sends the security headers and no X-Powered-By', async () => {
      const res = await http().get('/api/health').expect(200);
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers['strict-transport-security']).toBeUndefined();
    });

    it('grants no cross-origin access (CORS off), preflight or not', async () => {
      const simple = await http().get('/api/health').set('Origin', 'https://evil.example');
      expect(simple.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await http()
        .options('/api/business-units')
        .set('Origin', 'https://evil.example')
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'x-requested-with, content-type');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      expect(preflight.headers['access-control-allow-headers']).toBeUndefined();
    });

    it('answers any Host, and serves the OpenAPI UI', async () => {
      await http().get('/api/auth/session').set('Host', 'anything.example').expect(401);
      await http().get('/api/docs-json').expect(200);
    });

    it('has a CSP the web app works under: its page loads no inline script', () => {
      const page = readFileSync(resolve(__dirname, '../../web/index.html'), 'utf8');
      const scripts = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect(attributes).toMatch(/\bsrc="\/[^"]+"/);
        expect(body.trim()).toBe('');
      }
      expect(page).not.toMatch(/\son[a-z]+="/);
      const directives = contentSecurityPolicy().directives;
      expect(directives['script-src']).toEqual(["'self'"]);
      expect(directives['worker-src']).toContain("'self'");
    });
  });

  describe('in production', () => {
    let t: TestApp;
    const http = () => anonymous(t);
    beforeAll(async () => {
      t = await startTestApp({
        NODE_ENV: 'production',
        SESSION_SECRET: SECRET,
        ALLOWED_HOSTS: 'throughline.example.com',
      });
    });
    afterAll(() => t.close());

    it('answers only the configured hosts (421 otherwise), except the health check', async () => {
      const refused = await http().get('/api/auth/session').set('Host', 'evil.example').expect(421);
      expect(refused.body.code).toBe('HOST_NOT_ALLOWED');
      await http().get('/api/auth/session').set('Host', 'evil.example:443').expect(421);
      await http().get('/api/auth/session').set('Host', 'throughline.example.com').expect(401);
      await http().get('/api/auth/session').set('Host', 'THROUGHLINE.example.com:8443').expect(401);
      await http().get('/api/health').set('Host', '10.0.0.7:3000').expect(200);
    });

    it('turns the OpenAPI UI off, sends HSTS, and marks the cookie Secure', async () => {
      const host = { Host: 'throughline.example.com' };
      await http().get('/api/docs-json').set(host).expect(404);
      await http().get('/api/docs').set(host).expect(404);
      const res = await http()
        .post('/api/auth/sign-up')
        .set(host)
        .send({ organisationName: 'Prod Org', name: 'Pat', email: 'pat@example.com', password: 'quartz-meadow-signal' })
        .expect(201);
      expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    });
  });
});
