import '@testing-library/jest-dom';

/**
 * jsdom has no layout engine; React Flow measures nodes with ResizeObserver and
 * DOMMatrix. These stand-ins let components mount; what they draw is tested in Chromium.
 */
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;
(globalThis as { DOMMatrixReadOnly?: unknown }).DOMMatrixReadOnly ??= class {
  m22 = 1;
  constructor() {}
};

// jsdom lacks TextEncoder/TextDecoder, which react-router reads when it loads.
import { TextDecoder, TextEncoder } from 'node:util';
Object.assign(globalThis, { TextEncoder, TextDecoder });
