import { SETTLE_MS, zoomStyle } from './zoomStyle';

const zoomOf = (element: HTMLElement) => element.style.getPropertyValue('--zoom');

describe('zoomStyle', () => {
  it('publishes the zoom and whether it is tiny at once when nothing moves', () => {
    const element = document.createElement('div');
    const published = zoomStyle(element, 0.17, 0.3);
    expect(zoomOf(element)).toBe('0.3');
    expect(element.dataset.tiny).toBe('false');
    published.zoomed(0.1);
    expect(zoomOf(element)).toBe('0.1');
    expect(element.dataset.tiny).toBe('true');
  });

  afterEach(() => jest.useRealTimers());

  it('holds the zoom back during a pan or zoom gesture and writes where it ended once it rests', () => {
    jest.useFakeTimers();
    const element = document.createElement('div');
    const published = zoomStyle(element, 0.17, 0.3);
    published.moveStart();
    expect(element.dataset.moving).toBe('true');
    published.zoomed(0.25);
    published.zoomed(0.12);
    expect(zoomOf(element)).toBe('0.3');
    expect(element.dataset.tiny).toBe('false');
    published.moveEnd(0.12);
    // A wheel's next notch within the settling time is the same movement: still nothing written.
    jest.advanceTimersByTime(SETTLE_MS - 10);
    expect(zoomOf(element)).toBe('0.3');
    published.moveStart();
    published.zoomed(0.1);
    published.moveEnd(0.12);
    jest.advanceTimersByTime(SETTLE_MS - 10);
    expect(element.dataset.moving).toBe('true');
    expect(zoomOf(element)).toBe('0.3');
    jest.advanceTimersByTime(10);
    expect(element.dataset.moving).toBe('false');
    expect(zoomOf(element)).toBe('0.12');
    expect(element.dataset.tiny).toBe('true');
    published.zoomed(0.5); // a programmatic change after the gesture (fit view, a control) is written at once
    expect(zoomOf(element)).toBe('0.5');
    published.moveEnd(0.5); // ...and its end holds nothing back
    published.zoomed(0.6);
    expect(zoomOf(element)).toBe('0.6');
  });
});
