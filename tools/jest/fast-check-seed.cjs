/**
 * Every fast-check property runs from one seed per test file, logged, so any run can be replayed:
 *
 *   FC_SEED=1234567 npx jest path/to/the.spec.ts
 *
 * Unset, the seed is drawn at random (a new sample of inputs each run). Jest loads this file
 * (setupFilesAfterEnv) in the test file's own module registry, so `fc.configureGlobal` applies to
 * the test's `import fc from 'fast-check'`. The seed is logged only for files that use fast-check;
 * a failing property also prints it (and the shrink path) in its error.
 */
const { readFileSync } = require('node:fs');
const { basename } = require('node:path');

function chooseSeed() {
  const given = process.env.FC_SEED;
  if (given === undefined || given.trim() === '') return (Math.random() * 0x1_0000_0000) | 0;
  if (!/^-?\d+$/.test(given.trim()) || !Number.isSafeInteger(Number(given)))
    throw new Error(`FC_SEED must be an integer (fast-check's seed), got ${JSON.stringify(given)}`);
  return Number(given) | 0;
}

const testPath = expect.getState().testPath;
let usesFastCheck = false;
try {
  usesFastCheck = testPath !== undefined && readFileSync(testPath, 'utf8').includes('fast-check');
} catch {
  usesFastCheck = false;
}

if (usesFastCheck) {
  const fc = require('fast-check');
  const seed = chooseSeed();
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
  console.log(
    `fast-check seed ${seed} for ${basename(testPath)} (replay: FC_SEED=${seed} npx jest ${basename(testPath)})`,
  );
}
