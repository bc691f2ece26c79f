/**
 * Jest loads `globalSetup` through Node's own `require` (with SWC hooked in), where
 * `moduleNameMapper` does not apply. Our sources import each other as `./x.js` (Node ESM
 * style); map such a request to the TypeScript file beside it, as the mapper does in tests.
 * Required by jest.config.cjs, so it is in place before the global setup loads.
 */
const Module = require('node:module');

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  try {
    return resolve.call(this, request, parent, ...rest);
  } catch (error) {
    if (request.startsWith('.') && request.endsWith('.js')) {
      return resolve.call(this, request.slice(0, -3), parent, ...rest);
    }
    throw error;
  }
};
