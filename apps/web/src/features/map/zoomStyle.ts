/**
 * The map's zoom published to its canvas element for CSS: `--zoom` (far-zoom labels, rings and
 * group names keep a readable size on screen) and `data-tiny` (only the key is left very far out).
 * Written straight to the DOM, never through React state, so no zoom re-renders a card.
 *
 * While a pan or zoom gesture runs (`moveStart` … `moveEnd`), nothing is written and the canvas
 * carries `data-moving="true"`: a new `--zoom` makes the browser work out the style and layout of
 * every label again, which on a 2,000-node overview cost more than the rest of a frame together
 * (docs/performance.md, "Map"). The labels scale with the map during the gesture and take their
 * screen size once it has ended and rested (`SETTLE_MS`).
 */
export interface ZoomStyle {
  /** React Flow's zoom changed (a gesture's steps are held back until it ends). */
  zoomed(zoom: number): void;
  moveStart(): void;
  moveEnd(zoom: number): void;
}

/**
 * After a gesture ends, how long the zoom waits before it is written: a mouse wheel's notches are
 * gestures of their own, and the labels are restyled once the wheel rests, not once per notch.
 */
export const SETTLE_MS = 150;

export function zoomStyle(
  element: HTMLElement,
  tinyZoom: number,
  initialZoom: number,
  /** Told each zoom as it is written (the far-zoom picture wraps its labels for it). */
  onWrite?: (zoom: number) => void,
): ZoomStyle {
  let moving = false;
  let written: number | null = null;
  let settle: ReturnType<typeof setTimeout> | undefined;
  /** The zoom now (what the settled write publishes, should it have changed since the gesture). */
  let latest = initialZoom;
  const write = (zoom: number) => {
    if (zoom === written) return;
    written = zoom;
    element.style.setProperty('--zoom', String(zoom));
    // (Data attributes: React owns the class name and would drop a class on its next render.)
    element.dataset.tiny = String(zoom < tinyZoom);
    onWrite?.(zoom);
  };
  write(initialZoom);
  return {
    zoomed(zoom) {
      latest = zoom;
      if (!moving && settle === undefined) write(zoom);
    },
    moveStart() {
      clearTimeout(settle);
      settle = undefined;
      moving = true;
      element.dataset.moving = 'true';
    },
    moveEnd(zoom) {
      latest = zoom;
      if (!moving) return; // the end of a fit or a control's step: already written as it went
      moving = false;
      clearTimeout(settle);
      settle = setTimeout(() => {
        settle = undefined;
        element.dataset.moving = 'false';
        write(latest);
      }, SETTLE_MS);
    },
  };
}
