import { Controller, Get, Post } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AccessModule, PERMISSION_TABLE } from './access.module.js';
import type { Permission } from './permissions.js';
import { permissionProblems } from './route-table.js';

@Controller('widgets')
class WidgetsController {
  @Get()
  list() {
    return [];
  }

  @Get(':id')
  get() {
    return {};
  }

  @Post(':id/polish')
  polish() {
    return {};
  }
}

const COMPLETE: Record<string, Permission> = {
  'GET /api/widgets': 'authenticated',
  'GET /api/widgets/:id': 'authenticated',
  'POST /api/widgets/:id/polish': ['admin', 'pmo'],
};

/** Builds and initialises an app of AccessModule and WidgetsController under /api with the given table. */
async function start(table: Record<string, Permission>) {
  const moduleRef = await Test.createTestingModule({ imports: [AccessModule], controllers: [WidgetsController] })
    .overrideProvider(PERMISSION_TABLE)
    .useValue(table)
    .compile();
  const app = moduleRef.createNestApplication({ logger: false });
  app.setGlobalPrefix('api');
  try {
    await app.init();
  } finally {
    await app.close();
  }
}

describe(AccessModule.name, () => {
  it('starts when every route has exactly one entry', async () => {
    await expect(start(COMPLETE)).resolves.toBeUndefined();
  });

  it('refuses to start, naming the route, when a route has no entry', async () => {
    const { ['POST /api/widgets/:id/polish']: _left, ...lacking } = COMPLETE;
    await expect(start(lacking)).rejects.toThrow(/POST \/api\/widgets\/:id\/polish: no entry in the permission table/);
  });

  it('refuses to start when an entry names no route (a typo would otherwise leave the real route uncovered)', async () => {
    await expect(start({ ...COMPLETE, 'DELETE /api/widgets/:id': ['admin'] })).rejects.toThrow(
      /DELETE \/api\/widgets\/:id: in the permission table but no such route/,
    );
  });
});

describe(permissionProblems.name, () => {
  it('lists both kinds of mismatch, and nothing when route and table agree', () => {
    expect(
      permissionProblems(['GET /api/a', 'POST /api/b'], { 'GET /api/a': 'public', 'GET /api/c': 'public' }),
    ).toEqual([
      'POST /api/b: no entry in the permission table',
      'GET /api/c: in the permission table but no such route',
    ]);
    expect(permissionProblems(['GET /api/a'], { 'GET /api/a': 'public' })).toEqual([]);
  });
});
