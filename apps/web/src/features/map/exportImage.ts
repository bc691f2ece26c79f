import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';

export type ImageFormat = 'png' | 'svg';

const MAX_SIDE = 6000; // browsers refuse canvases much larger than this
const PADDING = 48;

/**
 * The drawn view as an image, the way React Flow documents it (html-to-image pinned at 1.11.11,
 * as its example is: later versions leave SVG paths unstyled, so the links vanish from the image): frame the nodes' bounds, render the
 * viewport element with html-to-image at that transform, download the result. Every node must be
 * in the DOM with its full card (the caller draws everything, zoomed-out simplifications off, for
 * the moment).
 */
export async function exportMapImage(format: ImageFormat, nodes: Node[], fileName = `throughline-map.${format}`) {
  const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewport || nodes.length === 0) throw new Error('Nothing on the map to export');
  const bounds = getNodesBounds(nodes);
  const naturalWidth = bounds.width + 2 * PADDING;
  const naturalHeight = bounds.height + 2 * PADDING;
  const scale = Math.min(1, MAX_SIDE / naturalWidth, MAX_SIDE / naturalHeight);
  const width = Math.round(naturalWidth * scale);
  const height = Math.round(naturalHeight * scale);
  // (A bare number would be a fraction of the image: the padding is in pixels.)
  const transform = getViewportForBounds(bounds, width, height, 0.01, 2, `${Math.round(PADDING * scale)}px`);
  const options = {
    backgroundColor: '#f4f6f9',
    width,
    height,
    style: {
      width: `${width}px`,
      height: `${height}px`,
      transform: `translate(${transform.x}px, ${transform.y}px) scale(${transform.zoom})`,
    },
    // Handles are for drawing, not for reading.
    filter: (el: HTMLElement) => !el.classList?.contains('react-flow__handle'),
  };
  const dataUrl = format === 'png' ? await toPng(viewport, options) : await toSvg(viewport, options);
  const link = document.createElement('a');
  link.download = fileName;
  link.href = dataUrl;
  link.click();
}
