import { closeSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { EmbeddedPostgresError } from './error.js';
import { isAlive, startTimeOf } from './processes.js';

// The data folder's lock: one live owner per folder, in `<dataDir>/throughline.lock`.

export const LOCK_FILE = 'throughline.lock';

interface LockContent {
  pid: number;
  startTime: string;
  token: string;
}

/** One owner per data folder, recorded in `<dataDir>/throughline.lock`; a dead owner's lock is taken over. */
export function acquireLock(dataDir: string): void {
  const file = join(dataDir, LOCK_FILE);
  const mine: LockContent = { pid: process.pid, startTime: startTimeOf(process.pid), token: tokenOf(dataDir) };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o644);
      writeSync(fd, `${JSON.stringify(mine)}\n`);
      closeSync(fd);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let seen: string;
    try {
      seen = readFileSync(file, 'utf8');
    } catch {
      continue; // removed meanwhile: try again
    }
    refuseLiveHolder(dataDir, parseLock(seen));
    // A dead owner's lock. Move it aside atomically; if what we moved is not what we judged dead
    // (another starter took the folder in between), put it back and look again.
    const aside = `${file}.${process.pid}.stale`;
    try {
      renameSync(file, aside);
    } catch {
      continue;
    }
    if (readFileSync(aside, 'utf8') !== seen) {
      try {
        linkSync(aside, file);
      } catch {
        // someone else holds it now: the next round sees them
      }
    }
    unlinkSync(aside);
  }
  throw new EmbeddedPostgresError(`Could not take the lock ${file}: it keeps changing.`, 'in-use');
}

export function refuseLiveHolder(dataDir: string, holder: LockContent | undefined) {
  if (holder && isAlive(holder.pid, holder.startTime)) {
    throw new EmbeddedPostgresError(
      `The data folder ${dataDir} is in use by another Throughline server (pid ${holder.pid}). ` +
        'Stop that server, or set DATA_DIR to another folder.',
      'in-use',
    );
  }
}

/** Frees the folder if this process holds it. */
export function releaseLockOf(dataDir: string) {
  const file = join(dataDir, LOCK_FILE);
  try {
    if (parseLock(readFileSync(file, 'utf8'))?.token === tokenOf(dataDir)) unlinkSync(file);
  } catch {
    // already gone
  }
}

/** This process's token for a folder: stable within the process, unique across processes and boots. */
function tokenOf(dataDir: string): string {
  return `${process.pid}:${startTimeOf(process.pid)}:${dataDir}`;
}

export function parseLock(text: string): LockContent | undefined {
  try {
    const lock = JSON.parse(text) as LockContent;
    return Number.isInteger(lock.pid) ? lock : undefined;
  } catch {
    return undefined; // a torn or foreign file: nobody alive holds it
  }
}
